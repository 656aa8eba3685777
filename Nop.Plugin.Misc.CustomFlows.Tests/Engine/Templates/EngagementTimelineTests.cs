using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using Nop.Plugin.Misc.CustomFlows.Engine.Facts;
using static Nop.Plugin.Misc.CustomFlows.Tests.Engine.Templates.ScriptedHistory;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Engine.Templates;

/// <summary>
/// Timelines of the engagement templates: subscription renewal, lead nurturing, birthday.
/// </summary>
[TestFixture]
public class EngagementTimelineTests
{
    private static readonly ProductRef MonthlyPlan = new(300, [30], []);

    [Test]
    public void Subscription_renewal_basic_reminds_a_week_before_the_end_unless_renewed_earlier()
    {
        var history = new ScriptedHistory("subscription-renewal-basic")
            .Customer(1).Customer(2)
            .Order(1, Monday, 29m, MonthlyPlan)
            .Order(2, Monday, 29m, MonthlyPlan).Order(2, Monday.AddDays(17).AddHours(-1), 29m, MonthlyPlan)
            .PlayUntil(Monday.AddDays(48));

        Assert.That(history.Timeline(1), Is.EqualTo(new[]
        {
            "11-23 10:00 entered",
            "12-16 10:00 email CustomFlows.Renewal.Reminder (transactional)",
            "12-16 10:00 alert staff",
            "12-16 10:00 tag +renewal-reminded",
            "12-16 10:00 completed: end"
        }));
        Assert.That(history.Timeline(2), Is.EqualTo(new[]
        {
            "11-23 10:00 entered",
            "12-10 09:00 converted: renewed",
            "12-10 09:00 entered",
            "01-02 10:00 email CustomFlows.Renewal.Reminder (transactional)",
            "01-02 10:00 alert staff",
            "01-02 10:00 tag +renewal-reminded",
            "01-02 10:00 completed: end"
        }));
    }

    [Test]
    public void Subscription_renewal_advanced_starts_two_weeks_before_the_end_date_and_chooses_popup_or_code_by_the_click()
    {
        var endsOn = new DateOnly(2026, 12, 7);
        var dailyJob = Monday.AddHours(-4);
        var history = new ScriptedHistory("subscription-renewal-advanced")
            .Customer(1).Customer(2).Customer(3)
            .DateCame(1, dailyJob, "subscriptionEndsOn", endsOn).Engaged(1, Monday.AddHours(2), FlowEventType.EmailClicked, "notice")
            .DateCame(2, dailyJob, "subscriptionEndsOn", endsOn).Order(2, Monday.AddDays(9).AddHours(5), 29m, MonthlyPlan)
            .DateCame(3, dailyJob, "subscriptionEndsOn", new DateOnly(2026, 12, 20))
            .PlayUntil(Monday.AddDays(20));

        Assert.That(history.Timeline(1), Is.EqualTo(new[]
        {
            "11-23 06:00 entered",
            "11-23 06:00 email CustomFlows.RenewalPlus.TwoWeeks (transactional)",
            "11-23 06:00 webhook renewal.audience.add",
            "11-30 10:00 popup CustomFlows.RenewalPlus.Popup",
            "12-06 10:00 email CustomFlows.RenewalPlus.LastDay (transactional)",
            "12-08 10:00 alert staff",
            "12-08 10:00 tag +churned",
            "12-08 10:00 completed: end"
        }));
        Assert.That(history.Timeline(2), Is.EqualTo(new[]
        {
            "11-23 06:00 entered",
            "11-23 06:00 email CustomFlows.RenewalPlus.TwoWeeks (transactional)",
            "11-23 06:00 webhook renewal.audience.add",
            "11-30 10:00 coupon 10% for 14d",
            "11-30 10:00 email CustomFlows.RenewalPlus.Code",
            "12-02 15:00 converted: renewed"
        }));
        Assert.That(history.Timeline(3), Is.Empty, "the subscription of customer 3 ends four weeks later, not in two");
    }

    [Test]
    public void Lead_nurturing_basic_sends_three_lessons_three_days_apart_and_stops_on_an_order()
    {
        var history = new ScriptedHistory("lead-nurturing-basic")
            .Customer(1).Customer(2)
            .TagAdded(1, Monday, "lead")
            .TagAdded(2, Monday, "lead").Order(2, Monday.AddDays(5))
            .PlayUntil(Monday.AddDays(10));

        Assert.That(history.Timeline(1), Is.EqualTo(new[]
        {
            "11-23 10:00 entered",
            "11-24 10:00 email CustomFlows.Nurture.Brand",
            "11-27 10:00 email CustomFlows.Nurture.Benefits",
            "11-30 10:00 email CustomFlows.Nurture.Stories",
            "11-30 10:00 tag +nurtured",
            "11-30 10:00 completed: end"
        }));
        Assert.That(history.Timeline(2), Is.EqualTo(new[]
        {
            "11-23 10:00 entered",
            "11-24 10:00 email CustomFlows.Nurture.Brand",
            "11-27 10:00 email CustomFlows.Nurture.Benefits",
            "11-28 10:00 converted: purchased"
        }));
    }

    [Test]
    public void Lead_nurturing_advanced_scores_opens_resends_the_unopened_intro_and_hands_hot_leads_to_sales()
    {
        var history = new ScriptedHistory("lead-nurturing-advanced")
            .Customer(1, c => c.Score = 10).Customer(2).Customer(3, c => c.FunnelStage = "engaged")
            .TagAdded(1, Monday, "lead")
            .Engaged(1, Monday.AddHours(8), FlowEventType.EmailOpened, "intro")
            .Engaged(1, Monday.AddHours(23), FlowEventType.EmailOpened, "benefits")
            .TagAdded(2, Monday, "lead")
            .TagAdded(3, Monday, "lead")
            .Engaged(3, Monday.AddDays(4), FlowEventType.EmailClicked, "viewed")
            .PlayUntil(Monday.AddDays(25));

        Assert.That(history.Timeline(1), Is.EqualTo(new[]
        {
            "11-23 10:00 entered",
            "11-23 10:00 email CustomFlows.NurturePlus.Intro",
            "11-23 18:00 score +5",
            "11-23 18:00 email CustomFlows.NurturePlus.Benefits",
            "11-24 09:00 score +5",
            "11-24 09:00 email CustomFlows.NurturePlus.Viewed",
            "11-27 10:00 stage sales-ready",
            "11-27 10:00 alert staff",
            "11-27 10:00 completed: end"
        }));
        Assert.That(history.Timeline(2), Is.EqualTo(new[]
        {
            "11-23 10:00 entered",
            "11-23 10:00 email CustomFlows.NurturePlus.Intro",
            "11-26 10:00 email CustomFlows.NurturePlus.Intro",
            "11-29 10:00 email CustomFlows.NurturePlus.Benefits",
            "12-02 10:00 email CustomFlows.NurturePlus.Viewed",
            "12-05 10:00 email CustomFlows.NurturePlus.Viewed",
            "12-08 10:00 email CustomFlows.NurturePlus.Viewed",
            "12-11 10:00 tag +nurture-finished",
            "12-11 10:00 completed: end"
        }), "the intro is resent once, the products e-mail repeated twice, then the lead is left alone");
        Assert.That(history.Timeline(3), Is.EqualTo(new[]
        {
            "11-23 10:00 entered",
            "11-23 10:00 email CustomFlows.NurturePlus.Benefits",
            "11-26 10:00 email CustomFlows.NurturePlus.Viewed",
            "11-29 10:00 stage sales-ready",
            "11-29 10:00 alert staff",
            "11-29 10:00 completed: end"
        }), "an engaged contact skips the intro, and a click on the products counts as hot");
    }

    [Test]
    public void Birthday_offer_gives_returning_customers_more_sends_at_nine_on_their_clock_and_reminds_five_days_later()
    {
        var warsaw = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");
        var birthday = new DateOnly(1990, 11, 24);
        var history = new ScriptedHistory("birthday-offer")
            .Customer(1)
            .Customer(2, c => c.Orders.Add(new OrderFact(Monday.AddDays(-200), 90m, [])))
            .Customer(3, c => c.TimeZone = warsaw)
            .DateCame(1, new DateTime(2026, 11, 24, 0, 30, 0, DateTimeKind.Utc), "birthday", birthday)
            .DateCame(2, new DateTime(2026, 11, 24, 0, 30, 0, DateTimeKind.Utc), "birthday", birthday)
            .Order(2, Monday.AddDays(2), 150m)
            .DateCame(3, new DateTime(2026, 11, 23, 23, 30, 0, DateTimeKind.Utc), "birthday", birthday, localDate: new DateOnly(2026, 11, 24))
            .PlayUntil(Monday.AddDays(10));

        Assert.That(history.Timeline(1), Is.EqualTo(new[]
        {
            "11-24 00:30 entered",
            "11-24 09:00 coupon 10% for 7d",
            "11-24 09:00 email CustomFlows.Birthday.Wishes",
            "11-24 09:00 popup CustomFlows.Birthday.Popup",
            "11-29 10:00 email CustomFlows.Birthday.Reminder",
            "11-29 10:00 completed: end"
        }));
        Assert.That(history.Timeline(2), Is.EqualTo(new[]
        {
            "11-24 00:30 entered",
            "11-24 09:00 coupon 20% for 7d",
            "11-24 09:00 email CustomFlows.Birthday.Wishes",
            "11-24 09:00 popup CustomFlows.Birthday.Popup",
            "11-25 10:00 converted: birthdayOrder"
        }));
        Assert.That(history.Timeline(3), Is.EqualTo(new[]
        {
            "11-23 23:30 entered",
            "11-24 08:00 coupon 10% for 7d",
            "11-24 08:00 email CustomFlows.Birthday.Wishes",
            "11-24 08:00 popup CustomFlows.Birthday.Popup",
            "11-29 09:00 email CustomFlows.Birthday.Reminder",
            "11-29 09:00 completed: end"
        }), "09:00 and 10:00 in Warsaw are 08:00 and 09:00 UTC in November");
    }
}
