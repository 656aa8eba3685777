using Nop.Plugin.Misc.CustomFlows.Engine.Entry;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Processing;

/// <summary>
/// The flow versions the engine knows: the live ones (which new events can start) and the older
/// ones that still have runs pinned to them. Immutable; build a new catalog when a version is published.
/// </summary>
public sealed class FlowCatalog
{
    private readonly Dictionary<(string, int), CompiledFlow> _versions = new();

    /// <summary>
    /// Creates a catalog.
    /// </summary>
    /// <param name="liveVersions">One version per flow that new events may start.</param>
    /// <param name="retiredVersions">Older versions still holding runs; they start nothing.</param>
    public FlowCatalog(IEnumerable<CompiledFlow> liveVersions, IEnumerable<CompiledFlow> retiredVersions = null)
    {
        ArgumentNullException.ThrowIfNull(liveVersions);
        var live = liveVersions.ToList();
        if (live.GroupBy(f => f.Id).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ArgumentException($"Flow {twice.Key} has more than one live version.", nameof(liveVersions));

        foreach (var flow in live.Concat(retiredVersions ?? []))
            _versions[(flow.Id, flow.Version)] = flow;
        Index = TriggerIndex.Build(live);
    }

    /// <summary>The live versions indexed by trigger.</summary>
    public TriggerIndex Index { get; }

    /// <summary>
    /// The version a run is pinned to, or null when the catalog does not hold it.
    /// </summary>
    public CompiledFlow Find(string flowId, int version) =>
        flowId != null && _versions.TryGetValue((flowId, version), out var flow) ? flow : null;
}
