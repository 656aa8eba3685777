using Nop.Plugin.Misc.CustomFlows.Engine.Facts;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;

namespace Nop.Plugin.Misc.CustomFlows.Simulation;

/// <summary>
/// One line of the simulator's event stream: the engine's <see cref="FlowEvent"/> plus what the
/// simulator needs to keep the customer's facts true (cart contents, order lines) and to find the
/// run a message event belongs to.
/// </summary>
public sealed class SimulationEvent
{
    /// <summary>Kinds of line that change facts but are not shop events flows react to.</summary>
    public const string NewsletterUnsubscribed = "newsletter_unsubscribed";

    /// <summary>The event as the engine sees it; null for lines that only change facts.</summary>
    public FlowEvent Event { get; set; }

    /// <summary>For lines that only change facts: their type (e.g. <see cref="NewsletterUnsubscribed"/>).</summary>
    public string FactChange { get; set; }

    /// <summary>When it happened (UTC).</summary>
    public DateTime OccurredOnUtc { get; set; }

    /// <summary>The customer.</summary>
    public int CustomerId { get; set; }

    /// <summary>Products of the cart (after the change) or of the order, with categories.</summary>
    public IReadOnlyList<ProductRef> Items { get; set; } = [];

    /// <summary>For e-mail and pop-up events: the flow whose message it was.</summary>
    public string FlowId { get; set; }

    /// <summary>1-based line of the source, for error messages; 0 for generated events.</summary>
    public int LineNumber { get; set; }
}
