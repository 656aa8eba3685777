using System.Globalization;
using System.Runtime.Serialization;
using System.Text.Json.Nodes;
using Quartz;
using Quartz.Impl.Calendar;

namespace Nop.Plugin.Misc.CustomFlows.Scheduling.Serialization;

/// <summary>
/// JSON form of Quartz's built-in calendars, each with the calendar it is layered on
/// </summary>
internal static class CalendarJson
{
    private const string DateFormat = "yyyy-MM-dd";

    public static JsonObject Write(ICalendar calendar)
    {
        var json = new JsonObject
        {
            ["description"] = calendar.Description,
            ["base"] = calendar.CalendarBase is null ? null : Write(calendar.CalendarBase)
        };

        switch (calendar)
        {
            // Exact types: the subclasses derive from BaseCalendar and from nothing else here.
            case AnnualCalendar annual when annual.GetType() == typeof(AnnualCalendar):
                json["type"] = "annual";
                json["days"] = Dates(annual.DaysExcluded);
                break;
            case HolidayCalendar holiday when holiday.GetType() == typeof(HolidayCalendar):
                json["type"] = "holiday";
                json["dates"] = Dates(holiday.ExcludedDates);
                break;
            case WeeklyCalendar weekly when weekly.GetType() == typeof(WeeklyCalendar):
                json["type"] = "weekly";
                json["excluded"] = Flags(weekly.DaysExcluded);
                break;
            case MonthlyCalendar monthly when monthly.GetType() == typeof(MonthlyCalendar):
                json["type"] = "monthly";
                json["excluded"] = Flags(monthly.DaysExcluded);
                break;
            case DailyCalendar daily when daily.GetType() == typeof(DailyCalendar):
                json["type"] = "daily";
                json["start"] = daily.RangeStartingTime;
                json["end"] = daily.RangeEndingTime;
                json["invert"] = daily.InvertTimeRange;
                break;
            case CronCalendar cron when cron.GetType() == typeof(CronCalendar):
                json["type"] = "cron";
                json["expression"] = cron.CronExpression.CronExpressionString;
                break;
            case BaseCalendar plain when plain.GetType() == typeof(BaseCalendar):
                json["type"] = "base";
                break;
            default:
                throw new SerializationException($"Calendars of type {calendar.GetType()} cannot be stored by the flow scheduler.");
        }

        json["timeZone"] = ((BaseCalendar)calendar).TimeZone?.Id;
        return json;
    }

    public static ICalendar Read(JsonObject json)
    {
        if (json is null)
            throw new SerializationException("A stored calendar has no content.");

        var baseCalendar = json["base"] is JsonObject baseJson ? Read(baseJson) : null;
        BaseCalendar calendar;
        switch (json["type"]?.GetValue<string>())
        {
            case "annual":
                var annual = new AnnualCalendar(baseCalendar);
                foreach (var day in ReadDates(json["days"]))
                    annual.SetDayExcluded(day, true);
                calendar = annual;
                break;
            case "holiday":
                var holiday = new HolidayCalendar(baseCalendar);
                foreach (var date in ReadDates(json["dates"]))
                    holiday.AddExcludedDate(date);
                calendar = holiday;
                break;
            case "weekly":
                calendar = new WeeklyCalendar(baseCalendar) { DaysExcluded = ReadFlags(json["excluded"]) };
                break;
            case "monthly":
                calendar = new MonthlyCalendar(baseCalendar) { DaysExcluded = ReadFlags(json["excluded"]) };
                break;
            case "daily":
                calendar = new DailyCalendar(baseCalendar, json["start"]!.GetValue<string>(), json["end"]!.GetValue<string>())
                {
                    InvertTimeRange = json["invert"]!.GetValue<bool>()
                };
                break;
            case "cron":
                calendar = new CronCalendar(baseCalendar, json["expression"]!.GetValue<string>());
                break;
            case "base":
                calendar = new BaseCalendar(baseCalendar);
                break;
            case var type:
                throw new SerializationException($"Unknown calendar type '{type}' in the job store.");
        }

        calendar.Description = json["description"]?.GetValue<string>();
        if (json["timeZone"]?.GetValue<string>() is { } zoneId)
            calendar.TimeZone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);

        return calendar;
    }

    private static JsonArray Dates(IEnumerable<DateTime> dates)
    {
        return new JsonArray(dates.OrderBy(date => date)
            .Select(date => (JsonNode)JsonValue.Create(date.ToString(DateFormat, CultureInfo.InvariantCulture)))
            .ToArray());
    }

    private static IEnumerable<DateTime> ReadDates(JsonNode node)
    {
        return (node as JsonArray ?? [])
            .Select(date => DateTime.ParseExact(date!.GetValue<string>(), DateFormat, CultureInfo.InvariantCulture));
    }

    private static JsonArray Flags(bool[] flags)
    {
        return new JsonArray(flags.Select(flag => (JsonNode)JsonValue.Create(flag)).ToArray());
    }

    private static bool[] ReadFlags(JsonNode node)
    {
        return (node as JsonArray ?? []).Select(flag => flag!.GetValue<bool>()).ToArray();
    }
}
