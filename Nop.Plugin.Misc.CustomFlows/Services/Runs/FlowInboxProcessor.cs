using System.Text.Json;
using Nop.Data;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Services.Attribution;
using Nop.Plugin.Misc.CustomFlows.Services.Channels.CustomerData;
using Nop.Plugin.Misc.CustomFlows.Services.Customers;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using Nop.Plugin.Misc.CustomFlows.Engine.Entry;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using Nop.Plugin.Misc.CustomFlows.Scheduling;
using Nop.Plugin.Misc.CustomFlows.Services.Inbox;
using Nop.Plugin.Misc.CustomFlows.Services.Catalog;
using Nop.Plugin.Misc.CustomFlows.Services.Facts;
using Nop.Services.Customers;
using Nop.Services.Orders;
using NopLogger = Nop.Services.Logging.ILogger;

namespace Nop.Plugin.Misc.CustomFlows.Services.Runs;

/// <summary>
/// Drains the inbox: each event goes to the customer's open runs (an order can convert them, a click
/// can end an event wait) and then to the live flows it triggers, where the entry rules decide
/// whether the customer enters. A failing event is retried with back-off and set aside after
/// <see cref="MaxAttempts"/> tries, with its error kept for the admin; it never stops the batch.
/// </summary>
public class FlowInboxProcessor : IFlowInboxProcessor
{
    #region Fields

    /// <summary>Events read per batch</summary>
    public const int BatchSize = 100;

    /// <summary>Tries before an event is quarantined</summary>
    public const int MaxAttempts = 5;

    private static readonly JsonSerializerOptions PayloadOptions = new(JsonSerializerDefaults.Web);

    private readonly ProductCategoryResolver _categoryResolver;
    private readonly ICustomerService _customerService;
    private readonly NopCustomerFactsSource _factsSource;
    private readonly IFlowCatalog _flowCatalog;
    private readonly IRepository<FlowInboxEvent> _inboxRepository;
    private readonly IOrderService _orderService;
    private readonly IRepository<PendingPopup> _popupRepository;
    private readonly FlowRunPump _pump;
    private readonly IRepository<FlowRun> _runRepository;
    private readonly TimeProvider _timeProvider;
    private readonly IRepository<FlowActionLog> _actionLogRepository;
    private readonly CustomerStateGate _stateGate;
    private readonly CustomerConsentSnapshot _consentSnapshot;
    private readonly IRepository<CustomerFlowState> _stateRepository;
    private readonly NopLogger _logger;
    private readonly FlowInboxTranslator _translator;
    private readonly FlowOrderAttributor _orderAttributor;

    #endregion

    #region Ctor

    public FlowInboxProcessor(IRepository<FlowActionLog> actionLogRepository,
        ProductCategoryResolver categoryResolver,
        ICustomerService customerService,
        NopCustomerFactsSource factsSource,
        IFlowCatalog flowCatalog,
        IRepository<FlowInboxEvent> inboxRepository,
        IOrderService orderService,
        IRepository<PendingPopup> popupRepository,
        FlowRunPump pump,
        IRepository<FlowRun> runRepository,
        CustomerStateGate stateGate,
        IRepository<CustomerFlowState> stateRepository,
        CustomerConsentSnapshot consentSnapshot,
        FlowOrderAttributor orderAttributor,
        NopLogger logger,
        TimeProvider timeProvider)
    {
        _orderAttributor = orderAttributor;
        _logger = logger;
        _translator = new FlowInboxTranslator(categoryResolver, customerService, orderService, factsSource);
        _consentSnapshot = consentSnapshot;
        _actionLogRepository = actionLogRepository;
        _stateGate = stateGate;
        _stateRepository = stateRepository;
        _categoryResolver = categoryResolver;
        _customerService = customerService;
        _factsSource = factsSource;
        _flowCatalog = flowCatalog;
        _inboxRepository = inboxRepository;
        _orderService = orderService;
        _popupRepository = popupRepository;
        _pump = pump;
        _runRepository = runRepository;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Methods

    /// <inheritdoc />
    public async Task<int> ProcessInboxBatchAsync(CancellationToken cancellationToken)
    {
        var settings = await _pump.GetSettingsAsync();
        //switched off or paused: events stay in the inbox and are handled in order once the shop turns flows on again
        if (!settings.Enabled || settings.PauseAll)
            return 0;

        using var turn = await _pump.Gate.EnterAsync(cancellationToken);

        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var batch = await _inboxRepository.GetAllAsync(query => query
            .Where(e => e.ProcessedOnUtc == null && e.QuarantinedOnUtc == null && (e.NextAttemptOnUtc == null || e.NextAttemptOnUtc <= now))
            .OrderBy(e => e.Id)
            .Take(BatchSize));

        if (batch.Count == 0)
            return 0;

        var handled = 0;
        foreach (var inboxEvent in batch)
        {
            if (cancellationToken.IsCancellationRequested)
                break;

            try
            {
                await HandleAsync(inboxEvent, settings, cancellationToken);
                inboxEvent.ProcessedOnUtc = _timeProvider.GetUtcNow().UtcDateTime;
                inboxEvent.LastError = null;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                inboxEvent.Attempts++;
                inboxEvent.LastError = Truncate($"{exception.GetType().Name}: {exception.Message}", 1000);
                var failedAt = _timeProvider.GetUtcNow().UtcDateTime;
                if (inboxEvent.Attempts >= MaxAttempts)
                    inboxEvent.QuarantinedOnUtc = failedAt;
                else
                    inboxEvent.NextAttemptOnUtc = failedAt + BackOff(inboxEvent.Attempts);
            }

            await _inboxRepository.UpdateAsync(inboxEvent, publishEvent: false);
            handled++;
        }

        return handled;
    }

    /// <summary>
    /// Wait before the next try: 1, 4, 16, 64 minutes
    /// </summary>
    public static TimeSpan BackOff(int attempts) => TimeSpan.FromMinutes(Math.Pow(4, Math.Max(0, attempts - 1)));

    #endregion

    #region Utilities

    private async Task HandleAsync(FlowInboxEvent inboxEvent, CustomFlowsSettings settings, CancellationToken cancellationToken)
    {
        switch (inboxEvent.EventType)
        {
            case FlowInboxEventTypes.CUSTOMER_LOGGED_IN:
                await MoveGuestHistoryAsync(inboxEvent.CustomerId, Read<CustomerLoggedInPayload>(inboxEvent).GuestCustomerId);
                return;
            case FlowInboxEventTypes.NEWSLETTER_UNSUBSCRIBED:
                var unsubscribed = await _translator.CustomerOfNewsletterAsync(inboxEvent);
                await _consentSnapshot.RecordAsync(unsubscribed, inboxEvent.StoreId, false, CustomerConsentSnapshot.UNSUBSCRIBED);
                await EndMarketingRunsAsync(unsubscribed, "unsubscribed", settings, cancellationToken);
                return;
        }

        var flowEvent = await _translator.TranslateAsync(inboxEvent);
        if (flowEvent?.Type == FlowEventType.NewsletterSubscribed)
            await _consentSnapshot.RecordAsync(flowEvent.CustomerId, inboxEvent.StoreId, true, CustomerConsentSnapshot.SUBSCRIBED);
        //a newsletter address without a customer account has nobody to run a flow for
        if (flowEvent == null || flowEvent.CustomerId <= 0)
            return;

        //credited before the runs see the order, so a message this order itself triggers is never credited with it
        if (inboxEvent.EventType == FlowInboxEventTypes.ORDER_PLACED)
        {
            var order = Read<OrderPayload>(inboxEvent);
            await _orderAttributor.AttributeAsync(order.OrderId, flowEvent.CustomerId, flowEvent.OccurredOnUtc, order.OrderTotal,
                FlowOrderAttributor.WindowOf(settings));
        }

        //the engine's loop: the customer's open runs see the event first (an order may convert them, a click end a
        //wait), then the live flows it triggers start; the inbox row's id keeps a retried event from starting a run twice
        var catalog = await _pump.GetCatalogAsync();
        var processed = await _pump.Processor.ProcessEventAsync(catalog, flowEvent, _pump.EnvironmentOf(settings),
            inboxEvent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        //the step is saved and its effects recorded; the due-runs job performs them later
        foreach (var (step, error) in processed.SinkFailures)
            await _logger.WarningAsync($"Custom Flows: the actions of run {step.Result.Run.RunId} were recorded but not performed yet: {error.Message}", error);

        await CountEngagementAsync(flowEvent);
    }

    /// <summary>
    /// Counts the first open / appearance or click of a message for the step that sent it (the tracking writes only
    /// the first of each to the inbox), also when the run has ended since
    /// </summary>
    private async Task CountEngagementAsync(FlowEvent flowEvent)
    {
        var clicked = flowEvent.Type is FlowEventType.EmailClicked or FlowEventType.PopupClicked;
        var opened = flowEvent.Type is FlowEventType.EmailOpened or FlowEventType.PopupShown;
        if ((!clicked && !opened) || flowEvent.RunId is not { } runId || runId > int.MaxValue)
            return;

        var run = await _runRepository.GetByIdAsync((int)runId);
        if (run != null)
            await _pump.RecordEngagementAsync(run.FlowId, run.FlowVersionId, flowEvent.NodeId, flowEvent.OccurredOnUtc, clicked);
    }

    /// <summary>
    /// Unsubscribing ends every run of the customer in a flow that sends marketing e-mails
    /// </summary>
    private async Task EndMarketingRunsAsync(int customerId, string reason, CustomFlowsSettings settings, CancellationToken cancellationToken)
    {
        if (customerId <= 0)
            return;

        var now = _timeProvider.GetUtcNow().UtcDateTime;
        foreach (var run in await _pump.Runs.GetOpenRunsAsync(customerId, cancellationToken))
        {
            var flow = await _flowCatalog.GetVersionAsync(run.FlowId, run.FlowVersion);
            var sendsMarketing = flow == null || flow.Definition.Nodes
                .OfType<Engine.Definition.Nodes.ActionNode>()
                .Any(node => node.Action is Engine.Definition.Actions.SendEmailAction { Category: Engine.Definition.Actions.EmailCategory.Marketing });
            if (!sendsMarketing)
                continue;

            await _pump.Runs.UpdateAsync(FlowRunStore.Ended(run, reason, now), cancellationToken);
        }
    }

    /// <summary>
    /// A guest who logs in keeps what flows did for them as a guest: runs and pop-ups move to the account
    /// </summary>
    private async Task MoveGuestHistoryAsync(int customerId, int guestCustomerId)
    {
        if (customerId <= 0 || guestCustomerId <= 0 || customerId == guestCustomerId)
            return;

        var guestRuns = await _runRepository.GetAllAsync(query => query.Where(run => run.CustomerId == guestCustomerId));
        var accountOpen = (await _runRepository.GetAllAsync(query => query
                .Where(run => run.CustomerId == customerId && (run.StatusId == (int)FlowRunStatus.Running || run.StatusId == (int)FlowRunStatus.Waiting))))
            .Select(run => run.FlowId).ToHashSet();

        foreach (var run in guestRuns)
        {
            var open = run.StatusId is (int)FlowRunStatus.Running or (int)FlowRunStatus.Waiting;
            //the account already being in the same flow wins: the guest's copy ends instead of running twice
            if (open && accountOpen.Contains(run.FlowId))
            {
                run.StatusId = (int)FlowRunStatus.Exited;
                run.ExitReason = "merged into the customer's account";
                run.EndedOnUtc = _timeProvider.GetUtcNow().UtcDateTime;
                run.DueOnUtc = null;
                run.ActiveKey = FlowRunActiveKey.ForEnded(run.Id);
            }
            else if (open)
                run.ActiveKey = FlowRunActiveKey.ForActive(run.FlowId, customerId, run.EntryKey);

            run.CustomerId = customerId;
            if (!string.IsNullOrEmpty(run.StateJson))
            {
                var state = FlowRunStore.ToState(run);
                state.CustomerId = customerId;
                run.StateJson = JsonSerializer.Serialize(state, FlowRunStore.StateJsonOptions);
            }

            await _runRepository.UpdateAsync(run, publishEvent: false);
        }

        var popups = await _popupRepository.GetAllAsync(query => query.Where(popup => popup.CustomerId == guestCustomerId));
        foreach (var popup in popups)
        {
            popup.CustomerId = customerId;
            await _popupRepository.UpdateAsync(popup, publishEvent: false);
        }

        //what was sent to the guest: opens and clicks of those e-mails then find the account's runs
        var logs = await _actionLogRepository.GetAllAsync(query => query.Where(log => log.CustomerId == guestCustomerId));
        foreach (var log in logs)
            log.CustomerId = customerId;
        if (logs.Count > 0)
            await _actionLogRepository.UpdateAsync(logs, publishEvent: false);
        //the guest's orders stay credited to the flows that messaged the guest
        await _orderAttributor.MoveCustomerAsync(guestCustomerId, customerId);

        await MergeGuestStateAsync(customerId, guestCustomerId);
    }

    /// <summary>
    /// Folds the guest's tags, score, stage and sent messages into the account's state row (the messages count
    /// against the account's frequency caps) and removes the guest's row
    /// </summary>
    private async Task MergeGuestStateAsync(int customerId, int guestCustomerId)
    {
        using var turn = await _stateGate.EnterAsync(customerId, guestCustomerId);

        var guest = (await _stateRepository.GetAllAsync(query => query.Where(state => state.CustomerId == guestCustomerId))).FirstOrDefault();
        if (guest == null)
            return;

        var account = (await _stateRepository.GetAllAsync(query => query.Where(state => state.CustomerId == customerId))).FirstOrDefault();
        if (account == null)
        {
            //the guest's row becomes the account's
            guest.CustomerId = customerId;
            guest.UpdatedOnUtc = _timeProvider.GetUtcNow().UtcDateTime;
            await _stateRepository.UpdateAsync(guest, publishEvent: false);
            return;
        }

        var tags = CustomerDataChannel.ReadTags(account.TagsJson);
        foreach (var tag in CustomerDataChannel.ReadTags(guest.TagsJson).Where(tag => !tags.Contains(tag, StringComparer.OrdinalIgnoreCase)))
            tags.Add(tag);
        account.TagsJson = JsonSerializer.Serialize(tags);
        account.Score = checked(account.Score + guest.Score);
        account.FunnelStage = string.IsNullOrEmpty(account.FunnelStage) ? guest.FunnelStage : account.FunnelStage;

        var messages = FlowEffectDispatcher.ReadMessages(account.MessagesSentJson);
        messages.AddRange(FlowEffectDispatcher.ReadMessages(guest.MessagesSentJson));
        account.MessagesSentJson = FlowEffectDispatcher.WriteMessages(messages.OrderBy(message => message.SentOnUtc));

        var applied = CustomerDataChannel.ReadAppliedChanges(account.AppliedChangesJson);
        applied.AddRange(CustomerDataChannel.ReadAppliedChanges(guest.AppliedChangesJson).Where(key => !applied.Contains(key)));
        account.AppliedChangesJson = JsonSerializer.Serialize(applied.TakeLast(CustomerDataChannel.RememberedChanges));

        account.UpdatedOnUtc = _timeProvider.GetUtcNow().UtcDateTime;
        await _stateRepository.UpdateAsync(account, publishEvent: false);
        await _stateRepository.DeleteAsync(guest, publishEvent: false);
    }

    private static T Read<T>(FlowInboxEvent inboxEvent) =>
        JsonSerializer.Deserialize<T>(inboxEvent.PayloadJson ?? "null", PayloadOptions)
        ?? throw new InvalidOperationException($"Inbox event {inboxEvent.Id} ({inboxEvent.EventType}) has no payload.");

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    #endregion
}
