using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;
using Nop.Plugin.Misc.CustomFlows.Engine.Guardrails;
using Nop.Plugin.Misc.CustomFlows.Simulation;
using static Nop.Plugin.Misc.CustomFlows.Tests.Engine.Simulation.SimulationScenario;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Engine.Simulation;

[TestFixture]
public class FlowSimulatorTimelineTests
{
    private const string OrderTrigger = """{ "event": "order_placed" }""";

    private const string WaitThenMail = """
        { "type": "wait", "id": "wait", "delay": "2d", "next": "mail" },
        { "type": "action", "id": "mail", "action": { "type": "sendEmail", "template": "Thanks" }, "next": "end" },
        { "type": "end", "id": "end" }
        """;

    [Test]
    public void A_wait_resumes_when_the_virtual_clock_reaches_its_due_time_even_after_the_last_event()
    {
        // given an order on Monday 10:00 and a flow that waits two days before mailing
        var report = Run(Flow("thanks", OrderTrigger, WaitThenMail), """
            {"at":"2026-11-02T10:00:00Z","type":"order_placed","customer":1,"value":80}
            """);

        // then the mail goes on Wednesday 10:00, not at the order and not at the end of the history
        Assert.That(Timeline(report, 1), Is.EqualTo(new[]
        {
            "11-02 10:00 thanks start entered order_placed",
            "11-02 10:00 thanks wait waiting until 2026-11-04T10:00:00Z",
            "11-04 10:00 thanks wait waitEnded",
            "11-04 10:00 thanks mail sent email Thanks",
            "11-04 10:00 thanks end ended"
        }));
        Assert.That(report.EndedOnUtc, Is.EqualTo(new DateTime(2026, 11, 4, 10, 0, 0, DateTimeKind.Utc)), "the clock runs on to the last due run and stops there");
    }

    [Test]
    public void Due_runs_step_between_events_in_time_order()
    {
        // given two orders two days apart: the first customer's wait is due before the second order
        var report = Run(Flow("thanks", OrderTrigger, WaitThenMail), """
            {"at":"2026-11-02T10:00:00Z","type":"order_placed","customer":1,"value":80}
            {"at":"2026-11-05T09:00:00Z","type":"order_placed","customer":2,"value":80}
            """, new SimulationOptions { Horizon = TimeSpan.Zero });

        // then with no horizon after the last event, only the first customer's wait (due before it) resumed
        Assert.That(Timeline(report, 1), Does.Contain("11-04 10:00 thanks mail sent email Thanks"));
        Assert.That(Timeline(report, 2).Last(), Is.EqualTo("11-07 09:00 thanks wait stillWaiting due 2026-11-07T09:00:00Z"));
        Assert.That(report.StoppedAtHorizon, Is.True);
        Assert.That(Node(report, "thanks", "wait").Waiting, Is.EqualTo(1));
    }

    [Test]
    public void Quiet_hours_postpone_a_marketing_email_to_their_end_on_the_customers_clock()
    {
        // given quiet hours 21:00-08:00 and a customer in Warsaw (UTC+1 in November) ordering at 21:30 UTC (22:30 local)
        var options = new SimulationOptions { Guardrails = new GuardrailSettings { QuietHours = new QuietHours { Start = new TimeOnly(21, 0), End = new TimeOnly(8, 0) } } };
        var flow = Flow("promo", OrderTrigger, """
            { "type": "action", "id": "mail", "action": { "type": "sendEmail", "template": "Promo" }, "next": "end" },
            { "type": "end", "id": "end" }
            """);

        var report = Run(flow, """{"at":"2026-11-02T21:30:00Z","type":"order_placed","customer":1,"value":10}""", options,
            """{"id":1,"timeZone":"Europe/Warsaw"}""");

        // then it is postponed to 08:00 Warsaw time, 07:00 UTC, and sent then
        Assert.That(Timeline(report, 1), Is.EqualTo(new[]
        {
            "11-02 21:30 promo start entered order_placed",
            "11-02 21:30 promo mail postponed quietHoursOrBlackout",
            "11-02 21:30 promo mail waiting until 2026-11-03T07:00:00Z",
            "11-03 07:00 promo mail sent email Promo",
            "11-03 07:00 promo end ended"
        }));
        Assert.That(Node(report, "promo", "mail").Postponed, Is.EqualTo(1));
    }

    [Test]
    public void The_message_budget_spans_flows_so_the_lower_priority_flow_waits_for_the_budget()
    {
        // given one e-mail per 24 h across all flows and two flows started by the same order
        var options = new SimulationOptions { Guardrails = new GuardrailSettings { MessageBudget = [new MessageBudgetRule { Channel = ActionChannel.Email, Max = 1, Period = TimeSpan.FromHours(24) }] } };
        const string mail = """
            { "type": "action", "id": "mail", "action": { "type": "sendEmail", "template": "M" }, "next": "end" },
            { "type": "end", "id": "end" }
            """;
        var important = Flow("important", OrderTrigger, mail, settings: """{ "priority": 10 }""");
        var minor = Flow("minor", OrderTrigger, mail, settings: """{ "priority": 1 }""");

        var report = Run([minor, important], """{"at":"2026-11-02T10:00:00Z","type":"order_placed","customer":1,"value":10}""", options);

        // then the higher priority flow sends at once and the other one 24 h later
        var timeline = Timeline(report, 1);
        Assert.That(timeline, Does.Contain("11-02 10:00 important mail sent email M"));
        Assert.That(timeline, Does.Contain("11-02 10:00 minor mail postponed budget"));
        Assert.That(timeline, Does.Contain("11-03 10:00 minor mail sent email M"));
        Assert.That(timeline.IndexOf("11-02 10:00 important mail sent email M"), Is.LessThan(timeline.IndexOf("11-02 10:00 minor mail postponed budget")));
    }

    [Test]
    public void The_message_budget_skips_the_second_flows_message_when_that_flow_says_skip()
    {
        var options = new SimulationOptions { Guardrails = new GuardrailSettings { MessageBudget = [new MessageBudgetRule { Max = 1, Period = TimeSpan.FromDays(1) }] } };
        const string mail = """
            { "type": "action", "id": "mail", "action": { "type": "sendEmail", "template": "M" }, "next": "end" },
            { "type": "end", "id": "end" }
            """;
        var first = Flow("first", OrderTrigger, mail, settings: """{ "priority": 5 }""");
        var second = Flow("second", OrderTrigger, mail, settings: """{ "priority": 1, "whenBudgetExceeded": "skip" }""");

        var report = Run([first, second], """{"at":"2026-11-02T10:00:00Z","type":"order_placed","customer":1,"value":10}""", options);

        Assert.That(Node(report, "second", "mail").Skipped, Is.EqualTo(1));
        Assert.That(Flow(report, "second").Sent, Is.Empty, "the skipped message is not sent later either");
        Assert.That(Flow(report, "second").Completed, Is.EqualTo(1), "skip goes on with the next step");
        Assert.That(Flow(report, "first").Sent["email"], Is.EqualTo(1));
    }

    [Test]
    public void Reaching_the_goal_converts_the_run_and_stops_its_further_messages()
    {
        // given a cart reminder now and another one a day later, and an order two hours after the cart
        var flow = Flow("cart", """{ "event": "cart_updated" }""", """
            { "type": "action", "id": "mail-1", "action": { "type": "sendEmail", "template": "R1" }, "next": "wait" },
            { "type": "wait", "id": "wait", "delay": "1d", "next": "mail-2" },
            { "type": "action", "id": "mail-2", "action": { "type": "sendEmail", "template": "R2" }, "next": "end" },
            { "type": "end", "id": "end" }
            """, goal: PurchasedGoal);

        var report = Run(flow, """
            {"at":"2026-11-02T10:00:00Z","type":"cart_updated","customer":1,"change":"itemAdded","items":[{"product":5,"price":20}]}
            {"at":"2026-11-02T12:00:00Z","type":"order_placed","customer":1,"items":[{"product":5,"price":20}]}
            """);

        // then the order converts the waiting run at once and R2 is never sent
        Assert.That(Timeline(report, 1), Is.EqualTo(new[]
        {
            "11-02 10:00 cart start entered cart_updated",
            "11-02 10:00 cart mail-1 sent email R1",
            "11-02 10:00 cart wait waiting until 2026-11-03T10:00:00Z",
            "11-02 12:00 cart wait converted purchased"
        }));
        Assert.That(Flow(report, "cart").GoalReached, Is.EqualTo(1));
        Assert.That(Node(report, "cart", "wait").GoalReached, Is.EqualTo(1));
        Assert.That(Node(report, "cart", "mail-2").Sent, Is.Empty);
    }

    [Test]
    public void An_email_click_in_the_event_stream_ends_the_event_wait_of_the_run_that_sent_the_email()
    {
        var flow = Flow("click", OrderTrigger, """
            { "type": "action", "id": "mail", "action": { "type": "sendEmail", "template": "M" }, "next": "wait" },
            { "type": "wait", "id": "wait", "untilEvent": { "event": "email_clicked", "nodeId": "mail" }, "timeout": "2d", "next": "end", "onEvent": "tag" },
            { "type": "action", "id": "tag", "action": { "type": "addTag", "tag": "clicker" }, "next": "end" },
            { "type": "end", "id": "end" }
            """);

        var report = Run(flow, """
            {"at":"2026-11-02T10:00:00Z","type":"order_placed","customer":1,"value":10}
            {"at":"2026-11-02T10:00:00Z","type":"order_placed","customer":2,"value":10}
            {"at":"2026-11-02T15:00:00Z","type":"email_clicked","customer":1,"flow":"click","node":"mail"}
            """);

        Assert.That(Timeline(report, 1), Does.Contain("11-02 15:00 click wait eventReceived email_clicked"));
        Assert.That(Timeline(report, 1), Does.Contain("11-02 15:00 click tag sent addTag clicker"));
        Assert.That(Timeline(report, 2), Does.Contain("11-04 10:00 click wait timedOut"), "the other customer's run did not get the click");
        Assert.That(Node(report, "click", "tag").Sent["customerData"], Is.EqualTo(1));
    }

    [Test]
    public void An_abandoned_cart_flow_goes_on_only_when_no_order_follows_within_the_minutes()
    {
        var flow = Flow("abandoned", """{ "event": "cart_updated", "cartChange": "abandoned", "abandonedAfterMinutes": 60 }""", """
            { "type": "action", "id": "mail", "action": { "type": "sendEmail", "template": "Cart" }, "next": "end" },
            { "type": "end", "id": "end" }
            """);

        var report = Run(flow, """
            {"at":"2026-11-02T10:00:00Z","type":"cart_updated","customer":1,"change":"itemAdded","items":[{"product":5,"price":20}]}
            {"at":"2026-11-02T10:00:00Z","type":"cart_updated","customer":2,"change":"itemAdded","items":[{"product":5,"price":20}]}
            {"at":"2026-11-02T10:30:00Z","type":"order_placed","customer":2,"items":[{"product":5,"price":20}]}
            """);

        Assert.That(Timeline(report, 1), Does.Contain("11-02 11:00 abandoned mail sent email Cart"));
        Assert.That(Timeline(report, 2), Does.Contain("11-02 10:30 abandoned start exited checkedOut"));
        Assert.That(Flow(report, "abandoned").Sent["email"], Is.EqualTo(1));
    }

    [Test]
    public void During_a_pause_nobody_enters_and_due_runs_wait_until_the_pause_ends()
    {
        var options = new SimulationOptions
        {
            Pauses = [new PausePeriod(new DateTime(2026, 11, 3, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 5, 0, 0, 0, DateTimeKind.Utc))]
        };

        var report = Run(Flow("thanks", OrderTrigger, WaitThenMail), """
            {"at":"2026-11-02T10:00:00Z","type":"order_placed","customer":1,"value":80}
            {"at":"2026-11-03T10:00:00Z","type":"order_placed","customer":2,"value":80}
            """, options);

        Assert.That(Timeline(report, 1), Does.Contain("11-05 00:00 thanks mail sent email Thanks"), "the wait was due on 11-04 10:00, inside the pause");
        Assert.That(Flow(report, "thanks").NotEntered["paused"], Is.EqualTo(1));
        Assert.That(report.Timelines.Any(t => t.CustomerId == 2), Is.False);
    }

    [Test]
    public void The_daily_job_raises_a_birthday_event_on_the_customers_birthday()
    {
        var flow = Flow("birthday", """{ "event": "date", "dateField": "birthday", "annual": true }""", """
            { "type": "action", "id": "mail", "action": { "type": "sendEmail", "template": "Birthday" }, "next": "end" },
            { "type": "end", "id": "end" }
            """);

        var report = Run(flow, """
            {"at":"2026-11-02T09:00:00Z","type":"product_viewed","customer":1,"items":[{"product":1}]}
            {"at":"2026-11-06T09:00:00Z","type":"product_viewed","customer":2,"items":[{"product":1}]}
            """, customerLines: """
            {"id":1,"dateOfBirth":"1990-11-04"}
            {"id":2,"dateOfBirth":"1990-12-24"}
            """);

        Assert.That(Timeline(report, 1), Does.Contain("11-04 09:00 birthday mail sent email Birthday"), "the shop's date job runs at 09:00 by default");
        Assert.That(report.Timelines.Any(t => t.CustomerId == 2), Is.False, "not customer 2's birthday within the history");
        Assert.That(report.DateEvents, Is.EqualTo(1));
    }

    [Test]
    public void The_daily_job_raises_dates_for_the_stores_day_as_the_shops_job_does()
    {
        // given a store in Warsaw whose job runs at 09:00 (08:00 UTC), and a customer in Honolulu (10 hours behind UTC)
        var flow = Flow("birthday", """{ "event": "date", "dateField": "birthday", "annual": true }""", """
            { "type": "wait", "id": "morning", "delay": "0m", "untilTimeOfDay": "09:00", "next": "mail" },
            { "type": "action", "id": "mail", "action": { "type": "sendEmail", "template": "Birthday" }, "next": "end" },
            { "type": "end", "id": "end" }
            """);
        var options = new SimulationOptions { StoreTimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw"), DailyJobAt = new TimeOnly(9, 0) };

        var report = Run(flow, """
            {"at":"2026-11-02T09:00:00Z","type":"product_viewed","customer":1,"items":[{"product":1}]}
            {"at":"2026-11-06T09:00:00Z","type":"product_viewed","customer":1,"items":[{"product":1}]}
            """, options, """{"id":1,"dateOfBirth":"1990-11-04","timeZone":"Pacific/Honolulu"}""");

        // then the job of the store's 4 November starts the flow (22:00 on the 3rd in Honolulu) and the e-mail goes at 09:00 on the customer's birthday
        var timeline = Timeline(report, 1);
        Assert.That(timeline[0], Is.EqualTo("11-04 08:00 birthday start entered date"));
        Assert.That(timeline, Does.Contain("11-04 19:00 birthday mail sent email Birthday"));
    }

    [Test]
    public void The_daily_job_runs_at_the_hour_the_shop_runs_it_unless_told_otherwise()
    {
        var shop = new Nop.Plugin.Misc.CustomFlows.CustomFlowsSettings();

        Assert.That(new SimulationOptions().DailyJobAt, Is.EqualTo(new TimeOnly(shop.DateTriggerHour, 0)));
        Assert.That(new Nop.Plugin.Misc.CustomFlows.Scheduling.FlowSchedulerSettings().DateTriggerHour, Is.EqualTo(shop.DateTriggerHour));
    }

    [TestCase("2027-02-20T08:00:00Z", "2027-03-03T08:00:00Z", "02-28 09:00", TestName = "on 28 February in a year without 29 February")]
    [TestCase("2028-02-20T08:00:00Z", "2028-03-03T08:00:00Z", "02-29 09:00", TestName = "on 29 February in a leap year")]
    public void A_birthday_on_29_february_is_celebrated_once_a_year(string from, string to, string when)
    {
        var flow = Flow("birthday", """{ "event": "date", "dateField": "birthday", "annual": true }""", """
            { "type": "action", "id": "mail", "action": { "type": "sendEmail", "template": "Birthday" }, "next": "end" },
            { "type": "end", "id": "end" }
            """);

        var report = Run(flow, $$"""
            {"at":"{{from}}","type":"product_viewed","customer":2,"items":[{"product":1}]}
            {"at":"{{to}}","type":"product_viewed","customer":2,"items":[{"product":1}]}
            """, customerLines: """{"id":1,"dateOfBirth":"2000-02-29"}""");

        Assert.That(Timeline(report, 1).Where(line => line.Contains("sent")), Is.EqualTo(new[] { $"{when} birthday mail sent email Birthday" }));
        Assert.That(report.DateEvents, Is.EqualTo(1));
    }
}
