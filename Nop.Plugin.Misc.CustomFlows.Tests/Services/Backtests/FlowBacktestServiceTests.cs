using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Nop.Plugin.Misc.CustomFlows.Areas.Admin.Controllers;
using Nop.Plugin.Misc.CustomFlows.Tests.Plugin;
using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Messages;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Services.Backtests;
using Nop.Plugin.Misc.CustomFlows.Services.Catalog;
using Nop.Plugin.Misc.CustomFlows.Services.Dates;
using Nop.Plugin.Misc.CustomFlows.Services.Facts;
using Nop.Plugin.Misc.CustomFlows.Services.Inbox;
using Nop.Plugin.Misc.CustomFlows.Tests.Channels;
using Nop.Plugin.Misc.CustomFlows.Tests.Support;
using Nop.Services.Catalog;
using Nop.Services.Configuration;
using Nop.Services.Customers;
using Nop.Services.Directory;
using Nop.Services.Helpers;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Services.Orders;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Services.Backtests;

/// <summary>
/// The backtest over a shop's history kept in its orders and the plugin's inbox, with nopCommerce's services mocked
/// </summary>
[TestFixture]
public class FlowBacktestServiceTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);

    //thanks at once, a reminder an hour later: with one marketing e-mail a day the reminder waits for the budget
    private const string Flow = """
        {
          "schemaVersion": 1, "id": "x", "version": 1, "name": "Thanks, then a reminder",
          "goal": { "name": "ordered again", "condition": { "type": "ordersCount", "op": "gte", "value": 1, "sinceEntry": true } },
          "nodes": [
            { "type": "start", "id": "start", "trigger": { "event": "order_placed" }, "next": "thanks" },
            { "type": "action", "id": "thanks", "action": { "type": "sendEmail", "template": "CustomFlows.ThankYou", "category": "marketing" }, "next": "wait" },
            { "type": "wait", "id": "wait", "delay": "1h", "next": "reminder" },
            { "type": "action", "id": "reminder", "action": { "type": "sendEmail", "template": "CustomFlows.Reminder", "category": "marketing" }, "next": "end" },
            { "type": "end", "id": "end" }
          ]
        }
        """;

    private sealed class Orders : IOrderService
    {
        public List<Order> All { get; } = new();

        public Task<IPagedList<Order>> SearchOrdersAsync(int storeId = 0, int vendorId = 0, int customerId = 0, int productId = 0, int affiliateId = 0,
            int warehouseId = 0, int billingCountryId = 0, string paymentMethodSystemName = null, DateTime? createdFromUtc = null, DateTime? createdToUtc = null,
            List<int> osIds = null, List<int> psIds = null, List<int> ssIds = null, string billingPhone = null, string billingEmail = null,
            string billingLastName = "", string orderNotes = null, int pageIndex = 0, int pageSize = int.MaxValue, bool getOnlyTotalCount = false)
        {
            var found = All.Where(o => (customerId == 0 || o.CustomerId == customerId)
                    && (createdFromUtc == null || o.CreatedOnUtc >= createdFromUtc) && (createdToUtc == null || o.CreatedOnUtc <= createdToUtc))
                .OrderBy(o => o.CreatedOnUtc).ToList();
            var page = found.Skip(pageIndex * pageSize).Take(pageSize).ToList();
            return Task.FromResult<IPagedList<Order>>(new InMemoryPagedList<Order>(page, pageIndex, pageSize, found.Count));
        }

        public Task<IList<OrderItem>> GetOrderItemsAsync(int orderId, bool? isNotReturnable = null, bool? isShipEnabled = null, int vendorId = 0) =>
            Task.FromResult<IList<OrderItem>>(new List<OrderItem> { new() { OrderId = orderId, ProductId = 100, Quantity = 1 } });
    }

    private Orders _orders;
    private InMemoryRepository<FlowInboxEvent> _inbox;
    private InMemoryRepository<FlowVersion> _versions;
    private CustomFlowsSettings _settings;
    private FlowBacktestService _service;

    [SetUp]
    public async Task SetUp()
    {
        _orders = new Orders();
        _inbox = new InMemoryRepository<FlowInboxEvent>();
        _versions = new InMemoryRepository<FlowVersion>();
        _settings = new CustomFlowsSettings { Enabled = true, MarketingEmailsPerDay = 1, QuietHoursStart = "", QuietHoursEnd = "" };
        await _versions.InsertAsync(new FlowVersion { FlowId = 5, VersionNumber = FlowVersion.DraftVersionNumber, DefinitionJson = Flow });

        var customers = new Mock<ICustomerService>();
        customers.Setup(c => c.GetCustomerByIdAsync(It.IsAny<int>())).ReturnsAsync((int id) => new Customer { Id = id, Email = $"c{id}@example.pl", Active = true });
        customers.Setup(c => c.GetCustomersByIdsAsync(It.IsAny<int[]>()))
            .ReturnsAsync((int[] ids) => ids.Select(id => new Customer { Id = id, Email = $"c{id}@example.pl" }).ToList());
        customers.Setup(c => c.IsRegisteredAsync(It.IsAny<Customer>(), true)).ReturnsAsync(true);
        customers.Setup(c => c.GetCustomerRolesAsync(It.IsAny<Customer>(), false)).ReturnsAsync(new List<CustomerRole>());
        var categories = new Mock<ICategoryService>();
        categories.Setup(c => c.GetProductCategoryIdsAsync(It.IsAny<int[]>())).ReturnsAsync(new Dictionary<int, int[]>());
        var cart = new Mock<IShoppingCartService>();
        cart.Setup(c => c.GetShoppingCartAsync(It.IsAny<Customer>(), ShoppingCartType.ShoppingCart, It.IsAny<int>(), null, null, null, null)).ReturnsAsync(new List<ShoppingCartItem>());
        var newsletter = new Mock<INewsLetterSubscriptionService>();
        newsletter.Setup(n => n.GetNewsLetterSubscriptionsByEmailAsync(It.IsAny<string>(), It.IsAny<int>(), 0, true))
            .ReturnsAsync(new List<NewsLetterSubscription> { new() { Active = true } });
        var dateTime = new Mock<IDateTimeHelper>();
        dateTime.Setup(d => d.DefaultStoreTimeZone).Returns(TimeZoneInfo.Utc);
        dateTime.Setup(d => d.GetCustomerTimeZoneAsync(It.IsAny<Customer>())).ReturnsAsync(TimeZoneInfo.Utc);
        var settingService = new Mock<ISettingService>();
        settingService.Setup(s => s.LoadSettingAsync<CustomFlowsSettings>(0)).ReturnsAsync(() => _settings);
        var resolver = new ProductCategoryResolver(categories.Object);
        var facts = new NopCustomerFactsSource(resolver, new Mock<ICountryService>().Object, customers.Object, dateTime.Object,
            new Mock<ILanguageService>().Object, newsletter.Object, _orders, new Mock<IProductService>().Object, cart.Object,
            new InMemoryRepository<CustomerFlowState>());
        var dates = new Mock<ICustomerDateService>();
        dates.Setup(d => d.GetCustomersWithDateAsync(It.IsAny<string>(), It.IsAny<DateOnly>(), It.IsAny<bool>())).ReturnsAsync(new List<CustomerDate>());

        _service = new FlowBacktestService(resolver, dates.Object, customers.Object, dateTime.Object, facts, _inbox, _orders,
            settingService.Object, new TestClock(Now), _versions);
    }

    private void Order(int id, int customerId, DateTime atUtc, decimal total = 100m) =>
        _orders.All.Add(new Order { Id = id, CustomerId = customerId, StoreId = 1, CreatedOnUtc = atUtc, OrderTotal = total, OrderStatusId = 10 });

    private Task ViewedAsync(int customerId, DateTime atUtc) => _inbox.InsertAsync(new FlowInboxEvent
    {
        EventType = FlowInboxEventTypes.PRODUCT_VIEWED, CustomerId = customerId, StoreId = 1, CreatedOnUtc = atUtc, ProcessedOnUtc = atUtc,
        PayloadJson = JsonSerializer.Serialize(new ProductViewedPayload(100), new JsonSerializerOptions(JsonSerializerDefaults.Web))
    });

    [Test]
    public async Task The_shops_orders_in_the_window_start_the_flow_and_the_budget_holds_the_reminder_back()
    {
        Order(1, 1, Now.AddDays(-10));
        Order(2, 2, Now.AddDays(-40));
        Order(3, 3, Now.AddDays(-3));
        await ViewedAsync(4, Now.AddDays(-1));
        var progress = new List<FlowBacktestProgress>();

        var result = await _service.RunAsync(new FlowBacktestRequest(5, null, 30), new SynchronousProgress(progress));

        Assert.Multiple(() =>
        {
            Assert.That((result.Events, result.Customers, result.Entered), Is.EqualTo((3, 3, 2)), "the order 40 days ago is outside the window");
            var thanks = result.Steps.Single(step => step.NodeId == "thanks");
            var reminder = result.Steps.Single(step => step.NodeId == "reminder");
            Assert.That(thanks.Sent["email"], Is.EqualTo(2));
            Assert.That((reminder.Sent["email"], reminder.Postponed), Is.EqualTo((2, 2)), "an hour after the thanks the day's one e-mail is used: the reminder waits a day");
            Assert.That(result.HeldBackCustomers, Is.EqualTo(2));
            Assert.That(result.HeldBack.Select(h => (h.CustomerId, h.Email, h.Guardrails.Single())),
                Is.EquivalentTo(new[] { (1, "c1@example.pl", "budget"), (3, "c3@example.pl", "budget") }));
            Assert.That((result.FromUtc, result.ToUtc), Is.EqualTo((Now.AddDays(-30), Now)));
            Assert.That(progress.Select(p => p.Percent), Is.Ordered, "progress only goes forward");
            Assert.That(progress.Last(), Is.EqualTo(new FlowBacktestProgress(100, "done")));
        });
    }

    [Test]
    public async Task A_later_order_converts_the_run_and_an_earlier_one_counts_in_the_customers_history_only()
    {
        _settings.MarketingEmailsPerDay = 0;
        _settings.MarketingEmailsPerWeek = 0;
        Order(1, 1, Now.AddDays(-60), 50m);
        Order(2, 1, Now.AddDays(-10));
        Order(3, 1, Now.AddDays(-10).AddMinutes(30), 70m);

        var result = await _service.RunAsync(new FlowBacktestRequest(5, null, 30));

        //the order half an hour later reaches the goal of the run the first one started (the order 60 days ago is in
        //the customer's history but before the entry, so it does not) and, that run having ended, starts a new one
        Assert.That((result.Events, result.Entered, result.GoalReached), Is.EqualTo((2, 2, 1)));
        //one attribution rule: the order after the thank-you e-mail converts the flow and is its revenue
        Assert.That((result.Converted, result.Revenue, result.AttributionDays), Is.EqualTo((1, 70m, 7)));
        Assert.That(result.Steps.Single(step => step.NodeId == "wait").GoalReached, Is.EqualTo(1));
        var credited = result.Steps.Single(step => step.Converted > 0);
        Assert.That((credited.Type, credited.Converted, credited.Revenue), Is.EqualTo(("action", 1, 70m)));
        Assert.That(result.HeldBackCustomers, Is.Zero, "no budget set: nothing is held back");
    }

    [TestCase(0)]
    [TestCase(91)]
    public void A_window_outside_1_to_90_days_is_refused_in_the_admins_words(int days)
    {
        var refused = Assert.ThrowsAsync<FlowBacktestException>(() => _service.RunAsync(new FlowBacktestRequest(5, null, days)));

        Assert.That(refused.ResourceName, Is.EqualTo("Plugins.Misc.CustomFlows.Backtest.DaysOutOfRange"));
    }

    [Test]
    public async Task A_version_that_does_not_exist_or_a_draft_with_problems_is_refused()
    {
        var missing = Assert.ThrowsAsync<FlowBacktestException>(() => _service.RunAsync(new FlowBacktestRequest(5, 3, 30)));
        Assert.That(missing.ResourceName, Is.EqualTo("Plugins.Misc.CustomFlows.Backtest.NoSuchVersion"));

        await _versions.InsertAsync(new FlowVersion { FlowId = 6, VersionNumber = FlowVersion.DraftVersionNumber, DefinitionJson = Flow.Replace("\"next\": \"wait\"", "\"next\": \"nowhere\"") });
        var broken = Assert.ThrowsAsync<FlowBacktestException>(() => _service.RunAsync(new FlowBacktestRequest(6, null, 30)));
        Assert.That(broken.ResourceName, Is.EqualTo("Plugins.Misc.CustomFlows.Backtest.HasProblems"));
    }

    private sealed class SynchronousProgress(List<FlowBacktestProgress> seen) : IProgress<FlowBacktestProgress>
    {
        public void Report(FlowBacktestProgress value) => seen.Add(value);
    }

    private static JsonNode Fixture(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.Root, "tests", "fixtures", "admin-api", name)))!;

    private static SortedSet<string> Shape(JsonNode node, string path = "")
    {
        var shape = new SortedSet<string>(StringComparer.Ordinal);
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    //channel names and the engine's reasons are keys of counts
                    var place = path.EndsWith("sent", StringComparison.OrdinalIgnoreCase) || path.EndsWith("notEntered", StringComparison.Ordinal) ? $"{path}.*" : $"{path}.{key}";
                    shape.Add(place);
                    shape.UnionWith(Shape(value, place));
                }
                break;
            case JsonArray array when array.Count > 0:
                shape.UnionWith(Shape(array[0], path + "[]"));
                break;
        }

        return shape;
    }

    [Test]
    public async Task The_pages_endpoints_start_a_backtest_in_the_background_and_answer_in_the_fixtures_shape()
    {
        Order(1, 1, Now.AddDays(-10));
        Order(3, 3, Now.AddDays(-3));
        var services = new ServiceCollection().AddScoped(_ => _service).BuildServiceProvider();
        var runner = new FlowBacktestRunner(services.GetRequiredService<IServiceScopeFactory>(), new TestClock(Now));
        var localization = new Mock<ILocalizationService>();
        localization.Setup(l => l.GetResourceAsync(It.IsAny<string>())).ReturnsAsync((string name) => "text of " + name);
        var prices = new Mock<IPriceFormatter>();
        prices.Setup(p => p.FormatPriceAsync(It.IsAny<decimal>(), true, false)).ReturnsAsync((decimal price, bool _, bool _) => $"{price:0.00} zł");
        var controller = new CustomFlowBacktestController(runner, _service, localization.Object, prices.Object);

        var started = (ContentResult)await controller.Start(5, null, 30);
        var job = JsonNode.Parse(started.Content)!["job"]!.GetValue<Guid>();
        await runner.Get(job)!.Task;
        var done = (ContentResult)await controller.Status(job);
        var answer = JsonNode.Parse(done.Content)!;

        //refreshing the fixture after a deliberate change of the answer: CUSTOMFLOWS_WRITE_FIXTURES=1
        if (Environment.GetEnvironmentVariable("CUSTOMFLOWS_WRITE_FIXTURES") == "1")
            await File.WriteAllTextAsync(Path.Combine(RepositoryFiles.Root, "tests", "fixtures", "admin-api", "backtest-done.json"),
                answer.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        Assert.That((started.StatusCode, done.StatusCode), Is.EqualTo((200, 200)));
        Assert.That(answer["state"]!.GetValue<string>(), Is.EqualTo("done"));
        Assert.That(answer["result"]!["entered"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(Shape(answer), Is.EquivalentTo(Shape(Fixture("backtest-done.json"))), "the page's script reads the fixture's shape");
        Assert.That(Shape(Fixture("backtest-running.json")), Is.SubsetOf(Shape(JsonNode.Parse(started.Content)!)), "the first answer tells the job and its progress");

        var refused = (ContentResult)await controller.Start(5, null, 120);
        Assert.That((refused.StatusCode, JsonNode.Parse(refused.Content)!["error"]!.GetValue<string>()),
            Is.EqualTo((400, "text of Plugins.Misc.CustomFlows.Backtest.DaysOutOfRange")));
        var unknown = (ContentResult)await controller.Status(Guid.NewGuid());
        Assert.That(unknown.StatusCode, Is.EqualTo(404));

    }
}
