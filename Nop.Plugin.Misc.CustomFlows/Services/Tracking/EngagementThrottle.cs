using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Nop.Plugin.Misc.CustomFlows.Services.Tracking;

/// <summary>
/// At most one inbox row per link (or pop-up) and kind of event per minute, whatever a flood of requests does: the
/// first request of a minute claims the pair, every other one in that minute is answered without writing. One per
/// application (a singleton); in a web farm each node claims for itself, and the once-only columns of the action log
/// and of pending pop-ups keep the flows' events single anyway.
/// </summary>
public sealed class EngagementThrottle
{
    #region Fields

    /// <summary>
    /// How long a claim holds
    /// </summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, DateTime> _claims = new(StringComparer.Ordinal);

    #endregion

    #region Utilities

    private void Prune(DateTime nowUtc)
    {
        foreach (var (key, claimedOnUtc) in _claims)
        {
            if (nowUtc - claimedOnUtc >= Window)
                _claims.TryRemove(new KeyValuePair<string, DateTime>(key, claimedOnUtc));
        }
    }

    #endregion

    #region Methods

    /// <summary>
    /// Claims the right to write one inbox row of a kind for a subject
    /// </summary>
    /// <param name="eventType">Inbox event type</param>
    /// <param name="subject">What the row is about: the token's contents, a pop-up id; kept only as a hash</param>
    /// <param name="nowUtc">The current time</param>
    /// <returns>Whether this request may write</returns>
    public bool TryClaim(string eventType, string subject, DateTime nowUtc)
    {
        if (_claims.Count > PruneAbove)
            Prune(nowUtc);

        var key = eventType + "|" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(subject ?? string.Empty)));
        while (true)
        {
            if (_claims.TryAdd(key, nowUtc))
                return true;
            if (!_claims.TryGetValue(key, out var claimedOnUtc))
                continue;
            if (nowUtc - claimedOnUtc < Window)
                return false;
            //an old claim: the first to replace it exactly as read wins
            if (_claims.TryUpdate(key, nowUtc, claimedOnUtc))
                return true;
        }
    }

    #endregion
}
