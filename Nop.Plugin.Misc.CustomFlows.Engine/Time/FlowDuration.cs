using System.Globalization;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Time;

/// <summary>
/// Durations in flow JSON: whole numbers with a unit, largest unit first, e.g. "30m", "2h",
/// "1d12h", "2w". Units: w (7 days), d, h, m, s. Months and years are left out on purpose:
/// their length varies, and a wait must mean the same thing in every month.
/// </summary>
public static class FlowDuration
{
    /// <summary>
    /// Longest duration accepted (10 years), so arithmetic on dates cannot overflow.
    /// </summary>
    public static readonly TimeSpan Max = TimeSpan.FromDays(3660);

    /// <summary>
    /// Reads a duration.
    /// </summary>
    /// <param name="text">The text, e.g. "1d12h".</param>
    /// <param name="duration">The duration when the text is valid.</param>
    /// <returns>Whether the text is a valid duration (zero is valid; negative and over <see cref="Max"/> are not).</returns>
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text) || text.Length > 32)
            return false;

        var rank = int.MaxValue;
        long seconds = 0;
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && text[i] >= '0' && text[i] <= '9')
                i++;
            if (i == start || i == text.Length || i - start > 7)
                return false;

            var number = long.Parse(text.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture);
            var (unitRank, unitSeconds) = text[i] switch
            {
                'w' => (5, 7L * 86400),
                'd' => (4, 86400L),
                'h' => (3, 3600L),
                'm' => (2, 60L),
                's' => (1, 1L),
                _ => (0, 0L)
            };
            // each unit once, largest first, so "1h1h" or "30m2h" are refused as probable mistakes
            if (unitRank == 0 || unitRank >= rank)
                return false;

            rank = unitRank;
            seconds += number * unitSeconds;
            i++;
        }

        if (seconds > Max.TotalSeconds)
            return false;

        duration = TimeSpan.FromSeconds(seconds);
        return true;
    }

    /// <summary>
    /// Writes a duration in the shortest form, e.g. 36 hours as "1d12h".
    /// </summary>
    /// <param name="duration">A non-negative duration of whole seconds.</param>
    /// <returns>The text.</returns>
    public static string Format(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A flow duration cannot be negative.");
        if (duration == TimeSpan.Zero)
            return "0s";

        var seconds = (long)duration.TotalSeconds;
        var builder = new System.Text.StringBuilder();
        foreach (var (unit, size) in new[] { ('d', 86400L), ('h', 3600L), ('m', 60L), ('s', 1L) })
        {
            var count = seconds / size;
            if (count == 0)
                continue;
            builder.Append(count.ToString(CultureInfo.InvariantCulture)).Append(unit);
            seconds -= count * size;
        }

        return builder.ToString();
    }
}
