using Nop.Services.Configuration;
using Moq;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Catalog;
using System.Text.Json;
using Nop.Core.Domain.Customers;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Nodes;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Triggers;
using Nop.Plugin.Misc.CustomFlows.Engine.Serialization;
using Nop.Plugin.Misc.CustomFlows.Services.Dates;
using Nop.Plugin.Misc.CustomFlows.Services.Runs;
using Nop.Plugin.Misc.CustomFlows.Services.Inbox;
using Nop.Plugin.Misc.CustomFlows.Tests.Support;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Services;

[TestFixture]
public class DateTriggeredFlowStarterTests
{
    private InMemoryRepository<Customer> _customers;
    private InMemoryRepository<Flow> _flows;
    private InMemoryRepository<FlowVersion> _versions;
    private InMemoryRepository<FlowInboxEvent> _inbox;
    private InMemoryRepository<Order> _orders;
    private InMemoryRepository<RecurringPayment> _payments;
    private InMemoryRepository<GenericAttribute> _attributes;
    private DateTriggeredFlowStarter _starter;
    private CustomFlowsSettings _settings;

    [SetUp]
    public void SetUp()
    {
        _customers = new InMemoryRepository<Customer>();
        _flows = new InMemoryRepository<Flow>();
        _versions = new InMemoryRepository<FlowVersion>();
        _inbox = new InMemoryRepository<FlowInboxEvent>();
        _orders = new InMemoryRepository<Order>();
        _payments = new InMemoryRepository<RecurringPayment>();
        _attributes = new InMemoryRepository<GenericAttribute>();
        var dates = new CustomerDateService(_customers, _attributes, _orders, _payments);
        _settings = new CustomFlowsSettings { Enabled = true };
        var settingService = new Mock<ISettingService>();
        settingService.Setup(s => s.LoadSettingAsync<CustomFlowsSettings>(0)).ReturnsAsync(() => _settings);
        _starter = new DateTriggeredFlowStarter(dates,
            new FlowCatalog(_flows, _versions, new InMemoryStaticCache(keepValues: false)), _inbox, new FlowInboxWriter(_inbox, TimeProvider.System), settingService.Object);
    }

    private Task PublishBirthdayFlowAsync(int offsetDays, FlowStatus status = FlowStatus.Active) =>
        PublishDateFlowAsync("birthday", offsetDays, annual: true, status);

    private async Task PublishDateFlowAsync(string dateField, int offsetDays, bool annual, FlowStatus status = FlowStatus.Active)
    {
        var definition = new FlowDefinition
        {
            Id = dateField,
            Version = 1,
            Name = "Birthday",
            Nodes = new List<FlowNode>
            {
                new StartNode { Id = "start", Trigger = new FlowTrigger { Event = FlowEventType.Date, DateField = dateField, OffsetDays = offsetDays, Annual = annual }, Next = "end" },
                new EndNode { Id = "end" }
            }
        };
        var flow = new Flow { Name = dateField, StatusId = (int)status };
        await _flows.InsertAsync(flow);
        var version = new FlowVersion { FlowId = flow.Id, VersionNumber = 1, DefinitionJson = FlowJson.Serialize(definition) };
        await _versions.InsertAsync(version);
        flow.PublishedVersionId = version.Id;
        await _flows.UpdateAsync(flow);
    }

    private async Task<Customer> CustomerBornAsync(int year, int month, int day, bool active = true)
    {
        var customer = new Customer { Email = $"c{month}{day}@example.com", DateOfBirth = new DateTime(year, month, day), Active = active, RegisteredInStoreId = 1 };
        await _customers.InsertAsync(customer);
        return customer;
    }

    private IEnumerable<(int CustomerId, DatePayload Payload)> QueuedDates() => _inbox.Table
        .Where(e => e.EventType == "date")
        .AsEnumerable()
        .Select(e => (e.CustomerId, JsonSerializer.Deserialize<DatePayload>(e.PayloadJson, new JsonSerializerOptions(JsonSerializerDefaults.Web))));

    [Test]
    public async Task Customers_whose_birthday_is_today_get_a_date_event()
    {
        await PublishBirthdayFlowAsync(0);
        var today = await CustomerBornAsync(1990, 5, 4);
        await CustomerBornAsync(1990, 5, 5);
        await CustomerBornAsync(1985, 5, 4, active: false);

        var queued = await _starter.StartFlowsForDateAsync(new DateOnly(2026, 5, 4), CancellationToken.None);

        Assert.That(queued, Is.EqualTo(1));
        Assert.That(QueuedDates(), Is.EqualTo(new[] { (today.Id, new DatePayload("birthday", new DateOnly(1990, 5, 4), new DateOnly(2026, 5, 4), 0)) }));
    }

    [Test]
    public async Task A_flow_starting_seven_days_before_the_birthday_picks_customers_born_a_week_later()
    {
        await PublishBirthdayFlowAsync(-7);
        var inAWeek = await CustomerBornAsync(2000, 5, 11);

        await _starter.StartFlowsForDateAsync(new DateOnly(2026, 5, 4), CancellationToken.None);

        Assert.That(QueuedDates().Single().CustomerId, Is.EqualTo(inAWeek.Id));
    }

    [Test]
    public async Task Running_the_same_day_twice_queues_nothing_the_second_time()
    {
        await PublishBirthdayFlowAsync(0);
        await CustomerBornAsync(1990, 5, 4);

        await _starter.StartFlowsForDateAsync(new DateOnly(2026, 5, 4), CancellationToken.None);
        var second = await _starter.StartFlowsForDateAsync(new DateOnly(2026, 5, 4), CancellationToken.None);

        Assert.That(second, Is.Zero);
        Assert.That(QueuedDates().Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task Leap_day_birthdays_are_celebrated_on_28_february_in_other_years()
    {
        await PublishBirthdayFlowAsync(0);
        var leap = await CustomerBornAsync(2000, 2, 29);

        await _starter.StartFlowsForDateAsync(new DateOnly(2027, 2, 28), CancellationToken.None);

        Assert.That(QueuedDates().Single().CustomerId, Is.EqualTo(leap.Id));
    }

    [Test]
    public async Task Without_a_live_birthday_flow_nothing_is_queued()
    {
        await PublishBirthdayFlowAsync(0, FlowStatus.Paused);
        await CustomerBornAsync(1990, 5, 4);

        Assert.That(await _starter.StartFlowsForDateAsync(new DateOnly(2026, 5, 4), CancellationToken.None), Is.Zero);
    }

    private async Task<RecurringPayment> SubscriptionAsync(Customer customer, DateTime start, RecurringProductCyclePeriod period, int length, int cycles,
        bool active = true, int storeId = 2)
    {
        var order = new Order { CustomerId = customer.Id, StoreId = storeId, OrderGuid = Guid.NewGuid() };
        await _orders.InsertAsync(order);
        var payment = new RecurringPayment
        {
            InitialOrderId = order.Id, StartDateUtc = start, CyclePeriodId = (int)period, CycleLength = length, TotalCycles = cycles,
            IsActive = active, CreatedOnUtc = start
        };
        await _payments.InsertAsync(payment);
        return payment;
    }

    [TestCase(false, false)]
    [TestCase(true, true)]
    public async Task Switched_off_or_paused_no_date_events_are_queued(bool enabled, bool paused)
    {
        await PublishBirthdayFlowAsync(0);
        await CustomerBornAsync(1990, 5, 4);
        _settings.Enabled = enabled;
        _settings.PauseAll = paused;

        Assert.That(await _starter.StartFlowsForDateAsync(new DateOnly(2026, 5, 4), CancellationToken.None), Is.EqualTo(0));
        Assert.That(_inbox.Table, Is.Empty);
    }

    [Test]
    public async Task A_renewal_flow_starts_fourteen_days_before_a_recurring_payment_ends_in_the_store_of_its_order()
    {
        await PublishDateFlowAsync("subscriptionEndsOn", -14, annual: false);
        var yearly = await CustomerBornAsync(1990, 1, 1);
        var endless = await CustomerBornAsync(1991, 1, 2);
        var cancelled = await CustomerBornAsync(1992, 1, 3);
        //twelve monthly cycles from 10 January 2026: paid until 10 January 2027
        await SubscriptionAsync(yearly, new DateTime(2026, 1, 10, 9, 30, 0), RecurringProductCyclePeriod.Months, 1, 12);
        await SubscriptionAsync(endless, new DateTime(2026, 1, 10), RecurringProductCyclePeriod.Months, 1, 0);
        await SubscriptionAsync(cancelled, new DateTime(2026, 1, 10), RecurringProductCyclePeriod.Months, 1, 12, active: false);

        var queued = await _starter.StartFlowsForDateAsync(new DateOnly(2026, 12, 27), CancellationToken.None);

        Assert.That(queued, Is.EqualTo(1));
        Assert.That(QueuedDates(), Is.EqualTo(new[] { (yearly.Id, new DatePayload("subscriptionEndsOn", new DateOnly(2027, 1, 10), new DateOnly(2026, 12, 27), -14)) }));
        Assert.That(_inbox.Table.Single().StoreId, Is.EqualTo(2), "the store the subscription was bought in");
    }

    [TestCase(RecurringProductCyclePeriod.Days, 10, 3, "2026-01-31")]
    [TestCase(RecurringProductCyclePeriod.Weeks, 2, 3, "2026-02-12")]
    [TestCase(RecurringProductCyclePeriod.Months, 3, 4, "2027-01-01")]
    [TestCase(RecurringProductCyclePeriod.Years, 1, 2, "2028-01-01")]
    public void A_recurring_payment_ends_after_all_its_cycles(RecurringProductCyclePeriod period, int length, int cycles, string end)
    {
        var payment = new RecurringPayment { StartDateUtc = new DateTime(2026, 1, 1), CyclePeriodId = (int)period, CycleLength = length, TotalCycles = cycles };

        Assert.That(CustomerDateService.EndOf(payment), Is.EqualTo(DateTime.Parse(end, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(CustomerDateService.EndOf(new RecurringPayment { StartDateUtc = new DateTime(2026, 1, 1), CycleLength = 1, TotalCycles = 0 }), Is.Null,
            "renews until cancelled");
    }

    [Test]
    public async Task A_registration_anniversary_flow_finds_customers_registered_on_that_day_in_earlier_years()
    {
        await PublishDateFlowAsync("registeredOn", 0, annual: true);
        var anniversary = await CustomerBornAsync(1990, 1, 1);
        var other = await CustomerBornAsync(1990, 1, 2);
        anniversary.CreatedOnUtc = new DateTime(2024, 3, 15, 18, 0, 0);
        other.CreatedOnUtc = new DateTime(2024, 3, 16);
        await _customers.UpdateAsync(anniversary);
        await _customers.UpdateAsync(other);

        await _starter.StartFlowsForDateAsync(new DateOnly(2026, 3, 15), CancellationToken.None);

        Assert.That(QueuedDates(), Is.EqualTo(new[] { (anniversary.Id, new DatePayload("registeredOn", new DateOnly(2024, 3, 15), new DateOnly(2026, 3, 15), 0)) }));
    }

    [Test]
    public async Task Any_other_date_field_is_read_from_the_customer_attribute_of_that_name()
    {
        await PublishDateFlowAsync("contractEndsOn", -30, annual: false);
        var withContract = await CustomerBornAsync(1990, 1, 1);
        var inactive = await CustomerBornAsync(1990, 1, 2, active: false);
        var unreadable = await CustomerBornAsync(1990, 1, 3);
        //as nopCommerce's generic attribute service stores a DateTime (invariant culture), for all stores
        await _attributes.InsertAsync(new GenericAttribute { KeyGroup = "Customer", Key = "contractEndsOn", EntityId = withContract.Id, Value = "03/31/2027 00:00:00", StoreId = 0 });
        await _attributes.InsertAsync(new GenericAttribute { KeyGroup = "Customer", Key = "contractEndsOn", EntityId = inactive.Id, Value = "2027-03-31" });
        await _attributes.InsertAsync(new GenericAttribute { KeyGroup = "Customer", Key = "contractEndsOn", EntityId = unreadable.Id, Value = "soon" });
        await _attributes.InsertAsync(new GenericAttribute { KeyGroup = "Order", Key = "contractEndsOn", EntityId = unreadable.Id, Value = "2027-03-31" });

        await _starter.StartFlowsForDateAsync(new DateOnly(2027, 3, 1), CancellationToken.None);

        Assert.That(QueuedDates(), Is.EqualTo(new[] { (withContract.Id, new DatePayload("contractEndsOn", new DateOnly(2027, 3, 31), new DateOnly(2027, 3, 1), -30)) }));
        Assert.That(_inbox.Table.Single().StoreId, Is.EqualTo(withContract.RegisteredInStoreId), "a date for all stores goes with the customer's store");
    }

    [Test]
    public async Task Two_date_fields_on_the_same_day_each_queue_their_event_once()
    {
        await PublishDateFlowAsync("birthday", 0, annual: true);
        await PublishDateFlowAsync("registeredOn", 0, annual: true);
        var customer = await CustomerBornAsync(1990, 6, 1);
        customer.CreatedOnUtc = new DateTime(2025, 6, 1);
        await _customers.UpdateAsync(customer);

        var first = await _starter.StartFlowsForDateAsync(new DateOnly(2026, 6, 1), CancellationToken.None);
        var second = await _starter.StartFlowsForDateAsync(new DateOnly(2026, 6, 1), CancellationToken.None);

        Assert.That((first, second), Is.EqualTo((2, 0)));
        Assert.That(QueuedDates().Select(q => q.Payload.DateField), Is.EquivalentTo(new[] { "birthday", "registeredOn" }));
    }
}
