namespace Nop.Plugin.Misc.CustomFlows.Engine.Runtime;

/// <summary>
/// What the run keeps of its triggering event, for "event value" and "event contains" conditions.
/// </summary>
public sealed class TriggerSnapshot
{
    /// <summary>When the event happened; the abandoned-cart clock starts here.</summary>
    public DateTime OccurredOnUtc { get; set; }

    /// <summary>Cart value or order total.</summary>
    public decimal Value { get; set; }

    /// <summary>Total quantity.</summary>
    public int Quantity { get; set; }

    /// <summary>Products the event was about.</summary>
    public int[] ProductIds { get; set; } = [];

    /// <summary>Their categories.</summary>
    public int[] CategoryIds { get; set; } = [];

    /// <summary>Parents of those categories.</summary>
    public int[] AncestorCategoryIds { get; set; } = [];

    /// <summary>
    /// Copies what matters from an event.
    /// </summary>
    public static TriggerSnapshot From(FlowEvent flowEvent) => new()
    {
        OccurredOnUtc = flowEvent.OccurredOnUtc,
        Value = flowEvent.Value,
        Quantity = flowEvent.Quantity,
        ProductIds = flowEvent.ProductIds ?? [],
        CategoryIds = flowEvent.CategoryIds ?? [],
        AncestorCategoryIds = flowEvent.AncestorCategoryIds ?? []
    };
}
