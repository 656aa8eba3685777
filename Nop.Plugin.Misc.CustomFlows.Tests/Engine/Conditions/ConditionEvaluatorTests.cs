using Nop.Plugin.Misc.CustomFlows.Engine.Conditions;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Conditions;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Triggers;
using Nop.Plugin.Misc.CustomFlows.Engine.Facts;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using static Nop.Plugin.Misc.CustomFlows.Tests.Engine.EngineKit;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Engine.Conditions;

[TestFixture]
public class ConditionEvaluatorTests
{
    private static readonly CompiledFlow AnyFlow = Compile($$"""{{StartOnOrder}}, { "type": "end", "id": "step-1" }""");

    private static bool Evaluate(FlowCondition condition, CustomerSnapshot customer, FlowRunState run = null, DateTime? now = null) =>
        ConditionEvaluator.Evaluate(condition, new ConditionContext(customer, run ?? NewRun(AnyFlow, customer, Monday10Utc), now ?? Monday10Utc, "step-1"));

    private static CustomerSnapshot WithOrdersDaysAgo(params int[] daysAgo)
    {
        var customer = Customer();
        foreach (var days in daysAgo)
            customer.Orders.Add(new OrderFact(Monday10Utc.AddDays(-days), 100m, [new ProductRef(9, [12], [5])]));
        return customer;
    }

    [Test]
    public void Orders_within_n_days_count_only_the_recent_ones()
    {
        var customer = WithOrdersDaysAgo(5, 40, 400);

        Assert.That(Evaluate(new OrdersCountCondition { Op = Comparison.Eq, Value = 2, WithinDays = 60 }, customer), Is.True);
        Assert.That(Evaluate(new AmountSpentCondition { Op = Comparison.Eq, Value = 300 }, customer), Is.True);
    }

    [Test]
    public void Days_since_last_order_never_holds_for_a_customer_without_orders()
    {
        var condition = new DaysSinceLastOrderCondition { Op = Comparison.Gt, Value = 90 };

        Assert.That(Evaluate(condition, WithOrdersDaysAgo(120)), Is.True);
        Assert.That(Evaluate(condition, WithOrdersDaysAgo(10)), Is.False);
        Assert.That(Evaluate(condition, Customer()), Is.False);
    }

    [Test]
    public void A_purchase_since_entry_counts_products_of_subcategories_when_asked()
    {
        var customer = Customer();
        var run = NewRun(AnyFlow, customer, Monday10Utc.AddDays(-3));
        customer.Orders.Add(new OrderFact(Monday10Utc.AddDays(-1), 60m, [new ProductRef(9, [12], [5])]));

        Assert.That(Evaluate(new PurchasedSinceEntryCondition { Scope = new ProductScope { Kind = ProductScopeKind.Category, Id = 5, IncludeSubcategories = true } }, customer, run), Is.True);
        Assert.That(Evaluate(new PurchasedSinceEntryCondition { Scope = new ProductScope { Kind = ProductScopeKind.Category, Id = 5 } }, customer, run), Is.False);
    }

    [Test]
    public void All_any_and_not_combine_as_in_logic()
    {
        var customer = Customer();
        customer.Tags.Add("vip");
        customer.CountryCode = "PL";
        var vip = new HasTagCondition { Tag = "VIP" };
        var german = new CountryCondition { Countries = { "DE" } };

        Assert.That(Evaluate(new AllCondition { Conditions = { vip, new NotCondition { Condition = german } } }, customer), Is.True);
        Assert.That(Evaluate(new AnyCondition { Conditions = { german } }, customer), Is.False);
        Assert.That(Evaluate(new AnyCondition(), customer), Is.False);
        Assert.That(Evaluate(new AllCondition(), customer), Is.True);
    }

    [Test]
    public void A_random_percentage_gives_the_same_answer_for_the_same_run_and_about_the_share_over_many_runs()
    {
        var customer = Customer();
        var condition = new RandomPercentCondition { Percent = 30 };
        var answers = Enumerable.Range(1, 5000).Select(runId => Evaluate(condition, customer, NewRun(AnyFlow, customer, Monday10Utc, runId))).ToList();
        var again = Enumerable.Range(1, 5000).Select(runId => Evaluate(condition, customer, NewRun(AnyFlow, customer, Monday10Utc, runId))).ToList();

        Assert.That(again, Is.EqualTo(answers));
        Assert.That(answers.Count(yes => yes), Is.InRange(1350, 1650));
    }

    [Test]
    public void Conditions_on_the_triggering_event_see_its_value_and_products()
    {
        var customer = Customer();
        var run = NewRun(AnyFlow, customer, Monday10Utc, trigger: Order(customer.CustomerId, Monday10Utc, 420m, 9));

        Assert.That(Evaluate(new EventValueCondition { Op = Comparison.Gte, Value = 400 }, customer, run), Is.True);
        Assert.That(Evaluate(new EventContainsCondition { Scope = new ProductScope { Kind = ProductScopeKind.Product, Id = 9 } }, customer, run), Is.True);
        Assert.That(Evaluate(new EventContainsCondition { Scope = new ProductScope { Kind = ProductScopeKind.Product, Id = 8 } }, customer, run), Is.False);
    }

    [Test]
    public void Email_engagement_is_read_from_the_run_and_not_confused_with_pop_up_clicks()
    {
        var customer = Customer();
        var run = NewRun(AnyFlow, customer, Monday10Utc);
        run.Engagements.Add("popup-1" + EngagementKey.PopupSuffix(Engagement.Clicked));

        Assert.That(Evaluate(new PopupEngagementCondition { NodeId = "popup-1", Engagement = Engagement.Clicked }, customer, run), Is.True);
        Assert.That(Evaluate(new EmailEngagementCondition { Engagement = Engagement.Clicked }, customer, run), Is.False);
    }

    [Test]
    public void Customer_profile_conditions_read_the_facts()
    {
        var customer = Customer();
        customer.Score = 40;
        customer.FunnelStage = "lead";
        customer.LanguageCode = "pl";
        customer.Roles.Add("Registered");
        customer.CartValue = 250m;
        customer.Cart.Add(ProductRef.Of(3));

        Assert.That(Evaluate(new ScoreCondition { Op = Comparison.Lt, Value = 50 }, customer), Is.True);
        Assert.That(Evaluate(new FunnelStageCondition { Stages = { "Lead", "customer" } }, customer), Is.True);
        Assert.That(Evaluate(new LanguageCondition { Languages = { "en" } }, customer), Is.False);
        Assert.That(Evaluate(new CustomerRoleCondition { Roles = { "registered" } }, customer), Is.True);
        Assert.That(Evaluate(new RegisteredCondition { Registered = false }, customer), Is.False);
        Assert.That(Evaluate(new NewsletterConsentCondition { Subscribed = true }, customer), Is.True);
        Assert.That(Evaluate(new StoreCondition { StoreIds = { 1 } }, customer), Is.True);
        Assert.That(Evaluate(new CartValueCondition { Op = Comparison.Gte, Value = 200 }, customer), Is.True);
        Assert.That(Evaluate(new CartContainsCondition { Scope = new ProductScope { Kind = ProductScopeKind.Product, Id = 3 } }, customer), Is.True);
    }
}
