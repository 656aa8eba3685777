using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Nodes;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Runtime;

/// <summary>
/// A step with its text settings parsed once, so the interpreter does no parsing per step.
/// </summary>
internal sealed class CompiledNode
{
    public CompiledNode(FlowNode node) => Node = node;

    public FlowNode Node { get; }

    /// <summary>Time wait: the delay.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Time wait: the local time of day to go on at.</summary>
    public TimeOnly? TimeOfDay { get; init; }

    /// <summary>Time wait: allowed local weekdays.</summary>
    public int WeekdayMask { get; init; }

    /// <summary>Event wait: the timeout.</summary>
    public TimeSpan Timeout { get; init; }

    /// <summary>Split: the sum of the branch weights.</summary>
    public int TotalWeight { get; init; }
}
