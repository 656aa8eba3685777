using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Triggers;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Definition.Conditions;

/// <summary>
/// Number of orders the customer placed: ever, within the last N days, or since entering the flow.
/// </summary>
public sealed class OrdersCountCondition : NumericCondition
{
    /// <summary>Count only orders of the last N days; null for ever.</summary>
    public int? WithinDays { get; set; }

    /// <summary>Count only orders placed since the run entered the flow.</summary>
    public bool SinceEntry { get; set; }
}

/// <summary>
/// Total the customer spent on orders: ever, within the last N days, or since entering the flow.
/// </summary>
public sealed class AmountSpentCondition : NumericCondition
{
    /// <summary>Count only orders of the last N days; null for ever.</summary>
    public int? WithinDays { get; set; }

    /// <summary>Count only orders placed since the run entered the flow.</summary>
    public bool SinceEntry { get; set; }
}

/// <summary>
/// Whole days since the customer's last order. A customer without orders never matches, so
/// "no order for 90 days" is written as an any of this and "ordersCount eq 0".
/// </summary>
public sealed class DaysSinceLastOrderCondition : NumericCondition
{
}

/// <summary>
/// Whether the customer ordered a product in the scope since the run entered the flow.
/// </summary>
public sealed class PurchasedSinceEntryCondition : FlowCondition
{
    /// <summary>Which products count; null means any.</summary>
    public ProductScope Scope { get; set; }
}
