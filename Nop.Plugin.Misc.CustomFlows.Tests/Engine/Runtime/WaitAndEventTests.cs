using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using Nop.Plugin.Misc.CustomFlows.Engine.Facts;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using static Nop.Plugin.Misc.CustomFlows.Tests.Engine.EngineKit;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Engine.Runtime;

[TestFixture]
public class WaitAndEventTests
{
    private readonly FlowInterpreter _interpreter = new();

    private static CompiledFlow TimeWait(string wait) => Compile($$"""
        {{StartOnOrder}},
        { "type": "wait", "id": "step-1", {{wait}}, "next": "end" },
        { "type": "end", "id": "end" }
        """);

    private static readonly CompiledFlow WaitForClick = Compile($$"""
        {{StartOnOrder}},
        { "type": "action", "id": "step-1", "action": { "type": "sendEmail", "template": "Offer" }, "next": "wait" },
        { "type": "wait", "id": "wait", "untilEvent": { "event": "email_clicked", "nodeId": "step-1" }, "timeout": "3d", "next": "no-click", "onEvent": "clicked" },
        { "type": "action", "id": "clicked", "action": { "type": "addTag", "tag": "engaged" }, "next": "end" },
        { "type": "action", "id": "no-click", "action": { "type": "addTag", "tag": "cold" }, "next": "end" },
        { "type": "end", "id": "end" }
        """);

    [Test]
    public void A_wait_until_a_time_of_day_ends_at_that_time_on_the_customers_clock()
    {
        var flow = TimeWait("\"delay\": \"1d\", \"untilTimeOfDay\": \"18:00\"");
        var customer = Customer();
        customer.TimeZone = Warsaw;

        var run = _interpreter.Advance(NewRun(flow, customer, Monday10Utc), flow, Context(customer, Monday10Utc)).Run;

        // Tuesday 18:00 in Warsaw (UTC+1 in November) is 17:00 UTC
        Assert.That(run.DueOnUtc, Is.EqualTo(new DateTime(2026, 11, 24, 17, 0, 0, DateTimeKind.Utc)));
    }

    [Test]
    public void A_customer_without_a_time_zone_waits_on_the_stores_clock()
    {
        var flow = TimeWait("\"untilTimeOfDay\": \"09:00\"");
        var customer = Customer();

        var run = _interpreter.Advance(NewRun(flow, customer, Monday10Utc), flow, Context(customer, Monday10Utc, storeZone: Warsaw)).Run;

        // 11:00 in Warsaw is past 09:00, so the next 09:00 Warsaw time: Tuesday 08:00 UTC
        Assert.That(run.DueOnUtc, Is.EqualTo(new DateTime(2026, 11, 24, 8, 0, 0, DateTimeKind.Utc)));
    }

    [Test]
    public void A_wait_for_weekdays_skips_the_weekend()
    {
        var flow = TimeWait("\"delay\": \"5d\", \"untilTimeOfDay\": \"10:00\", \"onWeekdays\": [\"monday\", \"tuesday\", \"wednesday\", \"thursday\", \"friday\"]");
        var customer = Customer();

        var run = _interpreter.Advance(NewRun(flow, customer, Monday10Utc), flow, Context(customer, Monday10Utc)).Run;

        // Monday + 5 days is Saturday 10:00; the next weekday at 10:00 is Monday 30 November
        Assert.That(run.DueOnUtc, Is.EqualTo(new DateTime(2026, 11, 30, 10, 0, 0, DateTimeKind.Utc)));
    }

    [Test]
    public void An_event_wait_takes_the_event_exit_when_the_awaited_event_comes()
    {
        var customer = Customer();
        var waiting = _interpreter.Advance(NewRun(WaitForClick, customer, Monday10Utc), WaitForClick, Context(customer, Monday10Utc)).Run;
        var click = new FlowEvent { Type = FlowEventType.EmailClicked, CustomerId = customer.CustomerId, OccurredOnUtc = Monday10Utc.AddHours(3), RunId = waiting.RunId, NodeId = "step-1" };

        var result = _interpreter.HandleEvent(waiting, WaitForClick, click, Context(customer, Monday10Utc.AddHours(3)));

        Assert.That(result.Effects.Single().NodeId, Is.EqualTo("clicked"));
        Assert.That(result.Run.Engagements, Does.Contain("step-1:clicked"));
        Assert.That(result.Run.Status, Is.EqualTo(RunStatus.Completed));
    }

    [Test]
    public void An_event_wait_takes_the_timeout_exit_when_the_event_does_not_come()
    {
        var customer = Customer();
        var waiting = _interpreter.Advance(NewRun(WaitForClick, customer, Monday10Utc), WaitForClick, Context(customer, Monday10Utc)).Run;

        var result = _interpreter.Advance(waiting, WaitForClick, Context(customer, Monday10Utc.AddDays(3)));

        Assert.That(result.Effects.Single().NodeId, Is.EqualTo("no-click"));
        Assert.That(result.Records.Select(r => r.Kind), Does.Contain(StepKind.TimedOut));
    }

    [Test]
    public void An_event_after_the_timeout_does_not_count_even_if_the_run_was_not_stepped_yet()
    {
        var customer = Customer();
        var waiting = _interpreter.Advance(NewRun(WaitForClick, customer, Monday10Utc), WaitForClick, Context(customer, Monday10Utc)).Run;
        var lateClick = new FlowEvent { Type = FlowEventType.EmailClicked, CustomerId = customer.CustomerId, OccurredOnUtc = Monday10Utc.AddDays(4), RunId = waiting.RunId, NodeId = "step-1" };

        var afterClick = _interpreter.HandleEvent(waiting, WaitForClick, lateClick, Context(customer, Monday10Utc.AddDays(4))).Run;
        var result = _interpreter.Advance(afterClick, WaitForClick, Context(customer, Monday10Utc.AddDays(4)));

        Assert.That(result.Effects.Single().NodeId, Is.EqualTo("no-click"));
    }

    [Test]
    public void A_click_on_another_runs_email_does_not_end_the_wait()
    {
        var customer = Customer();
        var waiting = _interpreter.Advance(NewRun(WaitForClick, customer, Monday10Utc), WaitForClick, Context(customer, Monday10Utc)).Run;
        var click = new FlowEvent { Type = FlowEventType.EmailClicked, CustomerId = customer.CustomerId, OccurredOnUtc = Monday10Utc.AddHours(1), RunId = waiting.RunId + 1, NodeId = "step-1" };

        var result = _interpreter.HandleEvent(waiting, WaitForClick, click, Context(customer, Monday10Utc.AddHours(1)));

        Assert.That(result.Outcome, Is.EqualTo(StepOutcome.NotDue));
        Assert.That(result.Run.NodeId, Is.EqualTo("wait"));
    }

    [Test]
    public void An_order_while_waiting_converts_the_run_at_once()
    {
        var flow = Compile($$"""
            {{StartOnOrder}},
            { "type": "wait", "id": "step-1", "delay": "7d", "next": "end" },
            { "type": "end", "id": "end" }
            """, goal: """{ "name": "reordered", "condition": { "type": "ordersCount", "value": 1, "sinceEntry": true } }""");
        var customer = Customer();
        var waiting = _interpreter.Advance(NewRun(flow, customer, Monday10Utc), flow, Context(customer, Monday10Utc)).Run;
        var orderTime = Monday10Utc.AddDays(1);
        customer.Orders.Add(new OrderFact(orderTime, 50m, []));

        var result = _interpreter.HandleEvent(waiting, flow, Order(customer.CustomerId, orderTime), Context(customer, orderTime));

        Assert.That((result.Run.Status, result.Run.EndedOnUtc), Is.EqualTo((RunStatus.Converted, (DateTime?)orderTime)));
    }

    [Test]
    public void An_event_of_another_customer_changes_nothing()
    {
        var customer = Customer();
        var waiting = _interpreter.Advance(NewRun(WaitForClick, customer, Monday10Utc), WaitForClick, Context(customer, Monday10Utc)).Run;

        var result = _interpreter.HandleEvent(waiting, WaitForClick, Order(customer.CustomerId + 1, Monday10Utc), Context(customer, Monday10Utc));

        Assert.That(result.Run, Is.SameAs(waiting));
    }
}
