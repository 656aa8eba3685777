using Nop.Plugin.Misc.CustomFlows.Simulation;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;
using Nop.Plugin.Misc.CustomFlows.Engine.Entry;
using Nop.Plugin.Misc.CustomFlows.Engine.Facts;
using Nop.Plugin.Misc.CustomFlows.Engine.Guardrails;
using Nop.Plugin.Misc.CustomFlows.Engine.Ports;
using Nop.Plugin.Misc.CustomFlows.Engine.Processing;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using static Nop.Plugin.Misc.CustomFlows.Tests.Engine.EngineKit;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Engine.Processing;

[TestFixture]
public class FlowProcessorTests
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTime UtcNow { get; set; } = Monday10Utc;

        public override DateTimeOffset GetUtcNow() => new(UtcNow, TimeSpan.Zero);
    }

    private sealed class Customers : ICustomerFactsSource
    {
        public Dictionary<int, CustomerSnapshot> All { get; } = new();

        public Task<ICustomerFacts> GetFactsAsync(int customerId, int storeId, CancellationToken cancellationToken = default) =>
            Task.FromResult<ICustomerFacts>(All.GetValueOrDefault(customerId));
    }

    private static CompiledFlow ThankThenRemind(string id = "thanks", int priority = 0) => Compile($$"""
        {{StartOnOrder}},
        { "type": "action", "id": "step-1", "action": { "type": "sendEmail", "template": "Thanks" }, "next": "wait" },
        { "type": "wait", "id": "wait", "delay": "2d", "next": "remind" },
        { "type": "action", "id": "remind", "action": { "type": "sendEmail", "template": "Remind" }, "next": "end" },
        { "type": "end", "id": "end" }
        """, $$"""{ "priority": {{priority}} }""", goal: """{ "name": "reordered", "condition": { "type": "ordersCount", "value": 1, "sinceEntry": true } }""", id: id);

    private static readonly EngineEnvironment Environment = new(new GuardrailSettings(), TimeZoneInfo.Utc);

    // NUnit shares one fixture instance between tests: each test gets a fresh shop
    private ManualClock _clock;
    private Customers _customers;
    private InMemoryFlowRunStore _store;
    private List<FlowEffect> _effects;

    [SetUp]
    public void NewShop()
    {
        _clock = new ManualClock();
        _customers = new Customers();
        _store = new InMemoryFlowRunStore();
        _effects = new List<FlowEffect>();
    }

    /// <summary>The effect sink: what the host's channels get, in order.</summary>
    private sealed class Sink(List<FlowEffect> effects) : IFlowEffectSink
    {
        public Task HandleAsync(CommittedStep step, CancellationToken cancellationToken = default)
        {
            effects.AddRange(step.Result.Effects);
            return Task.CompletedTask;
        }
    }

    /// <summary>The loop over one catalog, as a host batch calls it.</summary>
    private sealed class Loop(FlowProcessor processor, FlowCatalog catalog)
    {
        public Task<ProcessingReport> ProcessEventAsync(FlowEvent flowEvent, EngineEnvironment environment) =>
            processor.ProcessEventAsync(catalog, flowEvent, environment);

        public Task<ProcessingReport> ProcessDueRunsAsync(EngineEnvironment environment, int maxRuns) =>
            processor.ProcessDueRunsAsync(catalog, environment, maxRuns);
    }

    private static ProcessingReport Collect(ProcessingReport report) => report;

    private Loop Processor(params CompiledFlow[] live) =>
        new(new FlowProcessor(_store, _customers, new Sink(_effects), new FlowInterpreter(), _clock), new FlowCatalog(live));

    private CustomerSnapshot AddCustomer(int id = 7)
    {
        var customer = Customer(id);
        _customers.All[id] = customer;
        return customer;
    }

    [Test]
    public async Task An_order_starts_the_flow_and_its_first_email_lands_in_the_outbox()
    {
        AddCustomer();

        var report = Collect(await Processor(ThankThenRemind()).ProcessEventAsync(Order(7, Monday10Utc), Environment));

        Assert.That(report.Entries, Is.EqualTo(new[] { ("thanks", EntryDecision.Enter) }));
        Assert.That(_effects.Select(e => e.IdempotencyKey), Is.EqualTo(new[] { "1:step-1:1" }));
        Assert.That(_store.Runs[1].Status, Is.EqualTo(RunStatus.Waiting));
    }

    [Test]
    public async Task A_run_that_comes_due_is_stepped_by_the_due_batch()
    {
        AddCustomer();
        var processor = Processor(ThankThenRemind());
        Collect(await processor.ProcessEventAsync(Order(7, Monday10Utc), Environment));

        _clock.UtcNow = Monday10Utc.AddDays(2);
        Collect(await processor.ProcessDueRunsAsync(Environment, maxRuns: 100));

        Assert.That(_effects.Select(e => e.NodeId), Is.EqualTo(new[] { "step-1", "remind" }));
        Assert.That(_store.Runs[1].Status, Is.EqualTo(RunStatus.Completed));
    }

    [Test]
    public async Task A_second_order_converts_the_open_run_before_deciding_to_start_a_new_one()
    {
        var customer = AddCustomer();
        var processor = Processor(ThankThenRemind());
        Collect(await processor.ProcessEventAsync(Order(7, Monday10Utc), Environment));

        _clock.UtcNow = Monday10Utc.AddDays(1);
        customer.Orders.Add(new OrderFact(_clock.UtcNow, 30m, []));
        var report = Collect(await processor.ProcessEventAsync(Order(7, _clock.UtcNow), Environment));

        Assert.That(_store.Runs[1].Status, Is.EqualTo(RunStatus.Converted));
        Assert.That(report.Entries, Is.EqualTo(new[] { ("thanks", EntryDecision.Enter) }));
        Assert.That(_store.Runs[2].Status, Is.EqualTo(RunStatus.Waiting));
    }

    [Test]
    public async Task Flows_started_by_one_event_share_the_message_budget_in_priority_order()
    {
        AddCustomer();
        var environment = new EngineEnvironment(
            new GuardrailSettings { MessageBudget = { new MessageBudgetRule { Channel = ActionChannel.Email, Max = 1, Period = TimeSpan.FromHours(24) } } },
            TimeZoneInfo.Utc);

        Collect(await Processor(ThankThenRemind("low", priority: 0), ThankThenRemind("high", priority: 10)).ProcessEventAsync(Order(7, Monday10Utc), environment));

        Assert.That(_effects.Select(e => e.FlowId), Is.EqualTo(new[] { "high" }));
        Assert.That(_store.Runs.Values.Single(r => r.FlowId == "low").WaitReason, Is.EqualTo(WaitReason.Postponed));
    }

    [Test]
    public async Task A_due_run_of_a_version_the_catalog_no_longer_holds_is_reported_and_ended_without_a_step()
    {
        AddCustomer();
        Collect(await Processor(ThankThenRemind()).ProcessEventAsync(Order(7, Monday10Utc), Environment));
        var effectsBefore = _effects.Count;

        _clock.UtcNow = Monday10Utc.AddDays(3);
        var report = Collect(await Processor(ThankThenRemind("other")).ProcessDueRunsAsync(Environment, maxRuns: 100));

        Assert.That(report.Orphans.Single().RunId, Is.EqualTo(1));
        Assert.That((_store.Runs[1].Status, _store.Runs[1].EndReason, _store.Runs[1].NodeId), Is.EqualTo((RunStatus.Exited, FlowProcessor.VersionMissing, "wait")));
        Assert.That(_effects.Count, Is.EqualTo(effectsBefore), "nothing of the missing version is performed");
    }

    [Test]
    public async Task An_event_reaches_an_orphan_run_not_at_all_and_leaves_it_open()
    {
        AddCustomer();
        Collect(await Processor(ThankThenRemind()).ProcessEventAsync(Order(7, Monday10Utc), Environment));
        var before = _store.Runs[1];

        var report = Collect(await Processor(ThankThenRemind("other")).ProcessEventAsync(Order(7, Monday10Utc.AddHours(1)), Environment));

        Assert.That(report.Orphans.Single().RunId, Is.EqualTo(1));
        Assert.That(_store.Runs[1], Is.SameAs(before));
    }

    [Test]
    public async Task An_event_of_an_unknown_customer_starts_nothing()
    {
        var report = Collect(await Processor(ThankThenRemind()).ProcessEventAsync(Order(404, Monday10Utc), Environment));

        Assert.That(report.Entries, Is.Empty);
        Assert.That(_store.Runs, Is.Empty);
    }

    [Test]
    public async Task Runs_due_at_the_same_time_compete_for_the_budget_by_priority_not_by_who_entered_first()
    {
        AddCustomer();
        var low = ThankThenRemind("low", priority: 0);
        var high = ThankThenRemind("high", priority: 10);
        var interpreter = new FlowInterpreter();
        //the low-priority run entered first (lower run id); both wait for the same moment
        foreach (var flow in new[] { low, high })
        {
            var run = await _store.InsertAsync(FlowRunFactory.Create(flow, Order(7, Monday10Utc), Monday10Utc), string.Empty);
            var first = interpreter.Advance(run, flow, new RunContext(_customers.All[7], new GuardrailSettings(), TimeZoneInfo.Utc, Monday10Utc));
            await _store.CommitAsync(new RunCommit(first.Run, first.Effects));
        }

        var environment = new EngineEnvironment(
            new GuardrailSettings { MessageBudget = { new MessageBudgetRule { Channel = ActionChannel.Email, Max = 1, Period = TimeSpan.FromHours(24) } } },
            TimeZoneInfo.Utc);
        _clock.UtcNow = Monday10Utc.AddDays(2);
        await Processor(low, high).ProcessDueRunsAsync(environment, maxRuns: 100);

        Assert.That(_effects.Select(e => (e.FlowId, e.NodeId)), Is.EqualTo(new[] { ("high", "remind") }));
        Assert.That(_store.Runs.Values.Single(r => r.FlowId == "low").WaitReason, Is.EqualTo(WaitReason.Postponed));
    }
}
