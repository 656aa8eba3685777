using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Conditions;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Definition;

/// <summary>
/// The flow's goal: checked before every step; when met the run ends as converted.
/// </summary>
public sealed class FlowGoal
{
    /// <summary>
    /// Short name for reports, e.g. "purchased".
    /// </summary>
    public string Name { get; set; }

    /// <summary>
    /// The condition that counts as conversion.
    /// </summary>
    public FlowCondition Condition { get; set; }
}

/// <summary>
/// A reason to leave the flow early without conversion, checked before every step.
/// </summary>
public sealed class FlowExitCondition
{
    /// <summary>
    /// Short name recorded as the exit reason, e.g. "unsubscribed".
    /// </summary>
    public string Name { get; set; }

    /// <summary>
    /// The condition that ends the run.
    /// </summary>
    public FlowCondition Condition { get; set; }
}
