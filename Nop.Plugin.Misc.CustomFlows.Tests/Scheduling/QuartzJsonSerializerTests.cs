using System.Collections;
using System.Collections.Specialized;
using System.Runtime.Serialization;
using System.Text;
using Nop.Plugin.Misc.CustomFlows.Scheduling.Serialization;
using Quartz;
using Quartz.Impl.Calendar;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Scheduling;

[TestFixture]
public class QuartzJsonSerializerTests
{
    private static readonly TimeZoneInfo _warsaw = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");
    private readonly QuartzJsonSerializer _serializer = new();

    private T RoundTrip<T>(object value) where T : class
    {
        // Quartz passes everything through SerializeObject(object), so the declared type is object.
        return _serializer.DeSerialize<T>(_serializer.Serialize(value));
    }

    [Test]
    public void A_job_data_map_comes_back_with_every_value_in_its_original_type()
    {
        var map = new JobDataMap
        {
            ["text"] = "zażółć",
            ["flag"] = true,
            ["count"] = 42,
            ["big"] = 9_000_000_000L,
            ["ratio"] = 0.25d,
            ["price"] = 19.99m,
            ["dueOnUtc"] = new DateTime(2026, 11, 23, 9, 30, 0, DateTimeKind.Utc),
            ["firedAt"] = new DateTimeOffset(2026, 11, 23, 10, 30, 0, TimeSpan.FromHours(1)),
            ["wait"] = TimeSpan.FromDays(3),
            ["runId"] = Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff"),
            ["nothing"] = null
        };

        var copy = RoundTrip<IDictionary>(map);

        Assert.That(copy, Is.InstanceOf<JobDataMap>());
        var copied = (JobDataMap)copy;
        Assert.Multiple(() =>
        {
            foreach (var (key, value) in map)
            {
                Assert.That(copied[key], Is.EqualTo(value), key);
                Assert.That(copied[key]?.GetType(), Is.EqualTo(value?.GetType()), $"type of {key}");
            }
            Assert.That(((DateTime)copied["dueOnUtc"]).Kind, Is.EqualTo(DateTimeKind.Utc));
        });
    }

    [Test]
    public void String_job_data_written_as_properties_comes_back_as_the_same_properties()
    {
        var properties = new NameValueCollection { ["ScheduleSignature"] = "every 00:00:10", ["empty"] = string.Empty };

        var copy = RoundTrip<NameValueCollection>(properties);

        Assert.That(copy.AllKeys, Is.EquivalentTo(new[] { "ScheduleSignature", "empty" }));
        Assert.That(copy["ScheduleSignature"], Is.EqualTo("every 00:00:10"));
        Assert.That(copy["empty"], Is.EqualTo(string.Empty));
    }

    [Test]
    public void Reading_properties_as_a_map_throws_the_invalid_cast_that_makes_Quartz_try_the_other_form()
    {
        var bytes = _serializer.Serialize(new NameValueCollection { ["a"] = "b" });

        Assert.Throws<InvalidCastException>(() => _serializer.DeSerialize<ICalendar>(bytes));
        Assert.Throws<InvalidCastException>(() => _serializer.DeSerialize<IDictionary>(bytes));
    }

    [Test]
    public void A_value_without_a_json_form_is_refused_naming_its_key()
    {
        var map = new JobDataMap { ["customer"] = new object() };

        var exception = Assert.Throws<SerializationException>(() => _serializer.Serialize(map));

        Assert.That(exception!.Message, Does.Contain("customer"));
    }

    [Test]
    public void Data_that_is_not_json_is_reported_as_a_serialization_problem()
    {
        Assert.Throws<SerializationException>(() => _serializer.DeSerialize<IDictionary>(Encoding.UTF8.GetBytes("\u0000binary")));
    }

    [Test]
    public void A_holiday_calendar_layered_on_a_weekly_calendar_excludes_the_same_days_after_a_round_trip()
    {
        var weekends = new WeeklyCalendar { TimeZone = _warsaw };
        var holidays = new HolidayCalendar(weekends) { Description = "Shop closed", TimeZone = _warsaw };
        holidays.AddExcludedDate(new DateTime(2026, 12, 24));
        holidays.AddExcludedDate(new DateTime(2026, 12, 25));

        var copy = (HolidayCalendar)RoundTrip<ICalendar>(holidays);

        Assert.Multiple(() =>
        {
            Assert.That(copy.Description, Is.EqualTo("Shop closed"));
            Assert.That(copy.TimeZone.Id, Is.EqualTo(_warsaw.Id));
            Assert.That(copy.ExcludedDates, Is.EquivalentTo(holidays.ExcludedDates));
            Assert.That(copy.CalendarBase, Is.InstanceOf<WeeklyCalendar>());
            for (var day = new DateTimeOffset(2026, 12, 20, 12, 0, 0, TimeSpan.Zero); day.Day < 31; day = day.AddDays(1))
                Assert.That(copy.IsTimeIncluded(day), Is.EqualTo(holidays.IsTimeIncluded(day)), day.ToString("d"));
        });
    }

    [Test]
    public void A_daily_calendar_keeps_its_time_range_and_inversion()
    {
        // Inverted: only 06:30-22:00 is included, so nothing fires at night.
        var nights = new DailyCalendar("06:30", "22:00") { InvertTimeRange = true, TimeZone = _warsaw };

        var copy = (DailyCalendar)RoundTrip<ICalendar>(nights);

        Assert.That(copy.InvertTimeRange, Is.True);
        Assert.That(copy.RangeStartingTime, Is.EqualTo(nights.RangeStartingTime));
        Assert.That(copy.RangeEndingTime, Is.EqualTo(nights.RangeEndingTime));
        var night = new DateTimeOffset(2026, 6, 1, 23, 0, 0, TimeSpan.FromHours(2));
        var noon = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.FromHours(2));
        Assert.That(copy.IsTimeIncluded(night), Is.False);
        Assert.That(copy.IsTimeIncluded(noon), Is.True);
    }

    [Test]
    public void Annual_monthly_and_cron_calendars_keep_what_they_exclude()
    {
        var annual = new AnnualCalendar();
        annual.SetDayExcluded(new DateTime(2026, 1, 1), true);
        var monthly = new MonthlyCalendar(annual);
        monthly.SetDayExcluded(15, true);
        var cron = new CronCalendar(monthly, "* * 0-7 ? * *") { TimeZone = TimeZoneInfo.Utc };

        var copy = (CronCalendar)RoundTrip<ICalendar>(cron);
        var copiedMonthly = (MonthlyCalendar)copy.CalendarBase;
        var copiedAnnual = (AnnualCalendar)copiedMonthly.CalendarBase;

        Assert.Multiple(() =>
        {
            Assert.That(copy.CronExpression.CronExpressionString, Is.EqualTo("* * 0-7 ? * *"));
            Assert.That(copiedMonthly.IsDayExcluded(15), Is.True);
            Assert.That(copiedMonthly.IsDayExcluded(16), Is.False);
            Assert.That(copiedAnnual.IsDayExcluded(new DateTimeOffset(2030, 1, 1, 12, 0, 0, TimeSpan.Zero)), Is.True);
            Assert.That(copy.IsTimeIncluded(new DateTimeOffset(2026, 3, 15, 12, 0, 0, TimeSpan.Zero)), Is.False, "the 15th is excluded by the monthly base");
            Assert.That(copy.IsTimeIncluded(new DateTimeOffset(2026, 3, 16, 12, 0, 0, TimeSpan.Zero)), Is.True);
            Assert.That(copy.IsTimeIncluded(new DateTimeOffset(2026, 3, 16, 5, 0, 0, TimeSpan.Zero)), Is.False, "night hours are excluded by the cron expression");
        });
    }
}
