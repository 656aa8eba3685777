using Nop.Plugin.Misc.CustomFlows.Engine.Entry;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Processing;

/// <summary>
/// What processing an event or a batch of due runs did, for logs, the simulator's timelines and statistics.
/// </summary>
public sealed class ProcessingReport
{
    /// <summary>Each flow the event matched and the entry decision.</summary>
    public List<(string FlowId, EntryDecision Decision)> Entries { get; } = new();

    /// <summary>Each run the engine stepped and what came of it; the effects are for the host to perform, in order.</summary>
    public List<StepResult> Steps { get; } = new();

    /// <summary>All effects of <see cref="Steps"/>, in order.</summary>
    public IEnumerable<FlowEffect> Effects => Steps.SelectMany(step => step.Effects);

    /// <summary>Runs pinned to a version the catalog does not hold; they were left untouched.</summary>
    public List<FlowRunState> Orphans { get; } = new();
}
