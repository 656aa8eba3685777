using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using Nop.Plugin.Misc.CustomFlows.Engine.Facts;
using static Nop.Plugin.Misc.CustomFlows.Tests.Engine.Templates.ScriptedHistory;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Engine.Templates;

/// <summary>
/// Timelines of the welcome and feedback templates: onboarding (A/B/X), newsletter welcome, NPS survey.
/// </summary>
[TestFixture]
public class WelcomeAndFeedbackTimelineTests
{
    [Test]
    public void Onboarding_basic_sends_the_series_daily_in_A_every_few_days_in_B_and_nothing_in_the_control_group()
    {
        var history = new ScriptedHistory("onboarding-basic");
        var daily = history.CustomerInBranch("pace-test", "A-daily");
        var buyer = history.CustomerInBranch("pace-test", "A-daily", skip: 1);
        var spaced = history.CustomerInBranch("pace-test", "B-spaced");
        var control = history.CustomerInBranch("pace-test", "X-control");
        history.Customer(daily).Customer(buyer).Customer(spaced).Customer(control)
            .TagAdded(daily, Monday, "new-contact").TagAdded(buyer, Monday, "new-contact")
            .TagAdded(spaced, Monday, "new-contact").TagAdded(control, Monday, "new-contact")
            .Order(buyer, Monday.AddDays(2).AddHours(2))
            .TagAdded(daily, Monday.AddDays(20), "new-contact")
            .PlayUntil(Monday.AddDays(21));

        Assert.That(history.Timeline(daily), Is.EqualTo(new[]
        {
            "11-23 10:00 entered",
            "11-23 11:00 split: A-daily",
            "11-23 11:00 email CustomFlows.Onboarding.Welcome",
            "11-25 10:00 email CustomFlows.Onboarding.Guide",
            "11-26 10:00 email CustomFlows.Onboarding.Tips",
            "11-26 10:00 tag +onboarded",
            "11-26 10:00 completed: end"
        }));
        Assert.That(history.NotEntered, Is.EqualTo(new Dictionary<string, int> { ["enteredBefore"] = 1 }), "onboarding happens once ever");
        Assert.That(history.Timeline(buyer), Is.EqualTo(new[]
        {
            "11-23 10:00 entered",
            "11-23 11:00 split: A-daily",
            "11-23 11:00 email CustomFlows.Onboarding.Welcome",
            "11-25 10:00 email CustomFlows.Onboarding.Guide",
            "11-25 12:00 converted: firstOrder"
        }));
        Assert.That(history.Timeline(spaced), Is.EqualTo(new[]
        {
            "11-23 10:00 entered",
            "11-23 11:00 split: B-spaced",
            "11-23 11:00 email CustomFlows.Onboarding.Welcome",
            "11-27 10:00 email CustomFlows.Onboarding.Guide",
            "12-01 10:00 email CustomFlows.Onboarding.Tips",
            "12-01 10:00 tag +onboarded",
            "12-01 10:00 completed: end"
        }));
        Assert.That(history.Timeline(control), Is.EqualTo(new[]
        {
            "11-23 10:00 entered",
            "11-23 11:00 split: X-control",
            "11-23 11:00 holdout: a-welcome not performed",
            "11-25 10:00 holdout: a-guide not performed",
            "11-26 10:00 holdout: a-tips not performed",
            "11-26 10:00 holdout: onboarded not performed",
            "11-26 10:00 completed: end"
        }));
    }

    [Test]
    public void Onboarding_advanced_activates_contacts_who_open_and_marks_the_silent_ones_cold()
    {
        var history = new ScriptedHistory("onboarding-advanced");
        var withCode = history.CustomerInBranch("welcome-test", "A-code");
        var guide = history.CustomerInBranch("welcome-test", "B-guide");
        var control = history.CustomerInBranch("welcome-test", "X-control");
        var noConsent = history.CustomerInBranch("welcome-test", "B-guide", skip: 1);
        history.Customer(withCode).Customer(guide).Customer(control).Customer(noConsent, c => c.NewsletterSubscribed = false)
            .Registered(withCode, Monday).Registered(guide, Monday).Registered(control, Monday).Registered(noConsent, Monday)
            .Engaged(withCode, Monday.AddHours(22), FlowEventType.EmailOpened, "welcome-code")
            .Engaged(withCode, Monday.AddDays(3).AddHours(23), FlowEventType.EmailOpened, "guide")
            .PlayUntil(Monday.AddDays(10));

        Assert.That(history.Timeline(withCode), Is.EqualTo(new[]
        {
            "11-23 10:00 entered",
            "11-23 10:00 tag +onboarding",
            "11-23 10:00 stage new",
            "11-23 11:00 split: A-code",
            "11-23 11:00 coupon 10% for 14d",
            "11-23 11:00 email CustomFlows.OnboardingPlus.WelcomeCode",
            "11-24 08:00 tag +onboarding-engaged",
            "11-24 08:00 stage activated",
            "11-24 08:00 score +10",
            "11-26 10:00 email CustomFlows.OnboardingPlus.Guide",
            "11-27 09:00 email CustomFlows.OnboardingPlus.Tips",
            "11-27 09:00 tag +onboarded",
            "11-27 09:00 completed: end"
        }));
        Assert.That(history.Timeline(guide), Is.EqualTo(new[]
        {
            "11-23 10:00 entered",
            "11-23 10:00 tag +onboarding",
            "11-23 10:00 stage new",
            "11-23 11:00 split: B-guide",
            "11-23 11:00 email CustomFlows.OnboardingPlus.Welcome",
            "11-26 11:00 tag +onboarding-cold",
            "11-26 11:00 completed: end"
        }));
        Assert.That(history.Timeline(control), Is.EqualTo(new[]
        {
            "11-23 10:00 entered",
            "11-23 10:00 tag +onboarding",
            "11-23 10:00 stage new",
            "11-23 11:00 split: X-control",
            "11-23 11:00 holdout: welcome not performed",
            "11-26 11:00 holdout: cold not performed",
            "11-26 11:00 completed: end"
        }), "the control group's tags before the split are set; after it nothing is");
        Assert.That(history.Timeline(noConsent), Is.Empty);
        Assert.That(history.NotEntered, Is.EqualTo(new Dictionary<string, int> { ["notInAudience"] = 1 }));
    }

    [Test]
    public void Newsletter_welcome_thanks_customers_gives_newcomers_a_code_and_stops_for_those_who_unsubscribe()
    {
        var history = new ScriptedHistory("newsletter-welcome")
            .Customer(1).Customer(2, c => c.Orders.Add(new OrderFact(Monday.AddDays(-30), 70m, []))).Customer(3)
            .Subscribed(1, Monday).Subscribed(1, Monday.AddDays(12))
            .Subscribed(2, Monday)
            .Subscribed(3, Monday).Unsubscribed(3, Monday.AddDays(1))
            .PlayUntil(Monday.AddDays(14));

        Assert.That(history.Timeline(1), Is.EqualTo(new[]
        {
            "11-23 10:00 entered",
            "11-23 10:00 coupon 10% for 14d",
            "11-23 10:00 email CustomFlows.NewsletterWelcome.Code (transactional)",
            "11-26 10:00 email CustomFlows.NewsletterWelcome.Bestsellers",
            "11-26 10:00 tag +newsletter-welcomed",
            "11-26 10:00 completed: end"
        }));
        Assert.That(history.NotEntered, Is.EqualTo(new Dictionary<string, int> { ["enteredBefore"] = 1 }), "subscribing again does not repeat the welcome");
        Assert.That(history.Timeline(2), Is.EqualTo(new[]
        {
            "11-23 10:00 entered",
            "11-23 10:00 email CustomFlows.NewsletterWelcome.Thanks (transactional)",
            "11-26 10:00 email CustomFlows.NewsletterWelcome.Bestsellers",
            "11-26 10:00 tag +newsletter-welcomed",
            "11-26 10:00 completed: end"
        }));
        Assert.That(history.Timeline(3), Is.EqualTo(new[]
        {
            "11-23 10:00 entered",
            "11-23 10:00 coupon 10% for 14d",
            "11-23 10:00 email CustomFlows.NewsletterWelcome.Code (transactional)",
            "11-26 10:00 exited: unsubscribed"
        }));
    }

    [Test]
    public void Nps_survey_basic_asks_regulars_and_first_time_buyers_differently_once_per_ninety_days()
    {
        var history = new ScriptedHistory("nps-survey-basic")
            .Customer(1, c => c.Orders.Add(new OrderFact(Monday.AddHours(-1), 50m, [])))
            .Customer(2, c =>
            {
                c.Orders.Add(new OrderFact(Monday.AddDays(-90), 50m, []));
                c.Orders.Add(new OrderFact(Monday.AddHours(-1), 50m, []));
            })
            .OrderPaid(1, Monday).OrderPaid(1, Monday.AddDays(10))
            .OrderPaid(2, Monday)
            .PlayUntil(Monday.AddDays(12));

        Assert.That(history.Timeline(1), Is.EqualTo(new[]
        {
            "11-23 10:00 entered",
            "11-30 10:00 email CustomFlows.Nps.First",
            "11-30 10:00 completed: end"
        }));
        Assert.That(history.NotEntered, Is.EqualTo(new Dictionary<string, int> { ["tooSoon"] = 1 }), "one survey per 90 days");
        Assert.That(history.Timeline(2), Is.EqualTo(new[]
        {
            "11-23 10:00 entered",
            "11-30 10:00 email CustomFlows.Nps.Regular",
            "11-30 10:00 completed: end"
        }));
    }

    [Test]
    public void Nps_survey_advanced_asks_by_email_then_popup_then_email_and_scores_whoever_answers()
    {
        var history = new ScriptedHistory("nps-survey-advanced")
            .Customer(1).Customer(2).Customer(3)
            .OrderPaid(1, Monday).Custom(1, Monday.AddDays(5).AddHours(22), "nps_answered")
            .OrderPaid(2, Monday).Custom(2, Monday.AddDays(10), "nps_answered")
            .OrderPaid(3, Monday)
            .PlayUntil(Monday.AddDays(25));

        Assert.That(history.Timeline(1), Is.EqualTo(new[]
        {
            "11-23 10:00 entered",
            "11-28 10:00 email CustomFlows.NpsPlus.Survey",
            "11-29 08:00 score +10",
            "11-29 08:00 stage surveyed",
            "11-29 08:00 tag +nps-answered",
            "11-29 08:00 completed: end"
        }));
        Assert.That(history.Timeline(2), Is.EqualTo(new[]
        {
            "11-23 10:00 entered",
            "11-28 10:00 email CustomFlows.NpsPlus.Survey",
            "12-02 10:00 popup CustomFlows.NpsPlus.Popup",
            "12-03 10:00 score +10",
            "12-03 10:00 stage surveyed",
            "12-03 10:00 tag +nps-answered",
            "12-03 10:00 completed: end"
        }));
        Assert.That(history.Timeline(3), Is.EqualTo(new[]
        {
            "11-23 10:00 entered",
            "11-28 10:00 email CustomFlows.NpsPlus.Survey",
            "12-02 10:00 popup CustomFlows.NpsPlus.Popup",
            "12-06 10:00 webhook nps.audience.add",
            "12-06 10:00 email CustomFlows.NpsPlus.LastAsk",
            "12-11 10:00 alert staff",
            "12-11 10:00 tag +nps-no-answer",
            "12-11 10:00 completed: end"
        }));
    }
}
