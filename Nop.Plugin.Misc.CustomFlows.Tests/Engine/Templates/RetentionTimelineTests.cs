using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using Nop.Plugin.Misc.CustomFlows.Engine.Facts;
using static Nop.Plugin.Misc.CustomFlows.Tests.Engine.Templates.ScriptedHistory;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Engine.Templates;

/// <summary>
/// Timelines of the retention templates: win-back, repurchase, order follow-up.
/// </summary>
[TestFixture]
public class RetentionTimelineTests
{
    private static readonly ProductRef Consumable = new(501, [20], []);
    private static readonly ProductRef Gadget = new(900, [7], []);

    [Test]
    public void Win_back_basic_mails_after_sixty_quiet_days_restarts_on_every_order_and_stops_when_consent_is_withdrawn()
    {
        var history = new ScriptedHistory("win-back-basic")
            .Customer(1).Customer(2).Customer(3)
            .Order(1, Monday)
            .Order(2, Monday).Order(2, new DateTime(2026, 12, 10, 14, 0, 0, DateTimeKind.Utc))
            .Order(3, Monday).Unsubscribed(3, Monday.AddDays(8))
            .PlayUntil(Monday.AddDays(90));

        Assert.That(history.Timeline(1), Is.EqualTo(new[]
        {
            "11-23 10:00 entered",
            "01-22 10:00 email CustomFlows.WinBack.MissYou",
            "01-22 10:00 tag +win-back",
            "01-22 10:00 alert staff",
            "01-22 10:00 completed: end"
        }));
        Assert.That(history.Timeline(2), Is.EqualTo(new[]
        {
            "11-23 10:00 entered",
            "12-10 14:00 converted: purchased",
            "12-10 14:00 entered",
            "02-09 10:00 email CustomFlows.WinBack.MissYou",
            "02-09 10:00 tag +win-back",
            "02-09 10:00 alert staff",
            "02-09 10:00 completed: end"
        }));
        Assert.That(history.Timeline(3), Is.EqualTo(new[] { "11-23 10:00 entered", "01-22 10:00 exited: unsubscribed" }));
    }

    [Test]
    public void Win_back_advanced_picks_the_channel_by_engagement_holds_out_a_control_group_and_ends_on_a_new_order()
    {
        var history = new ScriptedHistory("win-back-advanced");
        var reader = history.CustomerInBranch("uplift-test", "win-back");
        var silent = history.CustomerInBranch("uplift-test", "win-back", skip: 1);
        var buyer = history.CustomerInBranch("uplift-test", "win-back", skip: 2);
        var control = history.CustomerInBranch("uplift-test", "control");
        history.Customer(reader).Customer(silent).Customer(buyer).Customer(control)
            .Order(reader, Monday).Order(silent, Monday).Order(buyer, Monday).Order(control, Monday)
            .Engaged(reader, new DateTime(2027, 1, 8, 9, 0, 0, DateTimeKind.Utc), FlowEventType.EmailOpened, "picks")
            .Order(buyer, new DateTime(2027, 1, 16, 12, 0, 0, DateTimeKind.Utc))
            .PlayUntil(Monday.AddDays(70));

        Assert.That(history.Timeline(reader), Is.EqualTo(new[]
        {
            "11-23 10:00 entered",
            "11-23 10:00 split: win-back",
            "01-07 10:00 email CustomFlows.WinBackPlus.Picks",
            "01-14 10:00 coupon 15% for 14d",
            "01-14 10:00 email CustomFlows.WinBackPlus.Code",
            "01-28 10:00 tag +lapsed",
            "01-28 10:00 stage lapsed",
            "01-28 10:00 completed: end"
        }));
        Assert.That(history.Timeline(silent), Is.EqualTo(new[]
        {
            "11-23 10:00 entered",
            "11-23 10:00 split: win-back",
            "01-07 10:00 email CustomFlows.WinBackPlus.Picks",
            "01-14 10:00 coupon 15% for 14d",
            "01-14 10:00 popup CustomFlows.WinBackPlus.CodePopup",
            "01-14 10:00 tag +email-inactive",
            "01-28 10:00 tag +lapsed",
            "01-28 10:00 stage lapsed",
            "01-28 10:00 completed: end"
        }));
        Assert.That(history.Timeline(buyer), Is.EqualTo(new[]
        {
            "11-23 10:00 entered",
            "11-23 10:00 split: win-back",
            "01-07 10:00 email CustomFlows.WinBackPlus.Picks",
            "01-14 10:00 coupon 15% for 14d",
            "01-14 10:00 popup CustomFlows.WinBackPlus.CodePopup",
            "01-14 10:00 tag +email-inactive",
            "01-16 12:00 converted: purchased",
            "01-16 12:00 entered",
            "01-16 12:00 split: win-back"
        }));
        Assert.That(history.Timeline(control), Is.EqualTo(new[]
        {
            "11-23 10:00 entered",
            "11-23 10:00 split: control",
            "01-07 10:00 holdout: picks not performed",
            "01-14 10:00 holdout: coupon not performed",
            "01-14 10:00 holdout: code-popup not performed",
            "01-14 10:00 holdout: email-inactive not performed",
            "01-28 10:00 holdout: lapsed-tag not performed",
            "01-28 10:00 holdout: lapsed-stage not performed",
            "01-28 10:00 completed: end"
        }));
    }

    [Test]
    public void Repurchase_basic_reminds_after_twenty_five_days_unless_the_category_was_bought_again()
    {
        var history = new ScriptedHistory("repurchase-basic")
            .Customer(1).Customer(2)
            .Order(1, Monday, 40m, Consumable)
            .Order(2, Monday, 40m, Consumable)
            .Order(2, Monday.AddDays(8), 300m, Gadget)
            .Order(2, new DateTime(2026, 12, 10, 12, 0, 0, DateTimeKind.Utc), 40m, Consumable)
            .PlayUntil(Monday.AddDays(50));

        Assert.That(history.Timeline(1), Is.EqualTo(new[]
        {
            "11-23 10:00 entered",
            "12-18 10:00 email CustomFlows.Repurchase.Reminder",
            "12-18 10:00 tag +repurchase-reminded",
            "12-18 10:00 completed: end"
        }));
        Assert.That(history.Timeline(2), Is.EqualTo(new[]
        {
            "11-23 10:00 entered",
            "12-10 12:00 converted: restocked",
            "12-10 12:00 entered",
            "01-05 10:00 email CustomFlows.Repurchase.Reminder",
            "01-05 10:00 tag +repurchase-reminded",
            "01-05 10:00 completed: end"
        }), "an order from another category neither converts nor restarts the clock");
    }

    [Test]
    public void Repurchase_advanced_sends_a_code_to_readers_a_popup_to_the_others_and_stops_on_a_refill()
    {
        var history = new ScriptedHistory("repurchase-advanced")
            .Customer(1).Customer(2).Customer(3)
            .Order(1, Monday, 40m, Consumable).Order(2, Monday, 40m, Consumable).Order(3, Monday, 40m, Consumable)
            .Engaged(1, Monday.AddDays(21).AddHours(9), FlowEventType.EmailOpened, "reminder")
            .Engaged(3, Monday.AddDays(21).AddHours(9), FlowEventType.EmailOpened, "reminder")
            .Order(3, new DateTime(2026, 12, 18, 8, 0, 0, DateTimeKind.Utc), 40m, Consumable)
            .PlayUntil(Monday.AddDays(40));

        Assert.That(history.Timeline(1), Is.EqualTo(new[]
        {
            "11-23 10:00 entered",
            "12-14 10:00 email CustomFlows.RepurchaseFollowUp.Reminder",
            "12-17 10:00 coupon 5% for 7d",
            "12-17 10:00 email CustomFlows.RepurchaseFollowUp.Code",
            "12-24 10:00 tag +repurchase-missed",
            "12-24 10:00 completed: end"
        }));
        Assert.That(history.Timeline(2), Is.EqualTo(new[]
        {
            "11-23 10:00 entered",
            "12-14 10:00 email CustomFlows.RepurchaseFollowUp.Reminder",
            "12-17 10:00 popup CustomFlows.RepurchaseFollowUp.Popup",
            "12-17 10:00 tag +email-inactive",
            "12-24 10:00 tag +repurchase-missed",
            "12-24 10:00 completed: end"
        }));
        Assert.That(history.Timeline(3), Is.EqualTo(new[]
        {
            "11-23 10:00 entered",
            "12-14 10:00 email CustomFlows.RepurchaseFollowUp.Reminder",
            "12-17 10:00 coupon 5% for 7d",
            "12-17 10:00 email CustomFlows.RepurchaseFollowUp.Code",
            "12-18 08:00 converted: restocked",
            "12-18 08:00 entered"
        }));
    }

    [Test]
    public void Order_follow_up_thanks_then_code_reminder_and_why_with_consent_respected_and_the_thanks_not_counted_by_the_cap()
    {
        var history = new ScriptedHistory("order-follow-up")
            .Customer(1).Customer(2).Customer(3, c => { c.IsRegistered = false; c.NewsletterSubscribed = false; })
            .Order(1, Monday, 120m)
            .Order(2, Monday, 450m).Order(2, Monday.AddDays(4).AddHours(-1), 80m)
            .Order(3, Monday, 60m)
            .PlayUntil(Monday.AddDays(30));

        Assert.That(history.Timeline(1), Is.EqualTo(new[]
        {
            "11-23 10:00 entered",
            "11-23 10:00 email CustomFlows.OrderFollowUp.Thanks (transactional)",
            "11-25 10:00 coupon 10% for 14d",
            "11-25 10:00 email CustomFlows.OrderFollowUp.Code",
            "11-30 10:00 email CustomFlows.OrderFollowUp.StillWorks",
            "12-05 10:00 email CustomFlows.OrderFollowUp.Why",
            "12-05 10:00 tag +no-repeat-order",
            "12-05 10:00 completed: end"
        }));
        Assert.That(history.Timeline(2), Is.EqualTo(new[]
        {
            "11-23 10:00 entered",
            "11-23 10:00 email CustomFlows.OrderFollowUp.Thanks (transactional)",
            "11-25 10:00 coupon 15% for 14d",
            "11-25 10:00 email CustomFlows.OrderFollowUp.Code",
            "11-27 09:00 converted: reordered",
            "11-27 09:00 entered",
            "11-27 09:00 email CustomFlows.OrderFollowUp.Thanks (transactional)",
            "11-29 10:00 coupon 10% for 14d",
            "11-29 10:00 email CustomFlows.OrderFollowUp.Code",
            "12-04 10:00 email CustomFlows.OrderFollowUp.StillWorks",
            "12-09 10:00 email CustomFlows.OrderFollowUp.Why",
            "12-09 10:00 tag +no-repeat-order",
            "12-09 10:00 completed: end"
        }), "the cap is four marketing messages in 14 days; the two transactional thanks do not count, so nothing waits");
        Assert.That(history.Timeline(3), Is.EqualTo(new[]
        {
            "11-23 10:00 entered",
            "11-23 10:00 email CustomFlows.OrderFollowUp.Thanks (transactional)",
            "11-25 10:00 completed: no-consent"
        }));
    }
}
