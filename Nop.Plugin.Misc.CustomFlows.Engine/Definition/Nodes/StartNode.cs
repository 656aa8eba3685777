using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Triggers;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Definition.Nodes;

/// <summary>
/// Where every run begins: the trigger that lets a customer in.
/// </summary>
public sealed class StartNode : FlowNode
{
    /// <summary>
    /// What starts the flow.
    /// </summary>
    public FlowTrigger Trigger { get; set; }

    /// <summary>
    /// The first step after entry.
    /// </summary>
    public string Next { get; set; }

    /// <inheritdoc />
    public override IEnumerable<(string Exit, string Target)> Exits()
    {
        yield return ("next", Next);
    }
}
