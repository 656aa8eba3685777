namespace Nop.Plugin.Misc.CustomFlows.Engine.Definition.Triggers;

/// <summary>
/// What starts a flow. One flat shape for all event types: only the fields that matter for
/// <see cref="Event"/> are set, which keeps the JSON short and the index simple.
/// </summary>
public sealed class FlowTrigger
{
    /// <summary>
    /// The event that starts the flow.
    /// </summary>
    public FlowEventType Event { get; set; }

    /// <summary>
    /// For product, cart and order events: which products count. Null means any product.
    /// </summary>
    public ProductScope Scope { get; set; }

    /// <summary>
    /// For cart_updated: which changes count.
    /// </summary>
    public CartChange? CartChange { get; set; }

    /// <summary>
    /// For cart_updated with <see cref="Definition.CartChange.Abandoned"/>: minutes without an order or a further cart change.
    /// </summary>
    public int? AbandonedAfterMinutes { get; set; }

    /// <summary>
    /// For date: the customer's date field, e.g. "birthday" or "subscriptionEndsOn".
    /// </summary>
    public string DateField { get; set; }

    /// <summary>
    /// For date: days after (positive) or before (negative) the date.
    /// </summary>
    public int OffsetDays { get; set; }

    /// <summary>
    /// For date: true when the date recurs every year (a birthday), false for a one-off date.
    /// </summary>
    public bool Annual { get; set; }

    /// <summary>
    /// For tag_added: the tag.
    /// </summary>
    public string Tag { get; set; }

    /// <summary>
    /// For custom: the event name.
    /// </summary>
    public string EventName { get; set; }

    /// <summary>
    /// Conditions on the event itself (cart value, order total, quantity, store).
    /// </summary>
    public TriggerFilters Filters { get; set; }
}
