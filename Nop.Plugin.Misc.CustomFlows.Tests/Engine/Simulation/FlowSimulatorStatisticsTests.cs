using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using Nop.Plugin.Misc.CustomFlows.Simulation;
using static Nop.Plugin.Misc.CustomFlows.Tests.Engine.Simulation.SimulationScenario;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Engine.Simulation;

[TestFixture]
public class FlowSimulatorStatisticsTests
{
    [Test]
    public void Revenue_counts_only_orders_inside_the_attribution_window_after_a_message()
    {
        // given a mail on 11-02 to a subscribed customer and a 7-day window; orders 3 days (inside) and 9 days (outside)
        // later; and a customer without consent, whose marketing mail is never sent, ordering a day after it
        var flow = Flow("mailer", """{ "event": "customer_registered" }""", """
            { "type": "action", "id": "mail", "action": { "type": "sendEmail", "template": "Hi" }, "next": "end" },
            { "type": "end", "id": "end" }
            """);

        var report = Run(flow, """
            {"at":"2026-11-02T09:00:00Z","type":"newsletter_subscribed","customer":1}
            {"at":"2026-11-02T10:00:00Z","type":"customer_registered","customer":1}
            {"at":"2026-11-02T10:00:00Z","type":"customer_registered","customer":2}
            {"at":"2026-11-03T10:00:00Z","type":"order_placed","customer":2,"value":55}
            {"at":"2026-11-05T10:00:00Z","type":"order_placed","customer":1,"value":120}
            {"at":"2026-11-11T10:00:00Z","type":"order_placed","customer":1,"value":999}
            """, new SimulationOptions { AttributionWindow = TimeSpan.FromDays(7) });

        Assert.That(Flow(report, "mailer").Revenue, Is.EqualTo(120m));
        Assert.That(Flow(report, "mailer").Converted, Is.EqualTo(1), "converted counts the same orders as revenue");
        Assert.That(Node(report, "mailer", "mail").Revenue, Is.EqualTo(120m));
        Assert.That(Node(report, "mailer", "mail").Converted, Is.EqualTo(1));
    }

    [Test]
    public void A_marketing_email_reaches_only_customers_with_newsletter_consent_as_in_the_shop()
    {
        // given a marketing and a transactional e-mail, and customers who order an hour after every message they get
        var flow = Flow("mailer", """{ "event": "customer_registered" }""", """
            { "type": "action", "id": "offer", "action": { "type": "sendEmail", "template": "Offer", "category": "marketing" }, "next": "receipt" },
            { "type": "action", "id": "receipt", "action": { "type": "sendEmail", "template": "Receipt", "category": "transactional" }, "next": "end" },
            { "type": "end", "id": "end" }
            """);

        // when a customer with consent and one without register
        var report = Run(flow, """
            {"at":"2026-11-02T10:00:00Z","type":"customer_registered","customer":1}
            {"at":"2026-11-02T10:00:00Z","type":"customer_registered","customer":2}
            """, new SimulationOptions { Responder = new OrdersOnEveryMessage(50m) }, """{"id":2,"newsletter":true}""");

        // then both e-mails go to the subscriber, only the transactional one to the other customer: the shop's e-mail
        // channel refuses marketing without consent, so that e-mail gets no reaction
        Assert.That(Node(report, "mailer", "offer").Sent["email"], Is.EqualTo(2), "both runs emitted it");
        Assert.That(report.ResponseEvents, Is.EqualTo(3), "reactions to the subscriber's two e-mails and the other's receipt");
    }

    [Test]
    public void A_holdout_branch_sends_nothing_and_uplift_compares_it_with_the_treated_branch()
    {
        // given a 50/50 split with a holdout and customers who order whenever they get the e-mail
        var flow = Flow("welcome", """{ "event": "newsletter_subscribed" }""", """
            { "type": "split", "id": "split", "branches": [
              { "name": "mail", "weight": 1, "next": "mail" },
              { "name": "control", "weight": 1, "holdout": true, "next": "mail" } ] },
            { "type": "action", "id": "mail", "action": { "type": "sendEmail", "template": "Welcome" }, "next": "wait" },
            { "type": "wait", "id": "wait", "delay": "3d", "next": "end" },
            { "type": "end", "id": "end" }
            """, goal: PurchasedGoal);
        var lines = string.Join("\n", Enumerable.Range(1, 60).Select(id => $$"""{"at":"2026-11-02T10:00:00Z","type":"newsletter_subscribed","customer":{{id}}}"""));

        var report = Run(flow, lines, new SimulationOptions { Responder = new OrdersOnEveryMessage(50m) });

        var split = Flow(report, "welcome").Splits.Single();
        var treated = split.Branches.Single(b => b.Name == "mail");
        var control = split.Branches.Single(b => b.Name == "control");
        Assert.That(treated.Runs, Is.GreaterThan(10));
        Assert.That(control.Runs, Is.GreaterThan(10));
        Assert.That(treated.Runs + control.Runs, Is.EqualTo(60));
        Assert.That(Node(report, "welcome", "mail").Sent["email"], Is.EqualTo(treated.Runs), "only treated customers get the mail");
        Assert.That(Node(report, "welcome", "mail").HeldOut, Is.EqualTo(control.Runs));
        Assert.That(control.Converted, Is.Zero);
        Assert.That(treated.Converted, Is.EqualTo(treated.Runs));
        Assert.That(split.Uplift.ConversionUpliftPoints, Is.EqualTo(100.0));
        Assert.That(split.Uplift.TreatedRevenuePerRun, Is.EqualTo(50m));
        Assert.That(split.Uplift.HoldoutRevenuePerRun, Is.Zero);
        Assert.That(split.Uplift.RevenueUpliftPerRun, Is.EqualTo(50m));
    }

    [Test]
    public void Step_statistics_count_arrivals_filter_answers_sends_and_runs_left_waiting()
    {
        // given a filter on the order value: big orders get a mail and wait a week, small ones end
        var flow = Flow("vip", """{ "event": "order_placed" }""", """
            { "type": "filter", "id": "big", "condition": { "type": "eventValue", "op": "gte", "value": 100 }, "yes": "mail", "no": "end" },
            { "type": "action", "id": "mail", "action": { "type": "sendEmail", "template": "Vip" }, "next": "wait" },
            { "type": "wait", "id": "wait", "delay": "7d", "next": "end" },
            { "type": "end", "id": "end" }
            """, settings: """{ "reEntry": { "mode": "everyTime" } }""");

        var report = Run(flow, """
            {"at":"2026-11-02T10:00:00Z","type":"order_placed","customer":1,"value":150}
            {"at":"2026-11-02T11:00:00Z","type":"order_placed","customer":2,"value":20}
            {"at":"2026-11-02T12:00:00Z","type":"order_placed","customer":3,"value":300}
            {"at":"2026-11-02T13:00:00Z","type":"order_placed","customer":4,"value":10}
            {"at":"2026-11-02T14:00:00Z","type":"order_placed","customer":5,"value":99}
            """, new SimulationOptions { Horizon = TimeSpan.FromDays(1) });

        var big = Node(report, "vip", "big");
        Assert.That((big.Entered, big.PassedYes, big.PassedNo), Is.EqualTo((5, 2, 3)));
        Assert.That(Node(report, "vip", "mail").Sent["email"], Is.EqualTo(2));
        Assert.That(Node(report, "vip", "wait").Waiting, Is.EqualTo(2), "the horizon of one day stops the clock before the week is over");
        Assert.That(Node(report, "vip", "end").Completed, Is.EqualTo(3));
        var summary = Flow(report, "vip");
        Assert.That((summary.Entered, summary.Completed, summary.StillWaiting), Is.EqualTo((5, 3, 2)));
    }

    [Test]
    public void Entry_refusals_are_counted_by_reason()
    {
        var flow = Flow("subscribers", """{ "event": "product_viewed" }""", """
            { "type": "wait", "id": "wait", "delay": "1d", "next": "end" },
            { "type": "end", "id": "end" }
            """, settings: """{ "audience": { "type": "newsletterConsent", "subscribed": true } }""");

        var report = Run(flow, """
            {"at":"2026-11-02T10:00:00Z","type":"product_viewed","customer":1,"items":[{"product":3}]}
            {"at":"2026-11-02T10:05:00Z","type":"product_viewed","customer":1,"items":[{"product":4}]}
            {"at":"2026-11-02T10:10:00Z","type":"product_viewed","customer":2,"items":[{"product":3}]}
            """, customerLines: """
            {"id":1,"newsletter":true}
            {"id":2,"newsletter":false}
            """);

        var summary = Flow(report, "subscribers");
        Assert.That(summary.Entered, Is.EqualTo(1));
        Assert.That(summary.NotEntered["alreadyInFlow"], Is.EqualTo(1));
        Assert.That(summary.NotEntered["notInAudience"], Is.EqualTo(1));
    }

    [Test]
    public void The_same_history_and_flows_always_give_the_same_report()
    {
        var flows = new[] { Flow("thanks", """{ "event": "order_placed" }""", """
            { "type": "split", "id": "split", "branches": [ { "name": "A", "weight": 1, "next": "end" }, { "name": "B", "weight": 1, "next": "end" } ] },
            { "type": "end", "id": "end" }
            """) };
        var shop = SampleShop.Generate(seed: 3, customerCount: 200, days: 5);
        string Once()
        {
            var copy = SampleShop.Generate(seed: 3, customerCount: 200, days: 5);
            var report = new FlowSimulator(flows.Select(f => CompiledFlow.Compile(Nop.Plugin.Misc.CustomFlows.Engine.Serialization.FlowJson.Deserialize(f))), new SimulationOptions { Responder = new SampleShopResponder() })
                .Run(copy.Events, copy.Customers);
            var text = new StringWriter();
            SimulationReportWriter.WriteJson(report, text);
            return text.ToString();
        }

        Assert.That(shop.Events, Is.Not.Empty);
        Assert.That(Once(), Is.EqualTo(Once()));
    }

    /// <summary>A customer who orders an hour after every message.</summary>
    private sealed class OrdersOnEveryMessage(decimal total) : IMessageResponder
    {
        public IEnumerable<SimulationEvent> Respond(FlowEffect effect, SimulatedCustomer customer)
        {
            var at = effect.CreatedOnUtc.AddHours(1);
            yield return new SimulationEvent
            {
                OccurredOnUtc = at,
                CustomerId = customer.Id,
                Event = new FlowEvent { Type = FlowEventType.OrderPlaced, CustomerId = customer.Id, OccurredOnUtc = at, Value = total, Quantity = 1 }
            };
        }
    }
}
