using Nop.Data;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Nodes;

namespace Nop.Plugin.Misc.CustomFlows.Services.Reports;

/// <summary>
/// Builds flow reports from the daily statistics (<see cref="FlowNodeDailyStat"/>, one row per version, step and
/// UTC day), the orders credited to the flow (<see cref="FlowAttribution"/>), the open runs (waiting now) and, for
/// A/B/X splits only, the runs that went through a split
/// </summary>
public class FlowReportService : IFlowReportService
{
    #region Fields

    //present in every state of a run that went through a split (nulls are not written), so the split query can
    //leave the other runs in the database
    private const string VARIANT_PROPERTY = "\"variant\"";

    private readonly IRepository<FlowAttribution> _attributionRepository;
    private readonly IRepository<Flow> _flowRepository;
    private readonly IRepository<FlowNodeDailyStat> _statRepository;
    private readonly IRepository<FlowRun> _runRepository;
    private readonly IRepository<FlowVersion> _versionRepository;

    #endregion

    #region Ctor

    public FlowReportService(IRepository<FlowAttribution> attributionRepository,
        IRepository<Flow> flowRepository,
        IRepository<FlowNodeDailyStat> statRepository,
        IRepository<FlowRun> runRepository,
        IRepository<FlowVersion> versionRepository)
    {
        _attributionRepository = attributionRepository;
        _flowRepository = flowRepository;
        _statRepository = statRepository;
        _runRepository = runRepository;
        _versionRepository = versionRepository;
    }

    #endregion

    #region Methods

    /// <inheritdoc />
    public async Task<FlowReport> GetFlowReportAsync(int flowId, DateTime fromUtc, DateTime toUtc, int? versionId = null)
    {
        var fromDay = DayOf(fromUtc);
        var toDay = DayOf(toUtc);
        if (toDay < fromDay)
            throw new ArgumentException("The range ends before it starts.", nameof(toUtc));

        var flow = await _flowRepository.GetByIdAsync(flowId);
        if (flow == null)
            return null;

        //published versions only: the draft (number 0) has no statistics and no runs yet
        var versions = await _versionRepository.GetAllAsync(query => OfScope(query.Where(version => version.FlowId == flowId
            && version.VersionNumber != FlowVersion.DraftVersionNumber), versionId));
        if (versionId != null && versions.Count == 0)
            return null;

        //newest version first: its order and titles win for steps several versions share
        var newestFirst = versions.OrderByDescending(version => version.VersionNumber)
            .Select(version => (VersionId: version.Id, Nodes: FlowStepLabels.ReadNodes(version.DefinitionJson)))
            .ToList();
        var nodesByVersion = newestFirst.ToDictionary(version => version.VersionId, version => version.Nodes);

        var stats = await _statRepository.GetAllAsync(query => OfScope(query
            .Where(stat => stat.FlowId == flowId && stat.DayOnUtc >= fromDay && stat.DayOnUtc <= toDay), versionId));

        var endExclusive = toDay.AddDays(1);
        var orders = await _attributionRepository.GetAllAsync(query => OfScope(query
            .Where(order => order.FlowId == flowId && order.PlacedOnUtc >= fromDay && order.PlacedOnUtc < endExclusive), versionId));

        //only the two columns the counts need, not the runs' state
        var open = await _runRepository.GetAllAsync(query => OfScope(query
                .Where(run => run.FlowId == flowId
                    && (run.StatusId == (int)FlowRunStatus.Waiting || run.StatusId == (int)FlowRunStatus.Running)), versionId)
            .Select(run => new FlowRun { FlowVersionId = run.FlowVersionId, CurrentNodeId = run.CurrentNodeId }));
        var waitingByNode = open.GroupBy(run => run.CurrentNodeId ?? string.Empty).ToDictionary(group => group.Key, group => group.Count());

        var steps = Steps(newestFirst, stats, orders, waitingByNode);
        var starts = newestFirst
            .SelectMany(version => version.Nodes.OfType<StartNode>().Select(node => (version.VersionId, NodeId: node.Id)))
            .ToHashSet();
        bool IsStart(FlowNodeDailyStat stat) => starts.Contains((stat.FlowVersionId, stat.NodeId));

        var totals = new FlowReportTotals(
            Entered: stats.Where(IsStart).Sum(stat => stat.Entered),
            WaitingNow: open.Count,
            GoalReached: stats.Sum(stat => stat.Converted),
            Converted: orders.Count,
            Revenue: orders.Sum(order => order.OrderTotal),
            Sent: stats.Sum(stat => stat.Sent),
            SentByChannel: stats.Where(stat => stat.Sent > 0)
                .GroupBy(stat => stat.Channel)
                .OrderBy(group => group.Key)
                .Select(group => new FlowChannelSent(group.Key, group.Sum(stat => stat.Sent)))
                .ToList(),
            Opened: stats.Sum(stat => stat.Opened),
            Clicked: stats.Sum(stat => stat.Clicked));

        var ordersByDay = orders.ToLookup(order => DayOf(order.PlacedOnUtc));
        var days = Enumerable.Range(0, (toDay - fromDay).Days + 1)
            .Select(offset => fromDay.AddDays(offset))
            .GroupJoin(stats, day => day, stat => DayOf(stat.DayOnUtc), (day, ofDay) =>
            {
                var list = ofDay.ToList();
                var ordered = ordersByDay[day].ToList();
                return new FlowReportDay(day, list.Where(IsStart).Sum(stat => stat.Entered), list.Sum(stat => stat.Sent),
                    list.Sum(stat => stat.Converted), ordered.Count, ordered.Sum(order => order.OrderTotal));
            })
            .ToList();

        var splits = await SplitsAsync(flowId, versionId, fromDay, toDay, newestFirst, nodesByVersion);

        return new FlowReport(flow.Id, flow.Name, versionId, fromDay, toDay, totals, steps, days, splits);
    }

    /// <inheritdoc />
    public Task WriteCsvAsync(FlowReport report, TextWriter writer) => FlowReportCsv.WriteAsync(report, writer);

    #endregion

    #region Utilities

    private static DateTime DayOf(DateTime moment) => DateTime.SpecifyKind(moment.Date, DateTimeKind.Utc);

    private static IQueryable<FlowVersion> OfScope(IQueryable<FlowVersion> query, int? versionId) =>
        versionId is { } id ? query.Where(version => version.Id == id) : query;

    private static IQueryable<FlowNodeDailyStat> OfScope(IQueryable<FlowNodeDailyStat> query, int? versionId) =>
        versionId is { } id ? query.Where(stat => stat.FlowVersionId == id) : query;

    private static IQueryable<FlowAttribution> OfScope(IQueryable<FlowAttribution> query, int? versionId) =>
        versionId is { } id ? query.Where(order => order.FlowVersionId == id) : query;

    private static IQueryable<FlowRun> OfScope(IQueryable<FlowRun> query, int? versionId) =>
        versionId is { } id ? query.Where(run => run.FlowVersionId == id) : query;

    /// <summary>
    /// One row per step: the steps of the versions in definition order (newest version first), then steps only the
    /// statistics or open runs know (a version that no longer reads), by id
    /// </summary>
    private static List<FlowStepReport> Steps(List<(int VersionId, IReadOnlyList<FlowNode> Nodes)> newestFirst,
        IList<FlowNodeDailyStat> stats, IList<FlowAttribution> orders, Dictionary<string, int> waitingByNode)
    {
        var nodes = new Dictionary<string, FlowNode>();
        var order = new List<string>();
        foreach (var node in newestFirst.SelectMany(version => version.Nodes))
        {
            if (nodes.TryAdd(node.Id, node))
                order.Add(node.Id);
        }

        order.AddRange(stats.Select(stat => stat.NodeId).Concat(waitingByNode.Keys).Concat(orders.Select(credited => credited.NodeId))
            .Where(id => !string.IsNullOrEmpty(id) && !nodes.ContainsKey(id))
            .Distinct()
            .OrderBy(id => id, StringComparer.Ordinal));

        var statsByNode = stats.ToLookup(stat => stat.NodeId);
        var ordersByNode = orders.ToLookup(credited => credited.NodeId);
        return order.Select(id =>
        {
            var ofNode = statsByNode[id].ToList();
            var orderedHere = ordersByNode[id].ToList();
            nodes.TryGetValue(id, out var node);
            var channel = node != null ? FlowStepLabels.ChannelOf(node) : ofNode.Select(stat => stat.Channel).FirstOrDefault();
            return new FlowStepReport(id,
                node != null ? FlowStepLabels.TypeOf(node) : "unknown",
                string.IsNullOrWhiteSpace(node?.Title) ? null : node.Title,
                node != null ? FlowStepLabels.LabelOf(node) : id,
                channel,
                ofNode.Sum(stat => stat.Entered),
                waitingByNode.GetValueOrDefault(id),
                ofNode.Sum(stat => stat.PassedYes),
                ofNode.Sum(stat => stat.PassedNo),
                ofNode.Sum(stat => stat.Sent),
                ofNode.Sum(stat => stat.Opened),
                ofNode.Sum(stat => stat.Clicked),
                ofNode.Sum(stat => stat.Converted),
                orderedHere.Count,
                orderedHere.Sum(credited => credited.OrderTotal));
        }).ToList();
    }

    /// <summary>
    /// The branches of each split, counted over the runs that entered the flow in the range and went through a split
    /// </summary>
    private async Task<IReadOnlyList<FlowSplitReport>> SplitsAsync(int flowId, int? versionId, DateTime fromDay, DateTime toDay,
        List<(int VersionId, IReadOnlyList<FlowNode> Nodes)> newestFirst, Dictionary<int, IReadOnlyList<FlowNode>> nodesByVersion)
    {
        var splits = new List<(SplitNode Node, string Label)>();
        foreach (var split in newestFirst.SelectMany(version => version.Nodes.OfType<SplitNode>()))
        {
            if (splits.All(known => known.Node.Id != split.Id))
                splits.Add((split, FlowStepLabels.LabelOf(split)));
        }

        if (splits.Count == 0)
            return [];

        var endExclusive = toDay.AddDays(1);
        var runs = await _runRepository.GetAllAsync(query => OfScope(query
                .Where(run => run.FlowId == flowId && run.StartedOnUtc >= fromDay && run.StartedOnUtc < endExclusive
                    && run.StateJson.Contains(VARIANT_PROPERTY)), versionId)
            .Select(run => new FlowRun { FlowVersionId = run.FlowVersionId, StateJson = run.StateJson, Converted = run.Converted }));

        return FlowSplitConversions.Count(splits, nodesByVersion, runs);
    }

    #endregion
}
