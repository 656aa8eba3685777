using System.Globalization;
using Nop.Data;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Nodes;
using Nop.Plugin.Misc.CustomFlows.Engine.Facts;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using Nop.Plugin.Misc.CustomFlows.Engine.Serialization;
using Nop.Plugin.Misc.CustomFlows.Engine.Time;
using Nop.Plugin.Misc.CustomFlows.Engine.Validation;
using Nop.Plugin.Misc.CustomFlows.Services.Attribution;
using Nop.Plugin.Misc.CustomFlows.Services.Catalog;
using Nop.Plugin.Misc.CustomFlows.Services.Dates;
using Nop.Plugin.Misc.CustomFlows.Services.Facts;
using Nop.Plugin.Misc.CustomFlows.Services.Inbox;
using Nop.Plugin.Misc.CustomFlows.Services.Runs;
using Nop.Plugin.Misc.CustomFlows.Simulation;
using Nop.Services.Configuration;
using Nop.Services.Customers;
using Nop.Services.Helpers;
using Nop.Services.Orders;

namespace Nop.Plugin.Misc.CustomFlows.Services.Backtests;

/// <summary>
/// Runs a flow's draft or version over the last days of the shop's own history through the simulator, which hosts the
/// engine's processing loop the shop's jobs run: orders from the shop's orders, product views, cart changes,
/// registrations and newsletter sign-ups from the plugin's inbox, birthdays and other dates from the customers, the
/// shop's guardrails and time zone. Nothing is written and nothing is sent.
/// </summary>
public class FlowBacktestService
{
    #region Fields

    /// <summary>The longest window (the inbox keeps 90 days by default)</summary>
    public const int MaxDays = 90;

    private const int InboxPage = 1000;
    private const int OrderPage = 500;
    private const int HeldBackListed = 50;

    //what a message would have caused cannot be known for a message that was never sent
    private static readonly HashSet<string> NotReplayed = new(StringComparer.Ordinal)
    {
        FlowInboxEventTypes.EMAIL_OPENED, FlowInboxEventTypes.EMAIL_CLICKED, FlowInboxEventTypes.POPUP_SHOWN,
        FlowInboxEventTypes.POPUP_CLICKED, FlowInboxEventTypes.POPUP_DISMISSED, FlowInboxEventTypes.CUSTOMER_LOGGED_IN,
        FlowInboxEventTypes.DATE, FlowInboxEventTypes.ORDER_PLACED, FlowInboxEventTypes.ORDER_PAID
    };

    private readonly ProductCategoryResolver _categoryResolver;
    private readonly ICustomerDateService _customerDateService;
    private readonly ICustomerService _customerService;
    private readonly IDateTimeHelper _dateTimeHelper;
    private readonly NopCustomerFactsSource _factsSource;
    private readonly IRepository<FlowInboxEvent> _inboxRepository;
    private readonly IOrderService _orderService;
    private readonly ISettingService _settingService;
    private readonly TimeProvider _timeProvider;
    private readonly IRepository<FlowVersion> _versionRepository;

    #endregion

    #region Ctor

    public FlowBacktestService(ProductCategoryResolver categoryResolver,
        ICustomerDateService customerDateService,
        ICustomerService customerService,
        IDateTimeHelper dateTimeHelper,
        NopCustomerFactsSource factsSource,
        IRepository<FlowInboxEvent> inboxRepository,
        IOrderService orderService,
        ISettingService settingService,
        TimeProvider timeProvider,
        IRepository<FlowVersion> versionRepository)
    {
        _categoryResolver = categoryResolver;
        _customerDateService = customerDateService;
        _customerService = customerService;
        _dateTimeHelper = dateTimeHelper;
        _factsSource = factsSource;
        _inboxRepository = inboxRepository;
        _orderService = orderService;
        _settingService = settingService;
        _timeProvider = timeProvider;
        _versionRepository = versionRepository;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Reads the flow version to backtest; refused (with the reason for the admin) when it does not exist or has problems
    /// </summary>
    /// <param name="request">What to backtest</param>
    public async Task<CompiledFlow> LoadFlowAsync(FlowBacktestRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Days is < 1 or > MaxDays)
            throw new FlowBacktestException("Plugins.Misc.CustomFlows.Backtest.DaysOutOfRange", $"A backtest covers 1 to {MaxDays} days.");

        var number = request.VersionNumber ?? FlowVersion.DraftVersionNumber;
        var version = (await _versionRepository.GetAllAsync(query => query
            .Where(v => v.FlowId == request.FlowId && v.VersionNumber == number))).FirstOrDefault()
            ?? throw new FlowBacktestException("Plugins.Misc.CustomFlows.Backtest.NoSuchVersion", $"Flow {request.FlowId} has no version {number}.");

        try
        {
            var definition = FlowJson.Deserialize(version.DefinitionJson ?? string.Empty);
            definition.Id = request.FlowId.ToString(CultureInfo.InvariantCulture);
            //a draft carries the number it will be published as
            if (request.VersionNumber is { } published)
                definition.Version = published;
            return CompiledFlow.Compile(definition);
        }
        catch (Exception exception) when (exception is FlowFormatException or FlowValidationException)
        {
            throw new FlowBacktestException("Plugins.Misc.CustomFlows.Backtest.HasProblems", $"The flow has problems and cannot be backtested: {exception.Message}");
        }
    }

    /// <summary>
    /// Runs the backtest
    /// </summary>
    /// <param name="request">What to backtest</param>
    /// <param name="progress">Told how far it is</param>
    /// <param name="cancellationToken">Cancellation</param>
    public async Task<FlowBacktestResult> RunAsync(FlowBacktestRequest request, IProgress<FlowBacktestProgress> progress = null, CancellationToken cancellationToken = default)
    {
        var flow = await LoadFlowAsync(request);
        var settings = await _settingService.LoadSettingAsync<CustomFlowsSettings>() ?? new CustomFlowsSettings();
        var zone = _dateTimeHelper.DefaultStoreTimeZone ?? TimeZoneInfo.Utc;
        var dailyJobAt = new TimeOnly(Math.Clamp(settings.DateTriggerHour, 0, 23), 0);
        var toUtc = _timeProvider.GetUtcNow().UtcDateTime;
        var fromUtc = toUtc.AddDays(-request.Days);
        progress?.Report(new FlowBacktestProgress(0, "reading"));

        var history = new List<SimulationEvent>();
        await ReadOrdersAsync(history, fromUtc, toUtc, cancellationToken);
        progress?.Report(new FlowBacktestProgress(15, "reading"));
        await ReadInboxAsync(history, fromUtc, toUtc, cancellationToken);
        progress?.Report(new FlowBacktestProgress(30, "reading"));
        await ReadDatesAsync(history, flow, fromUtc, toUtc, zone, dailyJobAt, cancellationToken);

        //time order, the shop's own order of what happened at the same moment kept
        var events = history.Select((e, index) => (e, index)).OrderBy(pair => pair.e.OccurredOnUtc).ThenBy(pair => pair.index).Select(pair => pair.e).ToList();
        var customers = await ReadCustomersAsync(events, fromUtc, cancellationToken);
        progress?.Report(new FlowBacktestProgress(40, "simulating"));

        var options = new SimulationOptions
        {
            Guardrails = FlowRunPump.GuardrailsOf(settings),
            StoreTimeZone = zone,
            DailyJobAt = dailyJobAt,
            //the shop's one attribution rule: the reports credit orders by the same window
            AttributionWindow = FlowOrderAttributor.WindowOf(settings),
            //the window ends now: what would come later is "still waiting"
            Horizon = events.Count == 0 ? TimeSpan.Zero : toUtc - events[^1].OccurredOnUtc,
            RecordTimelines = true
        };
        var simulator = new FlowSimulator([flow], options);
        var report = simulator.Run(Counted(events, progress, cancellationToken), customers);

        var result = await ToResultAsync(report, request, fromUtc, toUtc, events.Count, options);
        progress?.Report(new FlowBacktestProgress(100, "done"));
        return result;
    }

    #endregion

    #region Utilities

    private static IEnumerable<SimulationEvent> Counted(IReadOnlyList<SimulationEvent> events, IProgress<FlowBacktestProgress> progress, CancellationToken cancellationToken)
    {
        var step = Math.Max(1, events.Count / 50);
        for (var i = 0; i < events.Count; i++)
        {
            if (i % step == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new FlowBacktestProgress(40 + (int)(59L * i / Math.Max(1, events.Count)), "simulating"));
            }

            yield return events[i];
        }
    }

    private async Task ReadOrdersAsync(List<SimulationEvent> history, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        for (var page = 0; ; page++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var orders = await _orderService.SearchOrdersAsync(createdFromUtc: fromUtc, createdToUtc: toUtc, pageIndex: page, pageSize: OrderPage);
            foreach (var order in orders)
            {
                var items = await _orderService.GetOrderItemsAsync(order.Id);
                var products = await ProductsAsync(items.Select(item => item.ProductId).Distinct().ToArray());
                history.Add(OrderEvent(FlowEventType.OrderPlaced, order.CreatedOnUtc, order, items.Sum(item => item.Quantity), products));
                if (order.PaidDateUtc is { } paid && paid >= fromUtc && paid < toUtc)
                    history.Add(OrderEvent(FlowEventType.OrderPaid, paid, order, items.Sum(item => item.Quantity), products));
            }

            if (orders.Count < OrderPage)
                return;
        }
    }

    private static SimulationEvent OrderEvent(FlowEventType type, DateTime atUtc, Nop.Core.Domain.Orders.Order order, int quantity, IReadOnlyList<ProductRef> products) => new()
    {
        CustomerId = order.CustomerId,
        OccurredOnUtc = atUtc,
        //the order's products matter for the facts (bought in a category) only once, when it is placed
        Items = type == FlowEventType.OrderPlaced ? products : [],
        Event = new FlowEvent
        {
            Type = type,
            CustomerId = order.CustomerId,
            StoreId = order.StoreId,
            OccurredOnUtc = atUtc,
            Value = order.OrderTotal,
            Quantity = quantity,
            ProductIds = products.Select(p => p.ProductId).ToArray(),
            CategoryIds = products.SelectMany(p => p.CategoryIds).Distinct().ToArray(),
            AncestorCategoryIds = products.SelectMany(p => p.AncestorCategoryIds).Distinct().ToArray()
        }
    };

    private async Task<IReadOnlyList<ProductRef>> ProductsAsync(int[] productIds)
    {
        if (productIds.Length == 0)
            return [];

        var resolved = await _categoryResolver.ResolveAsync(productIds);
        return productIds.Select(id => resolved.TryGetValue(id, out var product)
            ? new ProductRef(id, product.Categories, product.Ancestors)
            : ProductRef.Of(id)).ToList();
    }

    private async Task ReadInboxAsync(List<SimulationEvent> history, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var translator = new FlowInboxTranslator(_categoryResolver, _customerService, _orderService);
        var carts = new Dictionary<int, List<ProductRef>>();
        var lastId = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var from = lastId;
            var rows = await _inboxRepository.GetAllAsync(query => query
                .Where(e => e.Id > from && e.CreatedOnUtc >= fromUtc && e.CreatedOnUtc < toUtc)
                .OrderBy(e => e.Id)
                .Take(InboxPage));
            if (rows.Count == 0)
                return;

            foreach (var row in rows)
            {
                lastId = row.Id;
                if (row.EventType == FlowInboxEventTypes.NEWSLETTER_UNSUBSCRIBED)
                {
                    var customerId = await translator.CustomerOfNewsletterAsync(row);
                    if (customerId > 0)
                        history.Add(new SimulationEvent { CustomerId = customerId, OccurredOnUtc = row.CreatedOnUtc, FactChange = SimulationEvent.NewsletterUnsubscribed });
                    continue;
                }

                if (NotReplayed.Contains(row.EventType))
                    continue;

                FlowEvent flowEvent;
                try
                {
                    flowEvent = await translator.TranslateAsync(row);
                }
                catch (Exception exception) when (exception is InvalidOperationException or System.Text.Json.JsonException)
                {
                    //a row the inbox job set aside is left out here too
                    continue;
                }

                if (flowEvent == null || flowEvent.CustomerId <= 0)
                    continue;

                var simulated = new SimulationEvent { CustomerId = flowEvent.CustomerId, OccurredOnUtc = flowEvent.OccurredOnUtc, Event = flowEvent };
                if (flowEvent.Type == FlowEventType.CartUpdated)
                    simulated.Items = CartAfter(carts, flowEvent);
                history.Add(simulated);
            }
        }
    }

    /// <summary>
    /// The cart as the inbox tells it: items added and removed one event at a time (quantities and prices are not kept)
    /// </summary>
    private static IReadOnlyList<ProductRef> CartAfter(Dictionary<int, List<ProductRef>> carts, FlowEvent cartEvent)
    {
        if (!carts.TryGetValue(cartEvent.CustomerId, out var cart))
            carts[cartEvent.CustomerId] = cart = new List<ProductRef>();

        var productId = cartEvent.ProductIds?.FirstOrDefault() ?? 0;
        if (cartEvent.CartChange == CartChange.ItemRemoved)
            cart.RemoveAll(item => item.ProductId == productId);
        else if (productId > 0 && cart.All(item => item.ProductId != productId))
            cart.Add(new ProductRef(productId, cartEvent.CategoryIds ?? [], cartEvent.AncestorCategoryIds ?? []));

        return cart.ToList();
    }

    /// <summary>
    /// The daily date job as the shop runs it, over the window: a date event for every customer whose date makes one of
    /// the flow's date triggers fire that day
    /// </summary>
    private async Task ReadDatesAsync(List<SimulationEvent> history, CompiledFlow flow, DateTime fromUtc, DateTime toUtc,
        TimeZoneInfo zone, TimeOnly dailyJobAt, CancellationToken cancellationToken)
    {
        var triggers = flow.Definition.Nodes.OfType<StartNode>()
            .Select(start => start.Trigger)
            .Where(trigger => trigger is { Event: FlowEventType.Date } && !string.IsNullOrWhiteSpace(trigger.DateField))
            .ToList();
        if (triggers.Count == 0)
            return;

        var firstDay = DateOnly.FromDateTime(LocalTime.ToLocal(fromUtc, zone));
        var lastDay = DateOnly.FromDateTime(LocalTime.ToLocal(toUtc, zone));
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            var jobUtc = LocalTime.ToUtc(day.ToDateTime(dailyJobAt), zone);
            if (jobUtc < fromUtc || jobUtc >= toUtc)
                continue;

            foreach (var trigger in triggers)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var date in await _customerDateService.GetCustomersWithDateAsync(trigger.DateField.Trim(), day.AddDays(-trigger.OffsetDays), trigger.Annual))
                {
                    history.Add(new SimulationEvent
                    {
                        CustomerId = date.CustomerId,
                        OccurredOnUtc = jobUtc,
                        Event = new FlowEvent
                        {
                            Type = FlowEventType.Date,
                            CustomerId = date.CustomerId,
                            StoreId = date.StoreId,
                            OccurredOnUtc = jobUtc,
                            DateField = trigger.DateField.Trim(),
                            DateValue = date.Date,
                            LocalDate = day
                        }
                    });
                }
            }
        }
    }

    /// <summary>
    /// The customers of the events as they were when the window began: today's facts from the shop, without the orders,
    /// registration, newsletter sign-up, cart and messages the window itself brings
    /// </summary>
    private async Task<List<SimulatedCustomer>> ReadCustomersAsync(IReadOnlyList<SimulationEvent> events, DateTime fromUtc, CancellationToken cancellationToken)
    {
        var customers = new List<SimulatedCustomer>();
        foreach (var group in events.GroupBy(e => e.CustomerId))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var storeId = group.Select(e => e.Event?.StoreId ?? 0).FirstOrDefault(id => id > 0);
            var facts = await _factsSource.GetFactsAsync(group.Key, storeId, cancellationToken);
            facts.Orders = facts.Orders.Where(order => order.PlacedOnUtc < fromUtc).ToList();
            facts.Cart = new List<ProductRef>();
            facts.CartValue = 0;
            facts.Messages = new List<Engine.Ports.SentMessage>();
            if (group.Any(e => e.Event?.Type == FlowEventType.CustomerRegistered))
                facts.IsRegistered = false;
            if (group.Any(e => e.Event?.Type == FlowEventType.NewsletterSubscribed))
                facts.NewsletterSubscribed = false;

            customers.Add(new SimulatedCustomer(facts) { StoreId = storeId > 0 ? storeId : 1 });
        }

        return customers;
    }

    private async Task<FlowBacktestResult> ToResultAsync(SimulationReport report, FlowBacktestRequest request, DateTime fromUtc, DateTime toUtc,
        int events, SimulationOptions options)
    {
        var flow = report.Flows.Single();
        var result = new FlowBacktestResult
        {
            FlowId = request.FlowId,
            VersionNumber = request.VersionNumber,
            FromUtc = fromUtc,
            ToUtc = toUtc,
            Events = events,
            Customers = report.Customers,
            Entered = flow.Entered,
            NotEntered = flow.NotEntered,
            Sent = flow.Sent,
            GoalReached = flow.GoalReached,
            Converted = flow.Converted,
            Revenue = flow.Revenue,
            AttributionDays = (int)options.AttributionWindow.TotalDays,
            StillWaiting = flow.StillWaiting,
            Steps = flow.Nodes.Select(node => new FlowBacktestResult.Step
            {
                NodeId = node.NodeId,
                Type = node.Type,
                Entered = node.Entered,
                PassedYes = node.PassedYes,
                PassedNo = node.PassedNo,
                Sent = node.Sent,
                Postponed = node.Postponed,
                Skipped = node.Skipped,
                GoalReached = node.GoalReached,
                Converted = node.Converted,
                Revenue = node.Revenue
            }).ToList()
        };

        //held back by the budget or the frequency cap, not by quiet hours (those only shift the time)
        var heldBack = report.Timelines
            .Select(timeline => (timeline.CustomerId, Entries: timeline.Entries
                .Where(entry => entry.What is "postponed" or "skipped"
                    && (entry.Detail?.Contains("budget", StringComparison.Ordinal) == true || entry.Detail?.Contains("frequencyCap", StringComparison.Ordinal) == true))
                .ToList()))
            .Where(pair => pair.Entries.Count > 0)
            .OrderByDescending(pair => pair.Entries.Count)
            .ThenBy(pair => pair.CustomerId)
            .ToList();
        result.HeldBackCustomers = heldBack.Count;
        var listed = heldBack.Take(HeldBackListed).ToList();
        var emails = listed.Count == 0
            ? new Dictionary<int, string>()
            : (await _customerService.GetCustomersByIdsAsync(listed.Select(pair => pair.CustomerId).ToArray())).ToDictionary(c => c.Id, c => c.Email);
        result.HeldBack = listed.Select(pair => new FlowBacktestResult.HeldBackCustomer
        {
            CustomerId = pair.CustomerId,
            Email = emails.GetValueOrDefault(pair.CustomerId),
            Times = pair.Entries.Count,
            Guardrails = pair.Entries.Select(entry => entry.Detail.Contains("frequencyCap", StringComparison.Ordinal) ? "frequencyCap" : "budget").Distinct().ToList()
        }).ToList();

        return result;
    }

    #endregion
}
