using Nop.Plugin.Misc.CustomFlows.Engine.Entry;
using Nop.Plugin.Misc.CustomFlows.Engine.Ports;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Processing;

/// <summary>
/// What processing an event or a batch of due runs did, for logs, the simulator's timelines and statistics.
/// </summary>
public sealed class ProcessingReport
{
    /// <summary>Each flow the event matched and the entry decision.</summary>
    public List<(string FlowId, EntryDecision Decision)> Entries { get; } = new();

    /// <summary>Each step committed, in order, as the effect sink received it.</summary>
    public List<CommittedStep> Steps { get; } = new();

    /// <summary>All effects of <see cref="Steps"/>, in order.</summary>
    public IEnumerable<FlowEffect> Effects => Steps.SelectMany(step => step.Result.Effects);

    /// <summary>Runs that could not go on: their version or their customer is gone. Due ones were ended.</summary>
    public List<FlowRunState> Orphans { get; } = new();

    /// <summary>Runs left as they were because every flow is paused (the guardrails' pause).</summary>
    public List<FlowRunState> Held { get; } = new();

    /// <summary>Runs someone else saved meanwhile; their step was dropped.</summary>
    public List<long> Dropped { get; } = new();

    /// <summary>Due runs whose step failed; they were postponed with the error.</summary>
    public List<(FlowRunState Run, Exception Error)> Failures { get; } = new();

    /// <summary>Committed steps whose effects the sink could not perform now; they stay recorded and are performed later.</summary>
    public List<(CommittedStep Step, Exception Error)> SinkFailures { get; } = new();
}
