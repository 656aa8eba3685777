using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;
using Nop.Plugin.Misc.CustomFlows.Engine.Facts;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using Nop.Plugin.Misc.CustomFlows.Engine.Serialization;
using static Nop.Plugin.Misc.CustomFlows.Tests.Engine.EngineKit;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Engine.Runtime;

[TestFixture]
public class FlowInterpreterTests
{
    private readonly FlowInterpreter _interpreter = new();

    private static readonly CompiledFlow ThankThenRemind = Compile($$"""
        {{StartOnOrder}},
        { "type": "action", "id": "step-1", "action": { "type": "sendEmail", "template": "Thanks", "category": "transactional" }, "next": "wait" },
        { "type": "wait", "id": "wait", "delay": "2d", "next": "remind" },
        { "type": "action", "id": "remind", "action": { "type": "sendEmail", "template": "Coupon" }, "next": "end" },
        { "type": "end", "id": "end" }
        """);

    [Test]
    public void A_new_run_does_everything_up_to_the_first_wait_and_waits_there_for_the_delay()
    {
        var customer = Customer();
        var run = NewRun(ThankThenRemind, customer, Monday10Utc);

        var result = _interpreter.Advance(run, ThankThenRemind, Context(customer, Monday10Utc));

        Assert.That(result.Outcome, Is.EqualTo(StepOutcome.Waiting));
        Assert.That(result.Run.NodeId, Is.EqualTo("wait"));
        Assert.That(result.Run.DueOnUtc, Is.EqualTo(Monday10Utc.AddDays(2)));
        Assert.That(result.Effects.Select(e => ((SendEmailAction)e.Action).Template), Is.EqualTo(new[] { "Thanks" }));
    }

    [Test]
    public void An_effect_carries_the_run_node_and_visit_as_its_idempotency_key()
    {
        var customer = Customer();
        var run = NewRun(ThankThenRemind, customer, Monday10Utc, runId: 42);

        var effect = _interpreter.Advance(run, ThankThenRemind, Context(customer, Monday10Utc)).Effects.Single();

        Assert.That(effect.IdempotencyKey, Is.EqualTo("42:step-1:1"));
        Assert.That((effect.RunId, effect.NodeId, effect.Visit, effect.CustomerId), Is.EqualTo((42L, "step-1", 1, customer.CustomerId)));
    }

    [Test]
    public void A_waiting_run_that_is_not_due_is_returned_unchanged()
    {
        var customer = Customer();
        var waiting = _interpreter.Advance(NewRun(ThankThenRemind, customer, Monday10Utc), ThankThenRemind, Context(customer, Monday10Utc)).Run;

        var result = _interpreter.Advance(waiting, ThankThenRemind, Context(customer, Monday10Utc.AddDays(1)));

        Assert.That(result.Outcome, Is.EqualTo(StepOutcome.NotDue));
        Assert.That(result.Run, Is.SameAs(waiting));
        Assert.That(result.Effects, Is.Empty);
    }

    [Test]
    public void A_due_run_goes_on_after_the_wait_to_the_end()
    {
        var customer = Customer();
        var waiting = _interpreter.Advance(NewRun(ThankThenRemind, customer, Monday10Utc), ThankThenRemind, Context(customer, Monday10Utc)).Run;

        var result = _interpreter.Advance(waiting, ThankThenRemind, Context(customer, Monday10Utc.AddDays(2)));

        Assert.That(result.Outcome, Is.EqualTo(StepOutcome.Ended));
        Assert.That(result.Run.Status, Is.EqualTo(RunStatus.Completed));
        Assert.That(result.Effects.Single().IdempotencyKey, Is.EqualTo("1:remind:1"));
    }

    [Test]
    public void The_state_passed_in_is_never_modified()
    {
        var customer = Customer();
        var run = NewRun(ThankThenRemind, customer, Monday10Utc);
        var before = System.Text.Json.JsonSerializer.Serialize(run, FlowJson.Options);

        _interpreter.Advance(run, ThankThenRemind, Context(customer, Monday10Utc));

        Assert.That(System.Text.Json.JsonSerializer.Serialize(run, FlowJson.Options), Is.EqualTo(before));
    }

    [Test]
    public void The_same_input_gives_the_same_state_and_effects()
    {
        var customer = Customer();
        var run = NewRun(ThankThenRemind, customer, Monday10Utc);

        string Once() => System.Text.Json.JsonSerializer.Serialize(_interpreter.Advance(run, ThankThenRemind, Context(customer, Monday10Utc)), FlowJson.Options);

        Assert.That(Once(), Is.EqualTo(Once()));
    }

    [Test]
    public void A_filter_sends_the_run_down_the_no_exit_when_its_condition_fails()
    {
        var flow = Compile($$"""
            {{StartOnOrder}},
            { "type": "filter", "id": "step-1", "condition": { "type": "hasTag", "tag": "vip" }, "yes": "vip-mail", "no": "end" },
            { "type": "action", "id": "vip-mail", "action": { "type": "sendEmail", "template": "Vip" }, "next": "end" },
            { "type": "end", "id": "end" }
            """);
        var customer = Customer();

        var result = _interpreter.Advance(NewRun(flow, customer, Monday10Utc), flow, Context(customer, Monday10Utc));

        Assert.That(result.Effects, Is.Empty);
        Assert.That(result.Records.Select(r => r.Kind), Does.Contain(StepKind.PassedNo));
        Assert.That(result.Run.Status, Is.EqualTo(RunStatus.Completed));
    }

    [Test]
    public void A_run_is_pinned_to_its_flow_version_and_refuses_another()
    {
        var customer = Customer();
        var run = NewRun(ThankThenRemind, customer, Monday10Utc);
        var version2 = Compile($$"""{{StartOnOrder}}, { "type": "end", "id": "step-1" }""", version: 2);

        var ex = Assert.Throws<InvalidOperationException>(() => _interpreter.Advance(run, version2, Context(customer, Monday10Utc)));

        Assert.That(ex.Message, Does.Contain("v1").And.Contain("v2"));
    }

    [Test]
    public void A_run_taking_more_steps_than_allowed_per_call_is_left_active_and_due_now()
    {
        var interpreter = new FlowInterpreter(new InterpreterOptions { MaxStepsPerCall = 2 });
        var customer = Customer();

        var first = interpreter.Advance(NewRun(ThankThenRemind, customer, Monday10Utc), ThankThenRemind, Context(customer, Monday10Utc));
        var second = interpreter.Advance(first.Run, ThankThenRemind, Context(customer, Monday10Utc));

        Assert.That(first.Outcome, Is.EqualTo(StepOutcome.StepLimitReached));
        Assert.That((first.Run.Status, first.Run.DueOnUtc), Is.EqualTo((RunStatus.Active, (DateTime?)Monday10Utc)));
        Assert.That(second.Outcome, Is.EqualTo(StepOutcome.Waiting));
        Assert.That(second.Run.NodeId, Is.EqualTo("wait"));
    }

    [Test]
    public void A_jump_repeats_its_target_as_often_as_allowed_with_a_new_key_each_visit()
    {
        var flow = Compile($$"""
            {{StartOnOrder}},
            { "type": "action", "id": "step-1", "action": { "type": "sendEmail", "template": "Nudge" }, "next": "wait" },
            { "type": "wait", "id": "wait", "delay": "1d", "next": "again" },
            { "type": "jump", "id": "again", "target": "step-1", "maxRepetitions": 2, "next": "end" },
            { "type": "end", "id": "end" }
            """);
        var customer = Customer();
        var keys = new List<string>();
        var run = NewRun(flow, customer, Monday10Utc);

        for (var day = 0; day < 6 && !run.IsEnded; day++)
        {
            var result = _interpreter.Advance(run, flow, Context(customer, Monday10Utc.AddDays(day)));
            keys.AddRange(result.Effects.Select(e => e.IdempotencyKey));
            run = result.Run;
        }

        Assert.That(keys, Is.EqualTo(new[] { "1:step-1:1", "1:step-1:2", "1:step-1:3" }));
        Assert.That(run.Status, Is.EqualTo(RunStatus.Completed));
    }

    [Test]
    public void A_run_in_a_flow_whose_goal_is_met_ends_as_converted_before_its_next_step()
    {
        var flow = Compile($$"""
            {{StartOnOrder}},
            { "type": "wait", "id": "step-1", "delay": "2d", "next": "remind" },
            { "type": "action", "id": "remind", "action": { "type": "sendEmail", "template": "Coupon" }, "next": "end" },
            { "type": "end", "id": "end" }
            """, goal: """{ "name": "purchased", "condition": { "type": "ordersCount", "op": "gte", "value": 1, "sinceEntry": true } }""");
        var customer = Customer();
        var waiting = _interpreter.Advance(NewRun(flow, customer, Monday10Utc), flow, Context(customer, Monday10Utc)).Run;

        customer.Orders.Add(new OrderFact(Monday10Utc.AddDays(1), 80m, []));
        var result = _interpreter.Advance(waiting, flow, Context(customer, Monday10Utc.AddDays(2)));

        Assert.That((result.Run.Status, result.Run.EndReason), Is.EqualTo((RunStatus.Converted, "purchased")));
        Assert.That(result.Effects, Is.Empty);
    }

    [Test]
    public void The_order_that_started_the_run_does_not_count_as_its_conversion()
    {
        var flow = Compile($$"""
            {{StartOnOrder}},
            { "type": "wait", "id": "step-1", "delay": "2d", "next": "end" },
            { "type": "end", "id": "end" }
            """, goal: """{ "condition": { "type": "ordersCount", "value": 1, "sinceEntry": true } }""");
        var customer = Customer();
        customer.Orders.Add(new OrderFact(Monday10Utc, 80m, []));

        var result = _interpreter.Advance(NewRun(flow, customer, Monday10Utc), flow, Context(customer, Monday10Utc));

        Assert.That(result.Run.Status, Is.EqualTo(RunStatus.Waiting));
    }

    [Test]
    public void A_run_meeting_an_exit_condition_ends_as_exited_with_its_name()
    {
        var customer = Customer();
        var flow = Compile($$"""
            {{StartOnOrder}},
            { "type": "action", "id": "step-1", "action": { "type": "sendEmail", "template": "News" }, "next": "end" },
            { "type": "end", "id": "end" }
            """, exits: """[ { "name": "unsubscribed", "condition": { "type": "newsletterConsent", "subscribed": false } } ]""");
        customer.NewsletterSubscribed = false;

        var result = _interpreter.Advance(NewRun(flow, customer, Monday10Utc), flow, Context(customer, Monday10Utc));

        Assert.That((result.Run.Status, result.Run.EndReason), Is.EqualTo((RunStatus.Exited, "unsubscribed")));
        Assert.That(result.Effects, Is.Empty);
    }

    [Test]
    public void An_ended_run_is_left_alone()
    {
        var customer = Customer();
        var waiting = _interpreter.Advance(NewRun(ThankThenRemind, customer, Monday10Utc), ThankThenRemind, Context(customer, Monday10Utc)).Run;
        var ended = _interpreter.Advance(waiting, ThankThenRemind, Context(customer, Monday10Utc.AddDays(2))).Run;
        Assert.That(ended.IsEnded, Is.True);

        var result = _interpreter.Advance(ended, ThankThenRemind, Context(customer, Monday10Utc.AddDays(9)));

        Assert.That(result.Outcome, Is.EqualTo(StepOutcome.AlreadyEnded));
        Assert.That(result.Run, Is.SameAs(ended));
    }
}
