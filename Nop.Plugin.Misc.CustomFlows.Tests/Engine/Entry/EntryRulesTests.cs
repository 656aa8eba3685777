using Nop.Plugin.Misc.CustomFlows.Engine.Entry;
using Nop.Plugin.Misc.CustomFlows.Engine.Guardrails;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using static Nop.Plugin.Misc.CustomFlows.Tests.Engine.EngineKit;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Engine.Entry;

[TestFixture]
public class EntryRulesTests
{
    private static CompiledFlow WithSettings(string settings) => Compile($$"""{{StartOnOrder}}, { "type": "end", "id": "step-1" }""", settings);

    private static EntryDecision Decide(CompiledFlow flow, EntryHistory history, GuardrailSettings guardrails = null, int storeId = 1)
    {
        var customer = Customer();
        var order = Order(customer.CustomerId, Monday10Utc);
        order.StoreId = storeId;
        return EntryRules.Decide(flow, order, customer, history, guardrails ?? new GuardrailSettings(), Monday10Utc);
    }

    [Test]
    public void A_customer_already_in_the_flow_does_not_enter_again_by_default()
    {
        Assert.That(Decide(WithSettings("{}"), new EntryHistory(true, Monday10Utc.AddDays(-1))), Is.EqualTo(EntryDecision.AlreadyInFlow));
        Assert.That(Decide(WithSettings("{}"), new EntryHistory(false, Monday10Utc.AddDays(-1))), Is.EqualTo(EntryDecision.Enter));
    }

    [Test]
    public void A_once_ever_flow_is_entered_only_by_customers_who_never_entered_it()
    {
        var flow = WithSettings("""{ "reEntry": { "mode": "onceEver" } }""");

        Assert.That(Decide(flow, EntryHistory.None), Is.EqualTo(EntryDecision.Enter));
        Assert.That(Decide(flow, new EntryHistory(false, Monday10Utc.AddYears(-2))), Is.EqualTo(EntryDecision.EnteredBefore));
    }

    [TestCase(29, EntryDecision.TooSoon)]
    [TestCase(30, EntryDecision.Enter)]
    public void A_once_per_period_flow_lets_a_customer_in_again_only_after_the_period(int daysSinceLastEntry, EntryDecision expected)
    {
        var flow = WithSettings("""{ "reEntry": { "mode": "oncePerPeriod", "period": "30d" } }""");

        Assert.That(Decide(flow, new EntryHistory(false, Monday10Utc.AddDays(-daysSinceLastEntry))), Is.EqualTo(expected));
    }

    [Test]
    public void An_every_time_flow_lets_a_customer_in_even_while_another_run_is_open()
    {
        var flow = WithSettings("""{ "reEntry": { "mode": "everyTime" } }""");

        Assert.That(Decide(flow, new EntryHistory(true, Monday10Utc)), Is.EqualTo(EntryDecision.Enter));
    }

    [Test]
    public void A_customer_outside_the_audience_does_not_enter()
    {
        var flow = WithSettings("""{ "audience": { "type": "hasTag", "tag": "vip" } }""");

        Assert.That(Decide(flow, EntryHistory.None), Is.EqualTo(EntryDecision.NotInAudience));
    }

    [Test]
    public void An_event_from_a_store_the_flow_does_not_run_in_starts_nothing()
    {
        var flow = WithSettings("""{ "storeIds": [2] }""");

        Assert.That(Decide(flow, EntryHistory.None, storeId: 1), Is.EqualTo(EntryDecision.OtherStore));
    }

    [Test]
    public void Nobody_enters_while_all_flows_are_paused()
    {
        Assert.That(Decide(WithSettings("{}"), EntryHistory.None, new GuardrailSettings { PauseAll = true }), Is.EqualTo(EntryDecision.Paused));
    }

    [Test]
    public void A_new_run_starts_at_the_start_step_pinned_to_the_flow_version()
    {
        var flow = Compile($$"""{{StartOnOrder}}, { "type": "end", "id": "step-1" }""", version: 4);

        var run = FlowRunFactory.Create(flow, Order(7, Monday10Utc, 250m), Monday10Utc);

        Assert.That((run.FlowId, run.FlowVersion, run.NodeId, run.Status, run.VisitsOf("start")), Is.EqualTo(("f", 4, "start", RunStatus.Active, 1)));
        Assert.That(run.Trigger.Value, Is.EqualTo(250m));
    }
}
