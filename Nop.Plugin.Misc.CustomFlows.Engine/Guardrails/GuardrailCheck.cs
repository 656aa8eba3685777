using Nop.Plugin.Misc.CustomFlows.Engine.Time;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Guardrails;

/// <summary>
/// Answers "may this marketing message go now, and if not, when?" from the guardrails.
/// </summary>
public static class GuardrailCheck
{
    /// <summary>
    /// When quiet hours or a blackout date hold a message back: the first allowed instant after now;
    /// null when the message may go now.
    /// </summary>
    /// <param name="nowUtc">Now.</param>
    /// <param name="zone">The customer's (or store's) time zone.</param>
    /// <param name="settings">The guardrails.</param>
    /// <param name="quietHoursApply">Whether quiet hours apply (e-mails; a pop-up only shows while the customer browses).</param>
    public static DateTime? HeldBackUntil(DateTime nowUtc, TimeZoneInfo zone, GuardrailSettings settings, bool quietHoursApply)
    {
        var candidate = nowUtc;
        // a blackout pushes to midnight, which may be quiet, which may end on another blackout date: settle in a few rounds
        for (var round = 0; round < 64; round++)
        {
            var local = LocalTime.ToLocal(candidate, zone);
            var date = DateOnly.FromDateTime(local);
            if (settings.BlackoutDates != null && settings.BlackoutDates.Contains(date))
            {
                candidate = LocalTime.StartOfNextDayUtc(date, zone);
                continue;
            }

            if (quietHoursApply && settings.QuietHours is { } quiet && IsQuiet(TimeOnly.FromDateTime(local), quiet))
            {
                var endDate = TimeOnly.FromDateTime(local) >= quiet.End && quiet.Start > quiet.End ? date.AddDays(1) : date;
                candidate = LocalTime.ToUtc(endDate.ToDateTime(quiet.End), zone);
                continue;
            }

            break;
        }

        return candidate == nowUtc ? null : candidate;
    }

    /// <summary>
    /// When a sliding-window limit frees up: null when fewer than <paramref name="max"/> of the
    /// <paramref name="sentTimes"/> fall within the window ending now, otherwise the instant
    /// enough of them have left the window for one more.
    /// </summary>
    public static DateTime? LimitFreesAt(List<DateTime> sentTimes, int max, TimeSpan period, DateTime nowUtc)
    {
        var windowStart = nowUtc - period;
        sentTimes.RemoveAll(sent => sent <= windowStart || sent > nowUtc);
        if (sentTimes.Count < max)
            return null;

        sentTimes.Sort();
        // once the (count - max + 1) oldest have left, one more fits
        return sentTimes[sentTimes.Count - max] + period;
    }

    private static bool IsQuiet(TimeOnly time, QuietHours quiet) =>
        quiet.Start <= quiet.End
            ? time >= quiet.Start && time < quiet.End
            : time >= quiet.Start || time < quiet.End;
}
