namespace Nop.Plugin.Misc.CustomFlows.Engine.Definition.Triggers;

/// <summary>
/// Conditions on the triggering event. "Value" is the cart value for cart events and the order total for order events.
/// </summary>
public sealed class TriggerFilters
{
    /// <summary>Smallest event value that counts (inclusive).</summary>
    public decimal? MinValue { get; set; }

    /// <summary>Largest event value that counts (inclusive).</summary>
    public decimal? MaxValue { get; set; }

    /// <summary>Smallest total quantity that counts (inclusive).</summary>
    public int? MinQuantity { get; set; }

    /// <summary>Largest total quantity that counts (inclusive).</summary>
    public int? MaxQuantity { get; set; }

    /// <summary>Stores whose events count; empty means all.</summary>
    public List<int> StoreIds { get; set; } = new();
}
