using Nop.Plugin.Misc.CustomFlows.Services.Attribution;
using Nop.Plugin.Misc.CustomFlows.Events;
using Nop.Core;
using Nop.Plugin.Misc.CustomFlows.Services.Customers;
using Moq;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Messages;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Services.Actions;
using Nop.Plugin.Misc.CustomFlows.Services.Catalog;
using Nop.Plugin.Misc.CustomFlows.Services.Facts;
using Nop.Plugin.Misc.CustomFlows.Services.Inbox;
using Nop.Plugin.Misc.CustomFlows.Services.Runs;
using Nop.Plugin.Misc.CustomFlows.Tests.Support;
using Nop.Services.Catalog;
using Nop.Services.Configuration;
using Nop.Services.Customers;
using Nop.Services.Directory;
using Nop.Services.Helpers;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Services.Orders;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Runs;

/// <summary>
/// The shop side of the run pump over in-memory tables and mocked nopCommerce services: one
/// published flow, one customer, and the orders and cart lines the test gives them
/// </summary>
internal sealed class PumpHarness
{
    public PumpHarness(string flowJson, Customer customer, TimeProvider clock, IFlowEffectDispatcher dispatcher,
        Func<IList<NewsLetterSubscription>> subscriptions, CustomFlowsSettings settings, IFlowActionExecutor executor = null,
        InMemoryRepository<FlowActionLog> actionLogs = null)
    {
        //the action log the executor writes, which order attribution reads
        ActionLogs = actionLogs ?? new InMemoryRepository<FlowActionLog>();
        Customer = customer;
        Settings = settings;

        var flows = new InMemoryRepository<Flow>();
        var versions = new InMemoryRepository<FlowVersion>();
        var flow = new Flow { Name = "Flow under test", StatusId = (int)FlowStatus.Active };
        flows.InsertAsync(flow).GetAwaiter().GetResult();
        var version = new FlowVersion { FlowId = flow.Id, VersionNumber = 1, DefinitionJson = flowJson };
        versions.InsertAsync(version).GetAwaiter().GetResult();
        flow.PublishedVersionId = version.Id;
        flows.UpdateAsync(flow).GetAwaiter().GetResult();

        var customers = new Mock<ICustomerService>();
        customers.Setup(c => c.GetCustomerByIdAsync(customer.Id)).ReturnsAsync(customer);
        customers.Setup(c => c.GetCustomerByEmailAsync(customer.Email)).ReturnsAsync(customer);
        customers.Setup(c => c.IsRegisteredAsync(customer, true)).ReturnsAsync(true);
        customers.Setup(c => c.GetCustomerRolesAsync(customer, false)).ReturnsAsync(new List<CustomerRole>());
        var orderService = new Mock<IOrderService>();
        orderService.Setup(o => o.SearchOrdersAsync(It.IsAny<int>(), 0, customer.Id, 0, 0, 0, 0, null, null, null, null, null, null, null, null, "", null, 0, It.IsAny<int>(), false))
            .ReturnsAsync(() => new InMemoryPagedList<Order>(Orders.ToList(), 0, int.MaxValue, Orders.Count));
        orderService.Setup(o => o.GetOrderItemsAsync(It.IsAny<int>(), null, null, 0))
            .ReturnsAsync<int, bool?, bool?, int, IOrderService, IList<OrderItem>>((orderId, _, _, _) => new List<OrderItem> { new() { OrderId = orderId, ProductId = 100, Quantity = 1 } });
        var categories = new Mock<ICategoryService>();
        categories.Setup(c => c.GetProductCategoryIdsAsync(It.IsAny<int[]>())).ReturnsAsync(new Dictionary<int, int[]>());
        var cart = new Mock<IShoppingCartService>();
        cart.Setup(c => c.GetShoppingCartAsync(customer, ShoppingCartType.ShoppingCart, It.IsAny<int>(), null, null, null, null))
            .ReturnsAsync(() => (IList<ShoppingCartItem>)Cart.ToList());
        var products = new Mock<IProductService>();
        products.Setup(p => p.GetProductsByIdsAsync(It.IsAny<int[]>()))
            .ReturnsAsync((int[] ids) => (IList<Nop.Core.Domain.Catalog.Product>)Products.Where(p => ids.Contains(p.Id)).ToList());
        var newsletter = new Mock<INewsLetterSubscriptionService>();
        newsletter.Setup(n => n.GetNewsLetterSubscriptionsByEmailAsync(customer.Email, It.IsAny<int>(), 0, true))
            .ReturnsAsync(() => subscriptions().Where(s => s.Active).ToList());
        var dateTime = new Mock<IDateTimeHelper>();
        dateTime.Setup(d => d.DefaultStoreTimeZone).Returns(TimeZoneInfo.Utc);
        dateTime.Setup(d => d.GetCustomerTimeZoneAsync(customer)).ReturnsAsync(TimeZoneInfo.Utc);
        var settingService = new Mock<ISettingService>();
        settingService.Setup(s => s.LoadSettingAsync<CustomFlowsSettings>(0)).ReturnsAsync(() => Settings);

        var categoryResolver = new ProductCategoryResolver(categories.Object);
        var facts = new NopCustomerFactsSource(categoryResolver, new Mock<ICountryService>().Object, customers.Object, dateTime.Object,
            new Mock<ILanguageService>().Object, newsletter.Object, orderService.Object, products.Object, cart.Object,
            new InMemoryRepository<CustomerFlowState>());
        var catalog = new FlowCatalog(flows, versions, new InMemoryStaticCache());
        Catalog = catalog;
        //the run store records each step's effects in the action log (the outbox) that the dispatcher's executor performs
        Executor = executor ?? new FlowActionExecutor(settings, [new RecordOnlyChannel()], ActionLogs, Mock.Of<Nop.Services.Logging.ILogger>(), clock);
        var pump = new FlowRunPump(catalog, dispatcher, facts, dateTime.Object, new FlowRunStore(Executor, catalog, Runs), settingService.Object, Stats, Gate, clock);

        InboxWriter = new FlowInboxWriter(Inbox, clock);
        InboxProcessor = new FlowInboxProcessor(ActionLogs, categoryResolver, customers.Object, facts, catalog, Inbox, orderService.Object,
            Popups, pump, Runs, StateGate, States, new CustomerConsentSnapshot(new CustomerStateRows(StateGate, States, clock), clock),
            new FlowOrderAttributor(ActionLogs, Attributions, catalog, Runs, versions), Logger.Object, clock);
        DueProcessor = new DueFlowRunProcessor(pump, Logger.Object);
        //the plugin's own event handler writes the inbox row, as nopCommerce's event publisher would call it
        Consumer = new EventConsumer(settings, InboxWriter, Mock.Of<IStoreContext>(), Mock.Of<IWorkContext>());
        Clock = clock;
    }

    public Customer Customer { get; }

    /// <summary>
    /// The executor whose action log is the run store's outbox
    /// </summary>
    public IFlowActionExecutor Executor { get; }

    /// <summary>
    /// The shop's log
    /// </summary>
    public Mock<Nop.Services.Logging.ILogger> Logger { get; } = new();

    public CustomFlowsSettings Settings { get; }

    public TimeProvider Clock { get; }

    public List<Order> Orders { get; } = new();

    /// <summary>
    /// The customer's cart lines and the catalogue's products (their prices)
    /// </summary>
    public List<ShoppingCartItem> Cart { get; } = new();

    public List<Nop.Core.Domain.Catalog.Product> Products { get; } = new();

    public InMemoryRepository<FlowInboxEvent> Inbox { get; } = new();

    public InMemoryRepository<FlowRun> Runs { get; } = new();

    public InMemoryRepository<FlowNodeDailyStat> Stats { get; } = new();

    public InMemoryRepository<FlowAttribution> Attributions { get; } = new();

    public InMemoryRepository<FlowActionLog> ActionLogs { get; }

    public InMemoryRepository<PendingPopup> Popups { get; } = new();

    public InMemoryRepository<CustomerFlowState> States { get; } = new();

    public CustomerStateGate StateGate { get; } = new();

    /// <summary>
    /// The shop's flow catalog, for a second store standing in for another job or node
    /// </summary>
    public FlowCatalog Catalog { get; private set; }

    /// <summary>
    /// The application-wide gate of the two processing jobs (a singleton in the shop)
    /// </summary>
    public FlowRunGate Gate { get; } = new();

    public FlowInboxWriter InboxWriter { get; }

    public FlowInboxProcessor InboxProcessor { get; }

    public DueFlowRunProcessor DueProcessor { get; }

    /// <summary>
    /// The plugin's nopCommerce event consumer
    /// </summary>
    public EventConsumer Consumer { get; }

    /// <summary>
    /// The customer places an order; the shop writes the inbox row and the inbox job handles it
    /// </summary>
    public async Task PlaceOrderAsync(int orderId, decimal total, int storeId = 1)
    {
        var order = new Order
        {
            Id = orderId, CustomerId = Customer.Id, StoreId = storeId, OrderTotal = total, CustomerCurrencyCode = "PLN",
            CreatedOnUtc = Clock.GetUtcNow().UtcDateTime, OrderStatusId = 10
        };
        Orders.Add(order);
        await Consumer.HandleEventAsync(new OrderPlacedEvent(order));
        await InboxProcessor.ProcessInboxBatchAsync(CancellationToken.None);
    }

    /// <summary>
    /// A channel for every action that only lets the executor record it: the tests with a recording dispatcher never perform
    /// </summary>
    private sealed class RecordOnlyChannel : IFlowActionChannel
    {
        public FlowChannel GetLogChannel(Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions.FlowAction action) => FlowChannels.Of(action);

        public Task<FlowActionResult> PerformAsync(FlowActionRequest request) => Task.FromResult(FlowActionResult.Succeeded("recorded"));

        public Task<FlowActionResult> FindPerformedAsync(FlowActionRequest request, DateTime startedOnUtc) => Task.FromResult<FlowActionResult>(null);
    }
}
