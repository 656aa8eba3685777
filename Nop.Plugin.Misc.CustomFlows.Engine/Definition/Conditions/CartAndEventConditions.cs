using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Triggers;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Definition.Conditions;

/// <summary>The value of the customer's current cart compared with a value.</summary>
public sealed class CartValueCondition : NumericCondition
{
}

/// <summary>Whether the customer's current cart holds a product in the scope.</summary>
public sealed class CartContainsCondition : FlowCondition
{
    /// <summary>Which products count; null means any (a non-empty cart).</summary>
    public ProductScope Scope { get; set; }
}

/// <summary>The triggering event's value (cart value or order total) compared with a value.</summary>
public sealed class EventValueCondition : NumericCondition
{
}

/// <summary>Whether the triggering event was about a product in the scope.</summary>
public sealed class EventContainsCondition : FlowCondition
{
    /// <summary>Which products count; null means any.</summary>
    public ProductScope Scope { get; set; }
}
