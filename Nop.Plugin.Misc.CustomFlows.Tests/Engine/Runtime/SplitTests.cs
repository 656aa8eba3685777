using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using static Nop.Plugin.Misc.CustomFlows.Tests.Engine.EngineKit;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Engine.Runtime;

[TestFixture]
public class SplitTests
{
    private readonly FlowInterpreter _interpreter = new();

    private static readonly CompiledFlow AbTest = Compile($$"""
        {{StartOnOrder}},
        { "type": "split", "id": "step-1", "branches": [
          { "name": "A", "weight": 3, "next": "mail-a" },
          { "name": "B", "weight": 1, "next": "mail-b" },
          { "name": "control", "weight": 1, "holdout": true, "next": "mail-a" } ] },
        { "type": "action", "id": "mail-a", "action": { "type": "sendEmail", "template": "A" }, "next": "end" },
        { "type": "action", "id": "mail-b", "action": { "type": "sendEmail", "template": "B" }, "next": "end" },
        { "type": "end", "id": "end" }
        """);

    private StepResult RunFor(int customerId, long runId = 1)
    {
        var customer = Customer(customerId);
        return _interpreter.Advance(NewRun(AbTest, customer, Monday10Utc, runId), AbTest, Context(customer, Monday10Utc));
    }

    [Test]
    public void A_customer_lands_in_the_same_branch_every_time_they_enter()
    {
        var variants = Enumerable.Range(1, 50).Select(runId => RunFor(customerId: 123, runId).Run.Variant).Distinct();

        Assert.That(variants.Count(), Is.EqualTo(1));
    }

    [Test]
    public void Customers_spread_over_branches_in_proportion_to_the_weights()
    {
        var counts = Enumerable.Range(1, 10000).GroupBy(id => RunFor(id).Run.Variant).ToDictionary(g => g.Key, g => g.Count());

        // weights 3:1:1 of 10,000 customers: 6,000 / 2,000 / 2,000, give or take sampling noise
        Assert.That(counts["A"], Is.InRange(5700, 6300));
        Assert.That(counts["B"], Is.InRange(1800, 2200));
        Assert.That(counts["control"], Is.InRange(1800, 2200));
    }

    [Test]
    public void A_customer_in_the_holdout_branch_follows_the_path_but_is_sent_nothing()
    {
        var holdoutCustomer = Enumerable.Range(1, 100).First(id => RunFor(id).Run.Variant == "control");

        var result = RunFor(holdoutCustomer);

        Assert.That(result.Effects, Is.Empty);
        Assert.That(result.Run.Holdout, Is.True);
        Assert.That(result.Records.Select(r => (r.NodeId, r.Kind)), Does.Contain(("mail-a", StepKind.ActionSuppressed)));
        Assert.That(result.Run.Status, Is.EqualTo(RunStatus.Completed));
    }

    [Test]
    public void An_effect_names_the_branch_the_run_went_through()
    {
        var customerInB = Enumerable.Range(1, 100).First(id => RunFor(id).Run.Variant == "B");

        var effect = RunFor(customerInB).Effects.Single();

        Assert.That(effect.Variant, Is.EqualTo("B"));
    }
}
