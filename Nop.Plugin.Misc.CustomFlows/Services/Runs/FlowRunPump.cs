using System.Globalization;
using Nop.Data;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Nodes;
using Nop.Plugin.Misc.CustomFlows.Engine.Guardrails;
using Nop.Plugin.Misc.CustomFlows.Engine.Processing;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using EngineCatalog = Nop.Plugin.Misc.CustomFlows.Engine.Processing.FlowCatalog;
using Nop.Plugin.Misc.CustomFlows.Services.Facts;
using Nop.Services.Configuration;
using Nop.Services.Helpers;

namespace Nop.Plugin.Misc.CustomFlows.Services.Runs;

/// <summary>
/// What the inbox and the due-run jobs share: the engine's one processing loop composed with the shop's ports (the
/// run store with its outbox, the customers' facts, the effect sink, the clock), the flow catalog, the shop-wide
/// guardrails and the gate the two jobs take turns at
/// </summary>
public class FlowRunPump
{
    #region Fields

    private readonly IDateTimeHelper _dateTimeHelper;
    private readonly NopCustomerFactsSource _factsSource;
    private readonly IFlowCatalog _flowCatalog;
    private readonly FlowRunStore _runStore;
    private readonly ISettingService _settingService;
    private readonly FlowStepSink _sink;
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
        _factsSource = factsSource;
        _dateTimeHelper = dateTimeHelper;
        _runStore = runStore;
        _settingService = settingService;
        _sink = new FlowStepSink(flowCatalog, effectDispatcher, statRepository);
        _timeProvider = timeProvider;
        Dispatcher = effectDispatcher;
        Processor = new FlowProcessor(runStore, factsSource, _sink, Interpreter, timeProvider);
    }

    #endregion

    #region Methods

    /// <summary>
    /// The interpreter shared by every step: it is stateless and thread-safe
    /// </summary>
    public static FlowInterpreter Interpreter { get; } = new();

    /// <summary>
    /// The engine's processing loop over the shop's ports
    /// </summary>
    public FlowProcessor Processor { get; }

    /// <summary>
    /// The run store
    /// </summary>
    public FlowRunStore Runs => _runStore;

    /// <summary>
    /// The effect dispatcher (also performs effects left unperformed by a stopped worker)
    /// </summary>
    public IFlowEffectDispatcher Dispatcher { get; }

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
    /// Gets the flow catalog as of now
    /// </summary>
    public Task<EngineCatalog> GetCatalogAsync() => _flowCatalog.GetCatalogAsync();

    /// <summary>
    /// The shop-wide inputs of a batch: the guardrails of the settings and the store's time zone
    /// </summary>
    public EngineEnvironment EnvironmentOf(CustomFlowsSettings settings) =>
        new(GuardrailsOf(settings), _dateTimeHelper.DefaultStoreTimeZone);

    /// <summary>
    /// Counts the first open (or pop-up appearance) or the first click of a step's message on the day it happened
    /// </summary>
    public Task RecordEngagementAsync(int flowId, int versionId, string nodeId, DateTime atUtc, bool clicked) =>
        _sink.RecordEngagementAsync(flowId, versionId, nodeId, atUtc, clicked);

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
}
