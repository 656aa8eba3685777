using System.Text.Json;
using Nop.Core.Domain.Customers;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Nodes;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Triggers;
using Nop.Plugin.Misc.CustomFlows.Engine.Serialization;
using Nop.Plugin.Misc.CustomFlows.Services.Dates;
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
    private DateTriggeredFlowStarter _starter;

    [SetUp]
    public void SetUp()
    {
        _customers = new InMemoryRepository<Customer>();
        _flows = new InMemoryRepository<Flow>();
        _versions = new InMemoryRepository<FlowVersion>();
        _inbox = new InMemoryRepository<FlowInboxEvent>();
        _starter = new DateTriggeredFlowStarter(_customers, _flows, _inbox, _versions, new FlowInboxWriter(_inbox, TimeProvider.System));
    }

    private async Task PublishBirthdayFlowAsync(int offsetDays, FlowStatus status = FlowStatus.Active)
    {
        var definition = new FlowDefinition
        {
            Id = "birthday",
            Version = 1,
            Name = "Birthday",
            Nodes = new List<FlowNode>
            {
                new StartNode { Id = "start", Trigger = new FlowTrigger { Event = FlowEventType.Date, DateField = "birthday", OffsetDays = offsetDays, Annual = true }, Next = "end" },
                new EndNode { Id = "end" }
            }
        };
        var flow = new Flow { Name = "Birthday", StatusId = (int)status };
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
}
