using System.Globalization;
using Nop.Data;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Nodes;
using Nop.Plugin.Misc.CustomFlows.Engine.Guardrails;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using Nop.Plugin.Misc.CustomFlows.Services.Facts;
using Nop.Services.Configuration;
using Nop.Services.Helpers;

namespace Nop.Plugin.Misc.CustomFlows.Services.Runs;

/// <summary>
/// What the inbox and the due-run jobs share: the context a step runs in (facts, guardrails, now)
/// and what happens after a step (effects carried out, then the run saved, then statistics). The
/// order matters: effects are carried out under their idempotency keys before the run moves on, so
/// a crash in between repeats the step, whose effects are then recognized and not carried out twice.
/// </summary>
public class FlowRunPump
{
    #region Fields

    private readonly IFlowCatalog _flowCatalog;
    private readonly IFlowEffectDispatcher _effectDispatcher;
    private readonly NopCustomerFactsSource _factsSource;
    private readonly IDateTimeHelper _dateTimeHelper;
    private readonly FlowRunStore _runStore;
    private readonly ISettingService _settingService;
    private readonly IRepository<FlowNodeDailyStat> _statRepository;
    private readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public FlowRunPump(IFlowCatalog flowCatalog,
        IFlowEffectDispatcher effectDispatcher,
        NopCustomerFactsSource factsSource,
        IDateTimeHelper dateTimeHelper,
        FlowRunStore runStore,
        ISettingService settingService,
        IRepository<FlowNodeDailyStat> statRepository,
        FlowRunGate gate,
        TimeProvider timeProvider)
    {
        Gate = gate;
        _flowCatalog = flowCatalog;
        _effectDispatcher = effectDispatcher;
        _factsSource = factsSource;
        _dateTimeHelper = dateTimeHelper;
        _runStore = runStore;
        _settingService = settingService;
        _statRepository = statRepository;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Methods

    /// <summary>
    /// The interpreter shared by every step: it is stateless and thread-safe
    /// </summary>
    public static FlowInterpreter Interpreter { get; } = new();

    /// <summary>
    /// The run store
    /// </summary>
    public FlowRunStore Runs => _runStore;

    /// <summary>
    /// Gets the gate both processing jobs pass before a batch
    /// </summary>
    public FlowRunGate Gate { get; }

    /// <summary>
    /// Gets the plugin settings
    /// </summary>
    public async Task<CustomFlowsSettings> GetSettingsAsync() =>
        await _settingService.LoadSettingAsync<CustomFlowsSettings>() ?? new CustomFlowsSettings();

    /// <summary>
    /// Builds the context a customer's runs step in: their facts in the store, the shop's guardrails, now
    /// </summary>
    public async Task<RunContext> CreateContextAsync(int customerId, int storeId, CustomFlowsSettings settings, CancellationToken cancellationToken)
    {
        var facts = await _factsSource.GetFactsAsync(customerId, storeId, cancellationToken);
        return new RunContext(facts, GuardrailsOf(settings), _dateTimeHelper.DefaultStoreTimeZone, _timeProvider.GetUtcNow().UtcDateTime);
    }

    /// <summary>
    /// After a step: carries out its effects, saves the run, counts the step in the statistics
    /// </summary>
    /// <param name="result">What the interpreter did</param>
    /// <param name="flow">The flow version of the run</param>
    /// <param name="cancellationToken">Cancellation</param>
    /// <param name="enteredOnUtc">For a run that has just entered: when, so its start node counts the entry</param>
    /// <param name="orderValue">For a step caused by an order: its total, credited to the run and its step when the order converts the run</param>
    public async Task CompleteStepAsync(StepResult result, CompiledFlow flow, CancellationToken cancellationToken,
        DateTime? enteredOnUtc = null, decimal orderValue = 0)
    {
        //an unchanged run (not due, paused, already ended) has nothing to carry out or save
        if (result.Outcome is StepOutcome.NotDue or StepOutcome.AlreadyEnded or StepOutcome.Paused
            && result.Effects.Count == 0 && result.Records.Count == 0)
            return;

        foreach (var effect in result.Effects)
            await _effectDispatcher.DispatchAsync(effect, result.Run, cancellationToken);

        var revenue = result.Run.Status == RunStatus.Converted && result.Records.Any(r => r.Kind == StepKind.Converted) ? orderValue : 0;
        await _runStore.UpdateAsync(result.Run, cancellationToken, revenue);

        //a run is created on its start node, so the interpreter never records arriving there
        var records = enteredOnUtc is { } entered
            ? result.Records.Prepend(new StepRecord(entered, flow.Start.Id, StepKind.Arrived)).ToList()
            : result.Records;
        await RecordStatisticsAsync(records, result.Effects, flow, revenue);
    }

    /// <summary>
    /// Maps the plugin settings onto the engine's guardrails
    /// </summary>
    public static GuardrailSettings GuardrailsOf(CustomFlowsSettings settings)
    {
        var guardrails = new GuardrailSettings { PauseAll = settings.PauseAll };
        if (settings.MarketingEmailsPerDay > 0)
            guardrails.MessageBudget.Add(new MessageBudgetRule { Channel = ActionChannel.Email, Max = settings.MarketingEmailsPerDay, Period = TimeSpan.FromDays(1) });
        if (settings.MarketingEmailsPerWeek > 0)
            guardrails.MessageBudget.Add(new MessageBudgetRule { Channel = ActionChannel.Email, Max = settings.MarketingEmailsPerWeek, Period = TimeSpan.FromDays(7) });

        if (TimeOnly.TryParseExact(settings.QuietHoursStart, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            && TimeOnly.TryParseExact(settings.QuietHoursEnd, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)
            && start != end)
            guardrails.QuietHours = new QuietHours { Start = start, End = end };

        foreach (var text in (settings.BlackoutDates ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                guardrails.BlackoutDates.Add(day);
        }

        return guardrails;
    }

    #endregion

    #region Methods (statistics)

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

    private async Task RecordStatisticsAsync(IReadOnlyList<StepRecord> records, IReadOnlyList<FlowEffect> effects, CompiledFlow flow, decimal revenue)
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
            stat.Converted += converted;
            //the order that converted the run is credited to the step the run was on
            if (converted > 0)
                stat.Revenue += revenue;

            if (isNew)
                await _statRepository.InsertAsync(stat, publishEvent: false);
            else
                await _statRepository.UpdateAsync(stat, publishEvent: false);
        }
    }

    #endregion
}
