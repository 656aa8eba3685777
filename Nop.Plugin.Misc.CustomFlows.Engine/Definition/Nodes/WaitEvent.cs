using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Triggers;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Definition.Nodes;

/// <summary>
/// The event an event wait listens for.
/// </summary>
public sealed class WaitEvent
{
    /// <summary>
    /// The event type, e.g. order_placed or email_clicked.
    /// </summary>
    public FlowEventType Event { get; set; }

    /// <summary>
    /// For product, cart and order events: which products count; null means any.
    /// </summary>
    public ProductScope Scope { get; set; }

    /// <summary>
    /// For e-mail and pop-up events: the action step of this flow whose message is meant; null means any of this run's messages.
    /// </summary>
    public string NodeId { get; set; }

    /// <summary>
    /// For custom events: the event name.
    /// </summary>
    public string EventName { get; set; }
}
