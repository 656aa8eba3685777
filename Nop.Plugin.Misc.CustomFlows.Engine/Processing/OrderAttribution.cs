namespace Nop.Plugin.Misc.CustomFlows.Engine.Processing;

/// <summary>
/// A message one of a flow's steps sent a customer, as order attribution reads it: an e-mail or pop-up the channel
/// accepted, or a webhook marked as messaging the customer.
/// </summary>
/// <param name="FlowId">The flow that sent it.</param>
/// <param name="FlowVersion">The version of the run that sent it.</param>
/// <param name="NodeId">The step that sent it.</param>
/// <param name="RunId">The run that sent it.</param>
/// <param name="SentOnUtc">When it was sent.</param>
public sealed record AttributableMessage(string FlowId, int FlowVersion, string NodeId, long RunId, DateTime SentOnUtc);

/// <summary>
/// The one rule by which the shop's reports, the simulator and the backtest credit orders to flows.
/// </summary>
/// <remarks>
/// An order converts a flow when the customer placed it within the attribution window after a message of that flow
/// (sent at or before the order, at most the window earlier). It is credited once per flow, to the step that sent
/// the latest such message, with the order's total as revenue; an order can convert several flows, one credit each.
/// "Converted" counts these orders and "revenue" adds up their totals, so the two always count the same thing.
/// Meeting a flow's goal is a separate figure ("goal reached"): it needs no order and credits no revenue.
/// </remarks>
public static class OrderAttribution
{
    /// <summary>The window shops start with: 7 days.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(7);

    /// <summary>The longest window a shop may set: 90 days.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(90);

    /// <summary>
    /// The messages an order is credited to: per flow, the latest message sent within the window before the order.
    /// </summary>
    /// <param name="messages">Messages the customer was sent, in any order.</param>
    /// <param name="placedOnUtc">When the order was placed.</param>
    /// <param name="window">The attribution window.</param>
    /// <returns>One message per credited flow, by flow id (ordinal).</returns>
    public static IReadOnlyList<AttributableMessage> Credit(IEnumerable<AttributableMessage> messages, DateTime placedOnUtc, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (window <= TimeSpan.Zero)
            return [];

        var since = placedOnUtc - window;
        var latest = new Dictionary<string, AttributableMessage>(StringComparer.Ordinal);
        foreach (var message in messages)
        {
            if (message.SentOnUtc > placedOnUtc || message.SentOnUtc < since)
                continue;
            //the latest message wins; at the same moment the higher run, then the later step id, so the choice is stable
            if (!latest.TryGetValue(message.FlowId, out var kept) || Later(message, kept))
                latest[message.FlowId] = message;
        }

        return latest.Values.OrderBy(message => message.FlowId, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The earliest send time that can still be credited with an order placed at <paramref name="placedOnUtc"/>.
    /// </summary>
    public static DateTime WindowStart(DateTime placedOnUtc, TimeSpan window) => placedOnUtc - window;

    private static bool Later(AttributableMessage candidate, AttributableMessage kept) =>
        candidate.SentOnUtc != kept.SentOnUtc
            ? candidate.SentOnUtc > kept.SentOnUtc
            : candidate.RunId != kept.RunId
                ? candidate.RunId > kept.RunId
                : string.CompareOrdinal(candidate.NodeId, kept.NodeId) > 0;
}
