using System.Globalization;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Time;

/// <summary>
/// Local times of day in flow JSON and guardrails: 24-hour "HH:mm".
/// </summary>
public static class TimeOfDayText
{
    /// <summary>
    /// Reads "HH:mm".
    /// </summary>
    /// <param name="text">The text, e.g. "09:30".</param>
    /// <param name="time">The time when valid.</param>
    /// <returns>Whether the text is a valid time of day.</returns>
    public static bool TryParse(string text, out TimeOnly time)
    {
        time = default;
        return text != null
            && text.Length == 5
            && TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }
}
