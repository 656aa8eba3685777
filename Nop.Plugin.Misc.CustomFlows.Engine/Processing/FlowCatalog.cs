using Nop.Plugin.Misc.CustomFlows.Engine.Entry;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Processing;

/// <summary>
/// The flow versions the engine knows: the live ones (which new events can start), the older ones that still
/// have runs pinned to them, and the flows an admin paused. Immutable; a host builds a new catalog when a
/// version is published or a flow is paused, resumed or retired.
/// </summary>
public sealed class FlowCatalog
{
    private readonly Dictionary<(string, int), CompiledFlow> _versions = new();
    private readonly HashSet<string> _paused;

    /// <summary>
    /// Creates a catalog.
    /// </summary>
    /// <param name="liveVersions">One version per flow that new events may start.</param>
    /// <param name="retiredVersions">Older versions still holding runs; they start nothing.</param>
    /// <param name="pausedFlowIds">Flows whose runs hold still: they see no events and take no step.</param>
    public FlowCatalog(IEnumerable<CompiledFlow> liveVersions, IEnumerable<CompiledFlow> retiredVersions = null, IEnumerable<string> pausedFlowIds = null)
    {
        ArgumentNullException.ThrowIfNull(liveVersions);
        var live = liveVersions.ToList();
        if (live.GroupBy(f => f.Id).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ArgumentException($"Flow {twice.Key} has more than one live version.", nameof(liveVersions));

        foreach (var flow in (retiredVersions ?? []).Concat(live))
            _versions[(flow.Id, flow.Version)] = flow;
        _paused = new HashSet<string>(pausedFlowIds ?? [], StringComparer.Ordinal);
        Live = live;
        Index = TriggerIndex.Build(live);
    }

    /// <summary>An empty catalog: nothing starts, every run is an orphan.</summary>
    public static FlowCatalog Empty { get; } = new([]);

    /// <summary>The live versions, one per flow.</summary>
    public IReadOnlyList<CompiledFlow> Live { get; }

    /// <summary>The live versions indexed by trigger.</summary>
    public TriggerIndex Index { get; }

    /// <summary>
    /// The version a run is pinned to, or null when the catalog does not hold it.
    /// </summary>
    public CompiledFlow Find(string flowId, int version) =>
        flowId != null && _versions.TryGetValue((flowId, version), out var flow) ? flow : null;

    /// <summary>
    /// Whether an admin paused the flow.
    /// </summary>
    public bool IsPaused(string flowId) => flowId != null && _paused.Contains(flowId);
}
