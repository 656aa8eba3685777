using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using Nop.Plugin.Misc.CustomFlows.Engine.Entry;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using static Nop.Plugin.Misc.CustomFlows.Tests.Engine.EngineKit;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Engine.Runtime;

[TestFixture]
public class AbandonedCartTests
{
    private readonly FlowInterpreter _interpreter = new();

    private static readonly CompiledFlow Flow = Compile("""
        { "type": "start", "id": "start", "trigger": { "event": "cart_updated", "cartChange": "abandoned", "abandonedAfterMinutes": 60 }, "next": "mail" },
        { "type": "action", "id": "mail", "action": { "type": "sendEmail", "template": "Cart" }, "next": "end" },
        { "type": "end", "id": "end" }
        """);

    private static FlowEvent CartChange(int customerId, DateTime at, int quantity = 1) => new()
    {
        Type = FlowEventType.CartUpdated, CartChange = Nop.Plugin.Misc.CustomFlows.Engine.Definition.CartChange.ItemAdded,
        CustomerId = customerId, OccurredOnUtc = at, StoreId = 1, Quantity = quantity, Value = 120m
    };

    private FlowRunState Entered(Nop.Plugin.Misc.CustomFlows.Engine.Facts.CustomerSnapshot customer)
    {
        var run = FlowRunFactory.Create(Flow, CartChange(customer.CustomerId, Monday10Utc), Monday10Utc);
        run.RunId = 5;
        return _interpreter.Advance(run, Flow, Context(customer, Monday10Utc)).Run;
    }

    [Test]
    public void A_cart_change_starts_a_run_that_waits_the_abandonment_minutes_before_anything_is_sent()
    {
        var run = Entered(Customer());

        Assert.That((run.Status, run.WaitReason, run.DueOnUtc), Is.EqualTo((RunStatus.Waiting, WaitReason.CartAbandonment, (DateTime?)Monday10Utc.AddMinutes(60))));
    }

    [Test]
    public void Another_cart_change_restarts_the_abandonment_clock()
    {
        var customer = Customer();
        var later = Monday10Utc.AddMinutes(40);

        var result = _interpreter.HandleEvent(Entered(customer), Flow, CartChange(customer.CustomerId, later), Context(customer, later));

        Assert.That(result.Run.DueOnUtc, Is.EqualTo(later.AddMinutes(60)));
    }

    [Test]
    public void An_order_before_the_clock_runs_out_ends_the_run_without_a_message()
    {
        var customer = Customer();
        var later = Monday10Utc.AddMinutes(30);

        var result = _interpreter.HandleEvent(Entered(customer), Flow, Order(customer.CustomerId, later), Context(customer, later));

        Assert.That((result.Run.Status, result.Run.EndReason), Is.EqualTo((RunStatus.Exited, "checkedOut")));
        Assert.That(result.Effects, Is.Empty);
    }

    [Test]
    public void Emptying_the_cart_ends_the_run_without_a_message()
    {
        var customer = Customer();
        var later = Monday10Utc.AddMinutes(10);

        var result = _interpreter.HandleEvent(Entered(customer), Flow, CartChange(customer.CustomerId, later, quantity: 0), Context(customer, later));

        Assert.That((result.Run.Status, result.Run.EndReason), Is.EqualTo((RunStatus.Exited, "cartEmptied")));
    }

    [Test]
    public void A_cart_left_for_the_abandonment_minutes_gets_its_message()
    {
        var customer = Customer();
        var due = Monday10Utc.AddMinutes(60);

        var result = _interpreter.Advance(Entered(customer), Flow, Context(customer, due));

        Assert.That(result.Effects.Single().IdempotencyKey, Is.EqualTo("5:mail:1"));
    }
}
