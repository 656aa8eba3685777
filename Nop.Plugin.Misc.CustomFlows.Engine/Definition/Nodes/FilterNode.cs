using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Conditions;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Definition.Nodes;

/// <summary>
/// A yes / no question about the customer or the triggering event.
/// </summary>
public sealed class FilterNode : FlowNode
{
    /// <summary>
    /// The question.
    /// </summary>
    public FlowCondition Condition { get; set; }

    /// <summary>
    /// Step taken when the condition holds.
    /// </summary>
    public string Yes { get; set; }

    /// <summary>
    /// Step taken when it does not.
    /// </summary>
    public string No { get; set; }

    /// <inheritdoc />
    public override IEnumerable<(string Exit, string Target)> Exits()
    {
        yield return ("yes", Yes);
        yield return ("no", No);
    }
}
