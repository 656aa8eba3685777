using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;
using Nop.Plugin.Misc.CustomFlows.Engine.Guardrails;
using Nop.Plugin.Misc.CustomFlows.Engine.Ports;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using static Nop.Plugin.Misc.CustomFlows.Tests.Engine.EngineKit;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Engine.Guardrails;

[TestFixture]
public class GuardrailTests
{
    private readonly FlowInterpreter _interpreter = new();

    private static CompiledFlow Mailing(string category = "marketing", string settings = "{}") => Compile($$"""
        {{StartOnOrder}},
        { "type": "action", "id": "step-1", "action": { "type": "sendEmail", "template": "Promo", "category": "{{category}}" }, "next": "end" },
        { "type": "end", "id": "end" }
        """, settings);

    private static GuardrailSettings OnePer24Hours() => new()
    {
        MessageBudget = { new MessageBudgetRule { Channel = ActionChannel.Email, Max = 1, Period = TimeSpan.FromHours(24) } }
    };

    private StepResult Advance(CompiledFlow flow, Nop.Plugin.Misc.CustomFlows.Engine.Facts.CustomerSnapshot customer, GuardrailSettings guardrails, DateTime now, FlowRunState run = null) =>
        _interpreter.Advance(run ?? NewRun(flow, customer, now), flow, Context(customer, now, guardrails));

    [Test]
    public void Pausing_all_flows_stops_every_run_where_it_is()
    {
        var customer = Customer();
        var run = NewRun(Mailing(), customer, Monday10Utc);

        var result = Advance(Mailing(), customer, new GuardrailSettings { PauseAll = true }, Monday10Utc, run);

        Assert.That(result.Outcome, Is.EqualTo(StepOutcome.Paused));
        Assert.That(result.Run, Is.SameAs(run));
    }

    [Test]
    public void A_marketing_email_over_the_budget_is_postponed_until_the_budget_frees()
    {
        var customer = Customer();
        customer.Messages.Add(new SentMessage(Monday10Utc.AddHours(-3), ActionChannel.Email, true, "other-flow"));

        var result = Advance(Mailing(), customer, OnePer24Hours(), Monday10Utc);

        Assert.That(result.Effects, Is.Empty);
        Assert.That((result.Run.NodeId, result.Run.WaitReason, result.Run.DueOnUtc), Is.EqualTo(("step-1", WaitReason.Postponed, (DateTime?)Monday10Utc.AddHours(21))));
    }

    [Test]
    public void A_postponed_email_is_sent_when_due_with_the_key_it_would_have_had()
    {
        var customer = Customer();
        customer.Messages.Add(new SentMessage(Monday10Utc.AddHours(-3), ActionChannel.Email, true, "other-flow"));
        var postponed = Advance(Mailing(), customer, OnePer24Hours(), Monday10Utc).Run;

        var result = Advance(Mailing(), customer, OnePer24Hours(), Monday10Utc.AddHours(21), postponed);

        Assert.That(result.Effects.Single().IdempotencyKey, Is.EqualTo("1:step-1:1"));
    }

    [Test]
    public void A_marketing_email_over_the_budget_is_dropped_when_the_flow_says_skip()
    {
        var customer = Customer();
        customer.Messages.Add(new SentMessage(Monday10Utc.AddHours(-3), ActionChannel.Email, true, "other-flow"));

        var result = Advance(Mailing(settings: """{ "whenBudgetExceeded": "skip" }"""), customer, OnePer24Hours(), Monday10Utc);

        Assert.That(result.Effects, Is.Empty);
        Assert.That(result.Run.Status, Is.EqualTo(RunStatus.Completed));
        Assert.That(result.Records.Select(r => (r.Kind, r.Detail)), Does.Contain((StepKind.ActionSkipped, "budget")));
    }

    [Test]
    public void A_transactional_email_is_not_held_by_the_marketing_budget()
    {
        var customer = Customer();
        customer.Messages.Add(new SentMessage(Monday10Utc.AddHours(-3), ActionChannel.Email, true, "other-flow"));

        var result = Advance(Mailing("transactional"), customer, OnePer24Hours(), Monday10Utc);

        Assert.That(result.Effects, Has.Count.EqualTo(1));
    }

    [Test]
    public void Emails_sent_earlier_in_the_same_pass_count_against_the_budget()
    {
        var flow = Compile($$"""
            {{StartOnOrder}},
            { "type": "action", "id": "step-1", "action": { "type": "sendEmail", "template": "One" }, "next": "two" },
            { "type": "action", "id": "two", "action": { "type": "sendEmail", "template": "Two" }, "next": "end" },
            { "type": "end", "id": "end" }
            """);

        var result = Advance(flow, Customer(), OnePer24Hours(), Monday10Utc);

        Assert.That(result.Effects.Select(e => e.NodeId), Is.EqualTo(new[] { "step-1" }));
        Assert.That(result.Run.NodeId, Is.EqualTo("two"));
    }

    [Test]
    public void A_marketing_email_in_quiet_hours_waits_for_their_end_on_the_customers_clock()
    {
        var customer = Customer();
        customer.TimeZone = Warsaw;
        var lateEvening = new DateTime(2026, 11, 23, 21, 30, 0, DateTimeKind.Utc); // 22:30 in Warsaw
        var guardrails = new GuardrailSettings { QuietHours = new QuietHours { Start = new TimeOnly(21, 0), End = new TimeOnly(8, 0) } };

        var result = Advance(Mailing(), customer, guardrails, lateEvening);

        // 08:00 Tuesday in Warsaw
        Assert.That(result.Run.DueOnUtc, Is.EqualTo(new DateTime(2026, 11, 24, 7, 0, 0, DateTimeKind.Utc)));
    }

    [Test]
    public void A_marketing_email_on_a_blackout_date_waits_for_the_next_allowed_morning()
    {
        var customer = Customer();
        var guardrails = new GuardrailSettings
        {
            BlackoutDates = { new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 24) },
            QuietHours = new QuietHours { Start = new TimeOnly(22, 0), End = new TimeOnly(7, 0) }
        };

        var result = Advance(Mailing(), customer, guardrails, Monday10Utc);

        // two blackout days, then midnight is quiet until 07:00
        Assert.That(result.Run.DueOnUtc, Is.EqualTo(new DateTime(2026, 11, 25, 7, 0, 0, DateTimeKind.Utc)));
    }

    [Test]
    public void The_flows_frequency_cap_counts_only_its_own_messages()
    {
        var customer = Customer();
        customer.Messages.Add(new SentMessage(Monday10Utc.AddDays(-1), ActionChannel.Email, true, "f"));
        customer.Messages.Add(new SentMessage(Monday10Utc.AddDays(-1), ActionChannel.Email, true, "other-flow"));
        var capped = Mailing(settings: """{ "frequencyCap": { "max": 1, "period": "7d" } }""");

        var result = Advance(capped, customer, new GuardrailSettings(), Monday10Utc);

        Assert.That(result.Run.DueOnUtc, Is.EqualTo(Monday10Utc.AddDays(6)));
        Assert.That(result.Records.Select(r => r.Detail), Does.Contain("frequencyCap"));
    }

    [Test]
    public void A_limit_frees_when_enough_of_the_oldest_messages_leave_the_window()
    {
        var now = Monday10Utc;
        var sent = new List<DateTime> { now.AddDays(-6), now.AddDays(-2), now.AddDays(-1), now.AddDays(-8) };

        var freesAt = GuardrailCheck.LimitFreesAt(sent, max: 3, period: TimeSpan.FromDays(7), now);

        // three within 7 days; one more fits when the one from 6 days ago leaves, tomorrow
        Assert.That(freesAt, Is.EqualTo(now.AddDays(1)));
    }
}
