namespace Nop.Plugin.Misc.CustomFlows.Engine.Time;

/// <summary>
/// When a time wait ends: after a delay, at the next allowed time of day and weekday on the customer's clock.
/// </summary>
public static class WaitSchedule
{
    /// <summary>
    /// A bit per <see cref="DayOfWeek"/>, all set: every day is allowed.
    /// </summary>
    public const int EveryDay = 0b111_1111;

    /// <summary>
    /// The weekday mask of a list of days; an empty or null list allows every day.
    /// </summary>
    public static int MaskOf(IEnumerable<DayOfWeek> days)
    {
        var mask = 0;
        foreach (var day in days ?? [])
            mask |= 1 << (int)day;
        return mask == 0 ? EveryDay : mask;
    }

    /// <summary>
    /// The earliest instant at or after <paramref name="fromUtc"/> that falls on an allowed local
    /// weekday and, when given, at the local <paramref name="timeOfDay"/>.
    /// </summary>
    /// <param name="fromUtc">Start plus delay.</param>
    /// <param name="timeOfDay">Local time to go on at, or null for any time.</param>
    /// <param name="weekdayMask">Allowed local weekdays (see <see cref="MaskOf"/>).</param>
    /// <param name="zone">The customer's (or store's) time zone.</param>
    public static DateTime NextAllowed(DateTime fromUtc, TimeOnly? timeOfDay, int weekdayMask, TimeZoneInfo zone)
    {
        if (timeOfDay == null && weekdayMask == EveryDay)
            return fromUtc;

        var local = LocalTime.ToLocal(fromUtc, zone);
        // eight days always include a second occurrence of the first allowed weekday
        for (var day = 0; day <= 8; day++)
        {
            var date = DateOnly.FromDateTime(local).AddDays(day);
            if ((weekdayMask & (1 << (int)date.DayOfWeek)) == 0)
                continue;

            if (timeOfDay == null)
                return day == 0 ? fromUtc : LocalTime.ToUtc(date.ToDateTime(TimeOnly.MinValue), zone);

            var candidate = LocalTime.ToUtc(date.ToDateTime(timeOfDay.Value), zone);
            if (candidate >= fromUtc)
                return candidate;
        }

        return fromUtc;
    }
}
