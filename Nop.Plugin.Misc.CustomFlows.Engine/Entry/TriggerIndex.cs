using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Triggers;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Entry;

/// <summary>
/// The live flow versions indexed by trigger event type and by product / category, so an event is
/// only checked against flows that can match it. Immutable: build a new index when flows are published.
/// Matching allocates nothing; results come out in priority order (highest first, then flow id).
/// </summary>
public sealed class TriggerIndex
{
    private readonly Bucket[] _buckets;

    private TriggerIndex(Bucket[] buckets, int count)
    {
        _buckets = buckets;
        Count = count;
    }

    /// <summary>Number of flows in the index.</summary>
    public int Count { get; }

    /// <summary>
    /// Builds the index of the flow versions that are live.
    /// </summary>
    public static TriggerIndex Build(IEnumerable<CompiledFlow> flows)
    {
        ArgumentNullException.ThrowIfNull(flows);
        var builders = new Dictionary<FlowEventType, BucketBuilder>();
        var count = 0;
        foreach (var flow in flows.OrderByDescending(f => f.Settings.Priority).ThenBy(f => f.Id, StringComparer.Ordinal))
        {
            if (!builders.TryGetValue(flow.Trigger.Event, out var builder))
                builders[flow.Trigger.Event] = builder = new BucketBuilder();
            builder.Add(flow);
            count++;
        }

        var buckets = new Bucket[Enum.GetValues<FlowEventType>().Max(v => (int)v) + 1];
        foreach (var (type, builder) in builders)
            buckets[(int)type] = builder.Build();
        return new TriggerIndex(buckets, count);
    }

    /// <summary>
    /// Finds the flows the event starts (trigger, scope, filters and store; not re-entry or audience,
    /// which need the customer: see <see cref="EntryRules"/>).
    /// </summary>
    /// <param name="flowEvent">The event.</param>
    /// <param name="results">Cleared, then filled with the matching flows, highest priority first.</param>
    /// <returns>The number of matches.</returns>
    public int Match(FlowEvent flowEvent, List<CompiledFlow> results)
    {
        ArgumentNullException.ThrowIfNull(flowEvent);
        ArgumentNullException.ThrowIfNull(results);
        results.Clear();
        var type = (int)flowEvent.Type;
        if (type < 0 || type >= _buckets.Length || _buckets[type] is not { } bucket)
            return 0;

        AddMatches(bucket.AnyProduct, flowEvent, results);
        foreach (var productId in flowEvent.ProductIds ?? [])
            AddMatches(bucket.ByProduct, productId, flowEvent, results);
        foreach (var categoryId in flowEvent.CategoryIds ?? [])
            AddMatches(bucket.ByCategory, categoryId, flowEvent, results);
        foreach (var categoryId in flowEvent.AncestorCategoryIds ?? [])
            AddMatches(bucket.ByCategory, categoryId, flowEvent, results);

        if (results.Count > 1)
            SortByPriority(results);
        return results.Count;
    }

    private static void AddMatches(Dictionary<int, CompiledFlow[]> byId, int id, FlowEvent flowEvent, List<CompiledFlow> results)
    {
        if (byId != null && byId.TryGetValue(id, out var flows))
            AddMatches(flows, flowEvent, results);
    }

    private static void AddMatches(CompiledFlow[] flows, FlowEvent flowEvent, List<CompiledFlow> results)
    {
        foreach (var flow in flows)
        {
            // a flow can be reached through several products of one order; list it once
            if (EntryRules.RunsInStore(flow, flowEvent.StoreId) && TriggerMatcher.Matches(flow.Trigger, flowEvent) && !results.Contains(flow))
                results.Add(flow);
        }
    }

    /// <summary>
    /// Insertion sort: results are few and mostly ordered already, and List.Sort with a comparison would allocate.
    /// </summary>
    private static void SortByPriority(List<CompiledFlow> results)
    {
        for (var i = 1; i < results.Count; i++)
        {
            var item = results[i];
            var j = i - 1;
            while (j >= 0 && Before(item, results[j]))
            {
                results[j + 1] = results[j];
                j--;
            }

            results[j + 1] = item;
        }
    }

    private static bool Before(CompiledFlow a, CompiledFlow b) =>
        a.Settings.Priority != b.Settings.Priority
            ? a.Settings.Priority > b.Settings.Priority
            : string.CompareOrdinal(a.Id, b.Id) < 0;

    private sealed class Bucket
    {
        public CompiledFlow[] AnyProduct { get; init; }

        public Dictionary<int, CompiledFlow[]> ByProduct { get; init; }

        /// <summary>Category flows under their category id; the match itself decides whether subcategories count.</summary>
        public Dictionary<int, CompiledFlow[]> ByCategory { get; init; }
    }

    private sealed class BucketBuilder
    {
        private readonly List<CompiledFlow> _any = new();
        private readonly Dictionary<int, List<CompiledFlow>> _byProduct = new();
        private readonly Dictionary<int, List<CompiledFlow>> _byCategory = new();

        public void Add(CompiledFlow flow)
        {
            var scope = flow.Trigger.Scope;
            switch (scope?.Kind)
            {
                case ProductScopeKind.Product:
                    AddTo(_byProduct, scope.Id ?? 0, flow);
                    break;
                case ProductScopeKind.Category:
                    AddTo(_byCategory, scope.Id ?? 0, flow);
                    break;
                default:
                    _any.Add(flow);
                    break;
            }
        }

        public Bucket Build() => new()
        {
            AnyProduct = _any.ToArray(),
            ByProduct = _byProduct.Count == 0 ? null : _byProduct.ToDictionary(p => p.Key, p => p.Value.ToArray()),
            ByCategory = _byCategory.Count == 0 ? null : _byCategory.ToDictionary(p => p.Key, p => p.Value.ToArray())
        };

        private static void AddTo(Dictionary<int, List<CompiledFlow>> map, int id, CompiledFlow flow)
        {
            if (!map.TryGetValue(id, out var list))
                map[id] = list = new List<CompiledFlow>();
            list.Add(flow);
        }
    }
}
