using Nop.Plugin.Misc.CustomFlows.Services.Attribution;
using System.Globalization;
using System.Text.Json;
using Moq;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Messages;
using Nop.Core.Domain.Orders;
using Nop.Core.Events;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;
using Nop.Plugin.Misc.CustomFlows.Engine.Facts;
using Nop.Plugin.Misc.CustomFlows.Engine.Processing;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using Nop.Plugin.Misc.CustomFlows.Engine.Serialization;
using Nop.Plugin.Misc.CustomFlows.Engine.Templates;
using Nop.Plugin.Misc.CustomFlows.Events;
using Nop.Plugin.Misc.CustomFlows.Services.Actions;
using Nop.Plugin.Misc.CustomFlows.Services.Channels.CustomerData;
using Nop.Plugin.Misc.CustomFlows.Services.Channels.Links;
using Nop.Plugin.Misc.CustomFlows.Services.Customers;
using Nop.Plugin.Misc.CustomFlows.Services.Dates;
using Nop.Plugin.Misc.CustomFlows.Services.Facts;
using Nop.Plugin.Misc.CustomFlows.Services.Inbox;
using Nop.Plugin.Misc.CustomFlows.Services.Installation;
using Nop.Plugin.Misc.CustomFlows.Services.Runs;
using Nop.Plugin.Misc.CustomFlows.Services.Tracking;
using Nop.Plugin.Misc.CustomFlows.Simulation;
using Nop.Plugin.Misc.CustomFlows.Tests.Channels;
using Nop.Plugin.Misc.CustomFlows.Tests.Support;
using Nop.Web.Framework.Events;
using Nop.Web.Framework.Models;
using Nop.Web.Models.Catalog;
using FlowCatalog = Nop.Plugin.Misc.CustomFlows.Services.Runs.FlowCatalog;
using NopLogger = Nop.Services.Logging.ILogger;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Replay;

/// <summary>
/// The shop host for the replay: the plugin's event consumer, inbox, due-runs and date jobs, run store, facts source,
/// effect dispatcher, statistics and tracking over in-memory tables, on the nopCommerce of
/// <see cref="ReplayNopCommerce"/>. The real channels of <see cref="TestShop"/> perform the effects (e-mail queue with
/// templates, tokens and consent; pop-ups; staff alerts; coupons; tags, score and stage), except webhooks, which are
/// only recorded.
/// </summary>
internal sealed class ReplayShop
{
    public const int StoreId = ReplayNopCommerce.StoreId;

    private readonly NopCustomerFactsSource _facts;
    private readonly FlowRunPump _pump;
    private readonly FlowInboxProcessor _inboxProcessor;
    private readonly DueFlowRunProcessor _dueProcessor;
    private readonly FlowEngagementService _engagement;
    private readonly DateTriggeredFlowStarter _dateStarter;
    private readonly EventConsumer _consumer;

    public ReplayShop(TimeZoneInfo storeTimeZone)
    {
        StoreTimeZone = storeTimeZone;
        Nop = new ReplayNopCommerce(storeTimeZone);
        var shop = Nop.Shop;
        _facts = new NopCustomerFactsSource(Nop.Categories, Nop.CountryService.Object, Nop.CustomerService.Object, Nop.DateTimeHelper.Object,
            Nop.LanguageService.Object, Nop.NewsletterService.Object, Nop.OrderService.Object, Nop.ProductService.Object, Nop.CartService.Object,
            shop.CustomerStates);
        var catalog = new FlowCatalog(Flows, Versions, new InMemoryStaticCache());
        var executor = shop.CreateExecutor(shop.EmailChannel, shop.PopupChannel, shop.StaffAlertChannel, shop.CustomerDataChannel, shop.CouponChannel,
            new RecordedWebhooks());
        _pump = new FlowRunPump(catalog, new FlowEffectDispatcher(executor, shop.StateRows, Clock), _facts, Nop.DateTimeHelper.Object,
            new FlowRunStore(executor, catalog, Runs), Nop.SettingService.Object, Stats, new FlowRunGate(), Clock);
        var inboxWriter = new FlowInboxWriter(Inbox, Clock);
        _inboxProcessor = new FlowInboxProcessor(shop.ActionLogs, Nop.Categories, Nop.CustomerService.Object, _facts, catalog, Inbox,
            Nop.OrderService.Object, shop.Popups, _pump, Runs, shop.StateGate, shop.CustomerStates, new CustomerConsentSnapshot(shop.StateRows, Clock),
            new FlowOrderAttributor(shop.ActionLogs, Attributions, catalog, Runs, Versions), Logger.Object, Clock);
        _dueProcessor = new DueFlowRunProcessor(_pump, Logger.Object);
        _consumer = new EventConsumer(Settings, inboxWriter, Nop.StoreContext.Object, Nop.WorkContext.Object);
        _engagement = new FlowEngagementService(shop.ActionLogs, inboxWriter, Nop.NewsletterService.Object, shop.Popups, Nop.SettingService.Object, Clock);
        _dateStarter = new DateTriggeredFlowStarter(shop.CustomerDates, catalog, Inbox, inboxWriter, Nop.SettingService.Object);
    }

    public ReplayNopCommerce Nop { get; }

    public TimeZoneInfo StoreTimeZone { get; }

    public CustomFlowsSettings Settings => Nop.Shop.Settings;

    public TestClock Clock => Nop.Shop.Clock;

    public Mock<NopLogger> Logger { get; } = new();

    public InMemoryRepository<Flow> Flows { get; } = new();

    public InMemoryRepository<FlowVersion> Versions { get; } = new();

    public InMemoryRepository<FlowRun> Runs { get; } = new();

    public InMemoryRepository<FlowInboxEvent> Inbox { get; } = new();

    public InMemoryRepository<FlowNodeDailyStat> Stats { get; } = new();

    public InMemoryRepository<FlowAttribution> Attributions { get; } = new();

    public InMemoryRepository<FlowActionLog> ActionLogs => Nop.Shop.ActionLogs;

    public InMemoryRepository<CustomerFlowState> CustomerStates => Nop.Shop.CustomerStates;

    /// <summary>The engine's loop over the shop's ports, for the tap.</summary>
    public FlowProcessor Processor => _pump.Processor;

    /// <summary>
    /// Publishes a template as an admin would: a flow row, its first version with the template's definition, and the
    /// message templates it sends. Returns the flow's id, which is the flow id the engine sees.
    /// </summary>
    public async Task<string> PublishAsync(FlowTemplate template)
    {
        var flow = new Flow { Name = template.Title.En, StatusId = (int)FlowStatus.Active };
        await Flows.InsertAsync(flow);
        var version = new FlowVersion { FlowId = flow.Id, VersionNumber = 1, DefinitionJson = FlowJson.Serialize(template.CreateDefinition()) };
        await Versions.InsertAsync(version);
        flow.PublishedVersionId = version.Id;
        await Flows.UpdateAsync(flow);

        foreach (var message in template.Messages)
        {
            Nop.Shop.Templates.Add(new MessageTemplate
            {
                Id = Nop.Shop.Templates.Count + 1, Name = message.Reference, Subject = message.En.Title,
                Body = TemplateMessageInstaller.BodyOf(message.Kind, message.En), IsActive = true, EmailAccountId = 1
            });
        }

        return flow.Id.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Writes an event of the history as the shop would: nopCommerce's change, then what nopCommerce publishes to the
    /// plugin's event consumer (or what the storefront's tracking records), then the inbox job.
    /// </summary>
    /// <param name="simulationEvent">The event.</param>
    /// <param name="messageKey">For a reaction to a message: the idempotency key of the message's action.</param>
    public async Task HandleAsync(SimulationEvent simulationEvent, string messageKey)
    {
        var flowEvent = simulationEvent.Event ?? throw new NotSupportedException($"The replay has no shop equivalent of \"{simulationEvent.FactChange}\".");
        var customerId = simulationEvent.CustomerId;
        var customer = Nop.Customer(customerId);
        switch (flowEvent.Type)
        {
            case FlowEventType.ProductViewed:
                //the product page's model is prepared for the shopper
                Nop.Shopper = customer;
                await _consumer.HandleEventAsync(new ModelPreparedEvent<BaseNopModel>(new ProductDetailsModel { Id = simulationEvent.Items.Single().ProductId }));
                break;
            case FlowEventType.CartUpdated:
                var line = Nop.ChangeCart(customerId, simulationEvent.Items.Select(item => item.ProductId).ToList(), Now);
                await _consumer.HandleEventAsync(new EntityInsertedEvent<ShoppingCartItem>(line));
                break;
            case FlowEventType.OrderPlaced:
                var order = await Nop.AddOrderAsync(customerId, Now, flowEvent.Value, simulationEvent.Items.Select(item => item.ProductId));
                Nop.EmptyCart(customerId);
                await _consumer.HandleEventAsync(new OrderPlacedEvent(order));
                break;
            case FlowEventType.OrderPaid:
                await _consumer.HandleEventAsync(new OrderPaidEvent(Nop.Pay(customerId, flowEvent.Value)));
                break;
            case FlowEventType.CustomerRegistered:
                Nop.Register(customerId);
                await _consumer.HandleEventAsync(new CustomerRegisteredEvent(customer));
                break;
            case FlowEventType.NewsletterSubscribed:
                await _consumer.HandleEventAsync(new EmailSubscribedEvent(Nop.Subscribe(customer, Now)));
                break;
            case FlowEventType.TagAdded:
                await AddTagAsync(customerId, flowEvent.Tag);
                await HandOverAsync(new FlowEvent { Type = FlowEventType.TagAdded, CustomerId = customerId, StoreId = StoreId, OccurredOnUtc = Now, Tag = flowEvent.Tag });
                return;
            case FlowEventType.Custom:
                await HandOverAsync(new FlowEvent { Type = FlowEventType.Custom, CustomerId = customerId, StoreId = StoreId, OccurredOnUtc = Now, EventName = flowEvent.EventName });
                return;
            case FlowEventType.EmailOpened:
                await _engagement.RecordOpenAsync(Token(FlowLinkToken.Open, messageKey));
                break;
            case FlowEventType.EmailClicked:
                await _engagement.RecordClickAsync(Token(FlowLinkToken.Click, messageKey, "https://shop.example/cart"));
                break;
            case FlowEventType.PopupShown or FlowEventType.PopupClicked or FlowEventType.PopupDismissed:
                var popupId = FlowActionResult.FromLog(ActionLogs.Table.Single(log => log.IdempotencyKey == messageKey)).PopupId!.Value;
                var answer = flowEvent.Type switch { FlowEventType.PopupShown => "shown", FlowEventType.PopupClicked => "clicked", _ => "dismissed" };
                //the storefront's pop-up script answers with the token the page was given for this pop-up
                await _engagement.RecordPopupAnswerAsync(popupId, customerId, answer, await Nop.Shop.UrlBuilder.CreatePopupAnswerTokenAsync(popupId, customerId));
                break;
            default:
                throw new NotSupportedException($"The replay writes no {flowEvent.Type} events.");
        }

        await DrainInboxAsync();
    }

    /// <summary>
    /// The daily date job (date rows for the store's local date), then the inbox job.
    /// </summary>
    public async Task RunDateJobAsync()
    {
        await _dateStarter.StartFlowsForDateAsync(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(Now, StoreTimeZone)), CancellationToken.None);
        await DrainInboxAsync();
    }

    /// <summary>
    /// The due-runs job, as often as it finds runs due now.
    /// </summary>
    public async Task AdvanceDueRunsAsync()
    {
        while (NextDueOnUtc() <= Now)
        {
            if (await _dueProcessor.AdvanceDueRunsAsync(CancellationToken.None) == 0)
                throw new InvalidOperationException($"Runs are due at {Now:O} but the due-runs job stepped none.");
        }
    }

    /// <summary>The earliest due time of an open run, as the due-runs job's query sees it.</summary>
    public DateTime? NextDueOnUtc() => Runs.Table
        .Where(run => (run.StatusId == (int)FlowRunStatus.Waiting || run.StatusId == (int)FlowRunStatus.Running) && run.DueOnUtc != null)
        .Min(run => run.DueOnUtc);

    /// <summary>The customer's facts as the shop's loop sees them.</summary>
    public Task<CustomerSnapshot> FactsAsync(int customerId) => _facts.GetFactsAsync(customerId, StoreId);

    /// <summary>Moves the clock on (never back).</summary>
    public void MoveClockTo(DateTime utc)
    {
        if (utc > Clock.UtcNow)
            Clock.UtcNow = utc;
    }

    private DateTime Now => Clock.UtcNow;

    private async Task DrainInboxAsync()
    {
        while (await _inboxProcessor.ProcessInboxBatchAsync(CancellationToken.None) > 0)
        {
        }

        var failed = Inbox.Table.FirstOrDefault(row => row.LastError != null);
        if (failed != null)
            throw new InvalidOperationException($"The inbox job failed on {failed.EventType} of customer {failed.CustomerId}: {failed.LastError}");
    }

    /// <summary>
    /// A tag given from outside the flows: kept where the shop keeps tags.
    /// </summary>
    private Task AddTagAsync(int customerId, string tag) =>
        Nop.Shop.StateRows.ChangeAsync(customerId, state =>
        {
            var tags = CustomerDataChannel.ReadTags(state.TagsJson);
            if (!tags.Contains(tag, StringComparer.OrdinalIgnoreCase))
                tags.Add(tag);
            state.TagsJson = JsonSerializer.Serialize(tags);
            return true;
        });

    /// <summary>
    /// An event the shop has no inbox row for: tag_added (nopCommerce keeps no customer tags, and the plugin's own tag
    /// action raises no event) and custom events (nothing in the plugin writes them). Flows can be built on both, and
    /// templates are (onboarding-basic and the lead nurturing start on a tag, the advanced survey waits for
    /// "nps_answered"), but in a shop they never start or never get the event: reported as a finding. The replay
    /// hands such an event to the shop's loop as the inbox job does with a translated row, so everything after it is
    /// still compared.
    /// </summary>
    private async Task HandOverAsync(FlowEvent flowEvent)
    {
        var settings = await _pump.GetSettingsAsync();
        await _pump.Processor.ProcessEventAsync(await _pump.GetCatalogAsync(), flowEvent, _pump.EnvironmentOf(settings));
    }

    /// <summary>The token of a link in the message, as the e-mail channel wrote it (valid for weeks).</summary>
    private string Token(string kind, params string[] parts) =>
        FlowLinkToken.Create(Settings.LinkSigningKey, kind, Now.AddDays(30), parts.Prepend(StoreId.ToString(CultureInfo.InvariantCulture)).ToArray());

    /// <summary>
    /// Webhooks are recorded, not sent: nothing in the replay listens, and the flows do not look at the answer.
    /// </summary>
    private sealed class RecordedWebhooks : IFlowActionChannel
    {
        public FlowChannel GetLogChannel(FlowAction action) => action is WebhookAction ? FlowChannel.Webhook : FlowChannel.None;

        public Task<FlowActionResult> PerformAsync(FlowActionRequest request) => Task.FromResult(FlowActionResult.Succeeded("recorded"));

        public Task<FlowActionResult> FindPerformedAsync(FlowActionRequest request, DateTime startedOnUtc) => Task.FromResult<FlowActionResult>(null);
    }
}
