namespace Nop.Plugin.Misc.CustomFlows.Engine.Definition.Nodes;

/// <summary>
/// Ends the run as completed.
/// </summary>
public sealed class EndNode : FlowNode
{
    /// <inheritdoc />
    public override IEnumerable<(string Exit, string Target)> Exits()
    {
        yield break;
    }
}
