using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Nodes;
using Nop.Plugin.Misc.CustomFlows.Engine.Entry;
using Nop.Plugin.Misc.CustomFlows.Engine.Processing;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using Nop.Plugin.Misc.CustomFlows.Engine.Time;

namespace Nop.Plugin.Misc.CustomFlows.Simulation;

/// <summary>
/// Turns what the interpreter recorded and emitted into per-flow and per-step counts, timelines,
/// attributed revenue and split results.
/// </summary>
internal sealed class SimulationStatistics
{
    private readonly Dictionary<(string, int), FlowCounts> _flows = new();
    // by reference: the hot path knows the compiled flow and need not hash its id
    private readonly Dictionary<CompiledFlow, FlowCounts> _byFlow = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<int, CustomerTimeline> _timelines = new();
    //every message a step emitted (opens and clicks in an event file find their run here) and those the channel delivered
    private readonly Dictionary<int, List<AttributableMessage>> _messages = new();
    private readonly Dictionary<int, List<AttributableMessage>> _delivered = new();
    private readonly List<SplitPass> _splitPasses = new();
    private readonly SimulationOptions _options;

    public SimulationStatistics(IEnumerable<CompiledFlow> flows, SimulationOptions options)
    {
        _options = options;
        foreach (var flow in flows)
            _byFlow[flow] = _flows[(flow.Id, flow.Version)] = new FlowCounts(flow);
    }

    public FlowCounts Of(FlowRunState run) => _flows[(run.FlowId, run.FlowVersion)];

    public void NotEntered(CompiledFlow flow, EntryDecision decision)
    {
        var counts = _flows[(flow.Id, flow.Version)].Report.NotEntered;
        var key = char.ToLowerInvariant(decision.ToString()[0]) + decision.ToString()[1..];
        counts[key] = counts.GetValueOrDefault(key) + 1;
    }

    public void Entered(CompiledFlow flow, FlowRunState run, string trigger)
    {
        var counts = _byFlow[flow];
        counts.Report.Entered++;
        counts.Node(flow.Start.Id).Entered++;
        Timeline(run.CustomerId, run.EnteredOnUtc, run, flow.Start.Id, "entered", trigger);
    }

    public void Apply(StepResult result, CompiledFlow flow)
    {
        var run = result.Run;
        var counts = _byFlow[flow];
        var effects = result.Effects;
        var nextEffect = 0;
        foreach (var record in result.Records)
        {
            // the interpreter records each emitted action right after emitting it: keep the timeline in that order
            if (record.Kind == StepKind.ActionEmitted && nextEffect < effects.Count)
                ApplyEffect(counts, effects[nextEffect++]);
            else
                ApplyRecord(counts, run, record);
        }

        while (nextEffect < effects.Count)
            ApplyEffect(counts, effects[nextEffect++]);
    }

    /// <summary>
    /// The latest run of a flow whose step sent the customer a message, for e-mail and pop-up events.
    /// </summary>
    public long? RunOfMessage(int customerId, string flowId, string nodeId)
    {
        if (!_messages.TryGetValue(customerId, out var sent))
            return null;
        for (var i = sent.Count - 1; i >= 0; i--)
        {
            if (sent[i].NodeId == nodeId && sent[i].FlowId == flowId)
                return sent[i].RunId;
        }

        return null;
    }

    /// <summary>
    /// Credits an order to the flows whose messages came within the attribution window before it, by the one rule
    /// of <see cref="OrderAttribution"/> the shop's reports use too.
    /// </summary>
    public void OrderPlaced(int customerId, DateTime placedOnUtc, decimal total)
    {
        if (!_delivered.TryGetValue(customerId, out var sent))
            return;

        foreach (var message in OrderAttribution.Credit(sent, placedOnUtc, _options.AttributionWindow))
        {
            var counts = _flows[(message.FlowId, message.FlowVersion)];
            counts.Report.Revenue += total;
            counts.Report.Converted++;
            var node = counts.Node(message.NodeId);
            node.Revenue += total;
            node.Converted++;
        }
    }

    /// <summary>
    /// Remembers a message the channel delivered: as in the shop, only those can have an order credited to them
    /// </summary>
    public void MessageDelivered(FlowEffect effect)
    {
        if (!_delivered.TryGetValue(effect.CustomerId, out var sent))
            _delivered[effect.CustomerId] = sent = new List<AttributableMessage>(2);
        sent.Add(new AttributableMessage(effect.FlowId, effect.FlowVersion, effect.NodeId, effect.RunId, effect.CreatedOnUtc));
    }

    public void StillWaiting(FlowRunState run)
    {
        var counts = Of(run);
        counts.Report.StillWaiting++;
        counts.Node(run.NodeId).Waiting++;
        Timeline(run.CustomerId, run.DueOnUtc ?? run.EnteredOnUtc, run, run.NodeId, "stillWaiting",
            run.DueOnUtc == null ? null : "due " + EventLineReader.Iso(run.DueOnUtc.Value));
    }

    public void Finish(SimulationReport report, IReadOnlyDictionary<long, FlowRunState> runs, InMemoryCustomerFacts customers)
    {
        foreach (var counts in _flows.Values)
        {
            counts.Report.Nodes = counts.Flow.Definition.Nodes.Select(n => counts.Node(n.Id)).ToList();
            report.Flows.Add(counts.Report);
        }

        var splits = new Dictionary<(string, int, string), SplitReport>();
        foreach (var pass in _splitPasses)
        {
            var counts = _flows[pass.Flow];
            var key = (pass.Flow.Item1, pass.Flow.Item2, pass.NodeId);
            if (!splits.TryGetValue(key, out var split))
            {
                var node = (SplitNode)counts.Flow.Definition.Nodes.First(n => n.Id == pass.NodeId);
                split = new SplitReport
                {
                    NodeId = pass.NodeId,
                    Branches = node.Branches.Select(b => new BranchReport { Name = b.Name, Holdout = b.Holdout }).ToList()
                };
                splits[key] = split;
                counts.Report.Splits.Add(split);
            }

            var branch = split.Branches.FirstOrDefault(b => b.Name == pass.Branch);
            if (branch == null)
                continue;

            branch.Runs++;
            if (runs[pass.RunId].Status == RunStatus.Converted)
                branch.Converted++;
            var until = pass.AtUtc + _options.AttributionWindow;
            foreach (var order in customers.GetOrCreate(pass.CustomerId).Facts.Orders)
            {
                if (order.PlacedOnUtc > pass.AtUtc && order.PlacedOnUtc <= until)
                    branch.Revenue += order.Total;
            }
        }

        foreach (var split in splits.Values)
        {
            foreach (var branch in split.Branches)
            {
                branch.ConversionRate = Rate(branch.Converted, branch.Runs);
                branch.RevenuePerRun = branch.Runs == 0 ? 0 : Math.Round(branch.Revenue / branch.Runs, 2);
            }

            split.Uplift = Uplift(split.Branches);
        }

        report.Timelines = _timelines.OrderBy(t => t.Key).Select(t => t.Value).ToList();
        report.AttributionWindow = FlowDuration.Format(_options.AttributionWindow);
    }

    private static UpliftReport Uplift(List<BranchReport> branches)
    {
        var holdout = branches.Where(b => b.Holdout).ToList();
        var treated = branches.Where(b => !b.Holdout).ToList();
        int holdoutRuns = holdout.Sum(b => b.Runs), treatedRuns = treated.Sum(b => b.Runs);
        if (holdout.Count == 0 || holdoutRuns == 0 || treatedRuns == 0)
            return null;

        var uplift = new UpliftReport
        {
            TreatedRuns = treatedRuns,
            HoldoutRuns = holdoutRuns,
            TreatedConversionRate = Rate(treated.Sum(b => b.Converted), treatedRuns),
            HoldoutConversionRate = Rate(holdout.Sum(b => b.Converted), holdoutRuns),
            TreatedRevenuePerRun = Math.Round(treated.Sum(b => b.Revenue) / treatedRuns, 2),
            HoldoutRevenuePerRun = Math.Round(holdout.Sum(b => b.Revenue) / holdoutRuns, 2)
        };
        uplift.ConversionUpliftPoints = Math.Round((uplift.TreatedConversionRate - uplift.HoldoutConversionRate) * 100, 2);
        uplift.RevenueUpliftPerRun = uplift.TreatedRevenuePerRun - uplift.HoldoutRevenuePerRun;
        return uplift;
    }

    private static double Rate(int part, int whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 4);

    private void ApplyRecord(FlowCounts counts, FlowRunState run, StepRecord record)
    {
        var node = counts.Node(record.NodeId);
        string what;
        switch (record.Kind)
        {
            case StepKind.Arrived:
                node.Entered++;
                return;
            case StepKind.ActionEmitted:
                // the effect carries what was sent; counted there
                return;
            case StepKind.PassedYes:
                node.PassedYes++;
                what = "yes";
                break;
            case StepKind.PassedNo:
                node.PassedNo++;
                what = "no";
                break;
            case StepKind.ActionPostponed:
                node.Postponed++;
                what = "postponed";
                break;
            case StepKind.ActionSkipped:
                node.Skipped++;
                what = "skipped";
                break;
            case StepKind.ActionSuppressed:
                node.HeldOut++;
                what = "heldOut";
                break;
            case StepKind.Branched:
                _splitPasses.Add(new SplitPass((run.FlowId, run.FlowVersion), record.NodeId, record.Detail, run.RunId, run.CustomerId, record.AtUtc));
                what = "branched";
                break;
            case StepKind.Converted:
                node.GoalReached++;
                counts.Report.GoalReached++;
                what = "converted";
                break;
            case StepKind.Exited:
                node.Exited++;
                counts.Report.Exited++;
                what = "exited";
                break;
            case StepKind.Completed:
                node.Completed++;
                counts.Report.Completed++;
                Timeline(run.CustomerId, record.AtUtc, run, record.NodeId, "ended", null);
                return;
            case StepKind.EventReceived:
                what = "eventReceived";
                break;
            default:
                what = null;
                break;
        }

        if (!_options.RecordTimelines)
            return;

        what ??= char.ToLowerInvariant(record.Kind.ToString()[0]) + record.Kind.ToString()[1..];
        var detail = record.Kind == StepKind.Waiting && DateTime.TryParse(record.Detail, null, System.Globalization.DateTimeStyles.RoundtripKind, out var until)
            ? "until " + EventLineReader.Iso(until.ToUniversalTime())
            : record.Kind == StepKind.EventReceived && Enum.TryParse<Engine.Definition.FlowEventType>(record.Detail, out var eventType)
                ? EventLineReader.NameOf(eventType)
                : record.Detail;
        Timeline(run.CustomerId, record.AtUtc, run, record.NodeId, what, detail);
    }

    private void ApplyEffect(FlowCounts counts, FlowEffect effect)
    {
        var channel = ChannelName(effect.Action.Channel);
        counts.Report.Sent[channel] = counts.Report.Sent.GetValueOrDefault(channel) + 1;
        var node = counts.Node(effect.NodeId);
        node.Sent[channel] = node.Sent.GetValueOrDefault(channel) + 1;
        if (effect.Action.IsMessage)
        {
            if (!_messages.TryGetValue(effect.CustomerId, out var emitted))
                _messages[effect.CustomerId] = emitted = new List<AttributableMessage>(2);
            emitted.Add(new AttributableMessage(effect.FlowId, effect.FlowVersion, effect.NodeId, effect.RunId, effect.CreatedOnUtc));
        }
        if (_options.RecordTimelines)
        {
            var timeline = TimelineOf(effect.CustomerId);
            timeline.Entries.Add(new TimelineEntry
            {
                At = effect.CreatedOnUtc, FlowId = effect.FlowId, RunId = effect.RunId, NodeId = effect.NodeId,
                What = "sent", Detail = Describe(effect.Action)
            });
        }
    }

    private static readonly string[] ChannelNames = Enum.GetValues<ActionChannel>()
        .Select(c => char.ToLowerInvariant(c.ToString()[0]) + c.ToString()[1..]).ToArray();

    internal static string ChannelName(ActionChannel channel) => ChannelNames[(int)channel];

    private static string Describe(FlowAction action) => action switch
    {
        SendEmailAction email => $"email {email.Template}" + (email.Category == EmailCategory.Transactional ? " (transactional)" : string.Empty),
        ShowPopupAction popup => $"popup {popup.Template}",
        WebhookAction webhook => $"webhook {webhook.Url}",
        AddTagAction tag => $"addTag {tag.Tag}",
        RemoveTagAction tag => $"removeTag {tag.Tag}",
        ChangeScoreAction score => $"changeScore {score.Delta:+0;-0}",
        SetFunnelStageAction stage => $"setFunnelStage {stage.Stage}",
        AlertStaffAction alert => $"alertStaff \"{alert.Message}\"",
        CreateCouponAction coupon => coupon.Percent != null ? $"coupon {coupon.Percent}%" : $"coupon {coupon.Amount} off",
        _ => ChannelName(action.Channel)
    };

    private void Timeline(int customerId, DateTime at, FlowRunState run, string nodeId, string what, string detail)
    {
        if (!_options.RecordTimelines)
            return;
        TimelineOf(customerId).Entries.Add(new TimelineEntry { At = at, FlowId = run.FlowId, RunId = run.RunId, NodeId = nodeId, What = what, Detail = detail });
    }

    private CustomerTimeline TimelineOf(int customerId)
    {
        if (!_timelines.TryGetValue(customerId, out var timeline))
            _timelines[customerId] = timeline = new CustomerTimeline { CustomerId = customerId };
        return timeline;
    }

    internal sealed class FlowCounts
    {
        private readonly Dictionary<string, NodeReport> _nodes = new(StringComparer.Ordinal);

        public FlowCounts(CompiledFlow flow)
        {
            Flow = flow;
            Report = new FlowReport { FlowId = flow.Id, Version = flow.Version, Name = flow.Definition.Name };
            foreach (var node in flow.Definition.Nodes)
                _nodes[node.Id] = new NodeReport { NodeId = node.Id, Type = TypeName(node) };
        }

        public CompiledFlow Flow { get; }

        public FlowReport Report { get; }

        public NodeReport Node(string id)
        {
            if (!_nodes.TryGetValue(id ?? string.Empty, out var node))
                _nodes[id ?? string.Empty] = node = new NodeReport { NodeId = id, Type = "?" };
            return node;
        }

        private static string TypeName(FlowNode node) => node switch
        {
            StartNode => "start",
            FilterNode => "filter",
            WaitNode => "wait",
            SplitNode => "split",
            ActionNode => "action",
            JumpNode => "jump",
            EndNode => "end",
            _ => node.GetType().Name
        };
    }

    private sealed record SplitPass((string, int) Flow, string NodeId, string Branch, long RunId, int CustomerId, DateTime AtUtc);
}
