using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Definition.Nodes;

/// <summary>
/// Does one thing for the customer; the engine only emits it as an effect for a channel to perform.
/// </summary>
public sealed class ActionNode : FlowNode
{
    /// <summary>
    /// What to do.
    /// </summary>
    public FlowAction Action { get; set; }

    /// <summary>
    /// The next step.
    /// </summary>
    public string Next { get; set; }

    /// <inheritdoc />
    public override IEnumerable<(string Exit, string Target)> Exits()
    {
        yield return ("next", Next);
    }
}
