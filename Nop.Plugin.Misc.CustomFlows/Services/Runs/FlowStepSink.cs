using Nop.Data;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Nodes;
using Nop.Plugin.Misc.CustomFlows.Engine.Ports;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;

namespace Nop.Plugin.Misc.CustomFlows.Services.Runs;

/// <summary>
/// The shop's effect sink: after the engine's loop committed a step, performs the effects it recorded through the
/// channels (e-mail queue, pop-ups, webhooks, customer data, staff alerts, coupons) and counts the step in the daily
/// statistics of its flow version
/// </summary>
public class FlowStepSink : IFlowEffectSink
{
    #region Fields

    private readonly IFlowCatalog _flowCatalog;
    private readonly IFlowEffectDispatcher _effectDispatcher;
    private readonly IRepository<FlowNodeDailyStat> _statRepository;

    #endregion

    #region Ctor

    public FlowStepSink(IFlowCatalog flowCatalog, IFlowEffectDispatcher effectDispatcher, IRepository<FlowNodeDailyStat> statRepository)
    {
        _flowCatalog = flowCatalog;
        _effectDispatcher = effectDispatcher;
        _statRepository = statRepository;
    }

    #endregion

    #region Methods

    /// <inheritdoc />
    public async Task HandleAsync(CommittedStep step, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        var result = step.Result;
        //counted first: the step is saved, whatever its effects do; a failed effect stays recorded and is retried
        //a run is created on its start node, so the interpreter never records arriving there
        var records = step.Entered
            ? result.Records.Prepend(new StepRecord(result.Run.EnteredOnUtc, step.Flow.Start.Id, StepKind.Arrived)).ToList()
            : result.Records;
        await RecordStatisticsAsync(records, result.Effects, step.Flow);

        foreach (var effect in result.Effects)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await _effectDispatcher.DispatchAsync(effect, result.Run, cancellationToken);
        }
    }

    /// <summary>
    /// Counts the first open (or pop-up appearance) or the first click of a step's message on the day it happened
    /// </summary>
    /// <param name="flowId">Flow identifier</param>
    /// <param name="versionId">Flow version identifier</param>
    /// <param name="nodeId">The step that sent the message</param>
    /// <param name="atUtc">When it happened</param>
    /// <param name="clicked">A click rather than an open</param>
    public async Task RecordEngagementAsync(int flowId, int versionId, string nodeId, DateTime atUtc, bool clicked)
    {
        if (string.IsNullOrEmpty(nodeId))
            return;

        var (stat, isNew) = await GetStatAsync(flowId, versionId, nodeId, atUtc);
        if (clicked)
            stat.Clicked++;
        else
            stat.Opened++;

        if (isNew)
            await _statRepository.InsertAsync(stat, publishEvent: false);
        else
            await _statRepository.UpdateAsync(stat, publishEvent: false);
    }

    #endregion

    #region Utilities

    private async Task<(FlowNodeDailyStat Stat, bool IsNew)> GetStatAsync(int flowId, int versionId, string nodeId, DateTime atUtc)
    {
        var day = DateTime.SpecifyKind(atUtc.Date, DateTimeKind.Utc);
        var stat = (await _statRepository.GetAllAsync(query => query
            .Where(s => s.FlowVersionId == versionId && s.NodeId == nodeId && s.DayOnUtc == day))).FirstOrDefault();

        return stat == null
            ? (new FlowNodeDailyStat { FlowId = flowId, FlowVersionId = versionId, NodeId = nodeId, DayOnUtc = day }, true)
            : (stat, false);
    }

    private async Task RecordStatisticsAsync(IReadOnlyList<StepRecord> records, IReadOnlyList<FlowEffect> effects, CompiledFlow flow)
    {
        if (records.Count == 0 || !int.TryParse(flow.Id, out var flowId))
            return;

        var versionId = await _flowCatalog.GetVersionIdAsync(flow.Id, flow.Version);
        var sentNodes = effects.Where(e => e.Action?.IsMessage == true).Select(e => e.NodeId).ToHashSet();

        foreach (var group in records.GroupBy(record => (record.NodeId, Day: record.AtUtc.Date)))
        {
            var entered = group.Count(r => r.Kind == StepKind.Arrived);
            var yes = group.Count(r => r.Kind == StepKind.PassedYes);
            var no = group.Count(r => r.Kind == StepKind.PassedNo);
            var sent = group.Count(r => r.Kind == StepKind.ActionEmitted && sentNodes.Contains(r.NodeId));
            var converted = group.Count(r => r.Kind == StepKind.Converted);
            if (entered + yes + no + sent + converted == 0 || string.IsNullOrEmpty(group.Key.NodeId))
                continue;

            var (stat, isNew) = await GetStatAsync(flowId, versionId, group.Key.NodeId, group.Key.Day);
            var channel = flow.Definition.Nodes.OfType<ActionNode>().FirstOrDefault(node => node.Id == group.Key.NodeId)?.Action;
            if (channel != null)
                stat.ChannelId = (int)FlowChannels.Of(channel);

            stat.Entered += entered;
            stat.PassedYes += yes;
            stat.PassedNo += no;
            stat.Sent += sent;
            //runs that met the goal; orders and revenue are credited by FlowOrderAttributor, not by the steps
            stat.Converted += converted;

            if (isNew)
                await _statRepository.InsertAsync(stat, publishEvent: false);
            else
                await _statRepository.UpdateAsync(stat, publishEvent: false);
        }
    }

    #endregion
}
