namespace Nop.Plugin.Misc.CustomFlows.Engine.Time;

/// <summary>
/// Conversions between UTC and a customer's local wall clock that never throw on daylight-saving edges.
/// </summary>
public static class LocalTime
{
    /// <summary>
    /// The local wall-clock time of a UTC instant.
    /// </summary>
    public static DateTime ToLocal(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone ?? TimeZoneInfo.Utc);

    /// <summary>
    /// The UTC instant of a local wall-clock time. A time skipped by the clocks going forward
    /// (02:30 on the spring change) becomes the first valid time after it, so "send at 02:30" still sends that night.
    /// </summary>
    public static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        zone ??= TimeZoneInfo.Utc;
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        for (var i = 0; i < 8 && zone.IsInvalidTime(local); i++)
            local = local.AddMinutes(30);

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    /// <summary>
    /// The first UTC instant of the local day after <paramref name="localDate"/>.
    /// </summary>
    public static DateTime StartOfNextDayUtc(DateOnly localDate, TimeZoneInfo zone) =>
        ToUtc(localDate.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
}
