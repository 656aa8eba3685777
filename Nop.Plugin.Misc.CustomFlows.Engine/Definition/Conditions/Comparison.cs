namespace Nop.Plugin.Misc.CustomFlows.Engine.Definition.Conditions;

/// <summary>
/// How a number is compared with a condition's value.
/// </summary>
public enum Comparison
{
    /// <summary>Equal.</summary>
    Eq,

    /// <summary>Not equal.</summary>
    Ne,

    /// <summary>Greater than.</summary>
    Gt,

    /// <summary>Greater than or equal.</summary>
    Gte,

    /// <summary>Less than.</summary>
    Lt,

    /// <summary>Less than or equal.</summary>
    Lte
}

/// <summary>
/// Base of conditions that compare one number with <see cref="Value"/>.
/// </summary>
public abstract class NumericCondition : FlowCondition
{
    /// <summary>The comparison.</summary>
    public Comparison Op { get; set; } = Comparison.Gte;

    /// <summary>The number compared against.</summary>
    public decimal Value { get; set; }
}
