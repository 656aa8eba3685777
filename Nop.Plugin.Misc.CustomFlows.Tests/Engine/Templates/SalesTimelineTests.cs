using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using static Nop.Plugin.Misc.CustomFlows.Tests.Engine.Templates.ScriptedHistory;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Engine.Templates;

/// <summary>
/// Timelines of the sales templates: upsell and cross-sell.
/// </summary>
[TestFixture]
public class SalesTimelineTests
{
    [Test]
    public void Upsell_basic_offers_premium_products_two_days_after_an_order_and_restarts_on_the_next_order()
    {
        var history = new ScriptedHistory("upsell-basic")
            .Customer(1).Customer(2)
            .Order(1, Monday)
            .Order(2, Monday).Order(2, Monday.AddDays(1).AddHours(5))
            .PlayUntil(Monday.AddDays(7));

        Assert.That(history.Timeline(1), Is.EqualTo(new[]
        {
            "11-23 10:00 entered",
            "11-25 10:00 email CustomFlows.Upsell.Premium",
            "11-25 10:00 tag +upsell-offered",
            "11-25 10:00 completed: end"
        }));
        Assert.That(history.Timeline(2), Is.EqualTo(new[]
        {
            "11-23 10:00 entered",
            "11-24 15:00 converted: purchased",
            "11-24 15:00 entered",
            "11-27 10:00 email CustomFlows.Upsell.Premium",
            "11-27 10:00 tag +upsell-offered",
            "11-27 10:00 completed: end"
        }));
    }

    [Test]
    public void Upsell_advanced_moves_through_email_popup_and_code_to_a_staff_alert_for_orders_of_100_or_more()
    {
        var history = new ScriptedHistory("upsell-advanced")
            .Customer(1).Customer(2).Customer(3)
            .Order(1, Monday, 150m)
            .Order(2, Monday, 60m)
            .Order(3, Monday, 150m).Order(3, Monday.AddDays(8), 80m)
            .PlayUntil(Monday.AddDays(25));

        Assert.That(history.Timeline(1), Is.EqualTo(new[]
        {
            "11-23 10:00 entered",
            "11-26 10:00 email CustomFlows.UpsellPlus.Premium",
            "11-30 10:00 webhook upsell.audience.add",
            "11-30 10:00 popup CustomFlows.UpsellPlus.Popup",
            "12-05 10:00 coupon 10% for 7d",
            "12-05 10:00 email CustomFlows.UpsellPlus.Code",
            "12-12 10:00 alert staff",
            "12-12 10:00 tag +upsell-declined",
            "12-12 10:00 completed: end"
        }));
        Assert.That(history.Timeline(2), Is.Empty, "orders under 100 do not start the flow");
        Assert.That(history.Timeline(3), Is.EqualTo(new[]
        {
            "11-23 10:00 entered",
            "11-26 10:00 email CustomFlows.UpsellPlus.Premium",
            "11-30 10:00 webhook upsell.audience.add",
            "11-30 10:00 popup CustomFlows.UpsellPlus.Popup",
            "12-01 10:00 converted: purchased"
        }), "any new order converts, but only one of 100 or more starts the flow again");
    }

    [Test]
    public void Cross_sell_basic_recommends_complements_the_next_morning()
    {
        var history = new ScriptedHistory("cross-sell-basic").Customer(1).Order(1, Monday).PlayUntil(Monday.AddDays(3));

        Assert.That(history.Timeline(1), Is.EqualTo(new[]
        {
            "11-23 10:00 entered",
            "11-24 10:00 email CustomFlows.CrossSell.Complements",
            "11-24 10:00 tag +cross-sell",
            "11-24 10:00 webhook cross-sell.audience.add",
            "11-24 10:00 completed: end"
        }));
    }

    [Test]
    public void Cross_sell_advanced_sends_the_code_by_email_to_readers_and_as_a_popup_to_the_others()
    {
        var history = new ScriptedHistory("cross-sell-advanced")
            .Customer(1).Customer(2)
            .Order(1, Monday).Order(2, Monday)
            .Engaged(1, Monday.AddDays(3).AddHours(10), FlowEventType.EmailOpened, "complements")
            .PlayUntil(Monday.AddDays(20));

        Assert.That(history.Timeline(1), Is.EqualTo(new[]
        {
            "11-23 10:00 entered",
            "11-23 10:00 webhook cross-sell.audience.add",
            "11-23 10:00 popup CustomFlows.CrossSellPlus.Banner",
            "11-26 10:00 email CustomFlows.CrossSellPlus.Complements",
            "11-30 10:00 coupon 10% for 7d",
            "11-30 10:00 email CustomFlows.CrossSellPlus.Code",
            "12-06 10:00 email CustomFlows.CrossSellPlus.LastCall",
            "12-06 10:00 completed: end"
        }));
        Assert.That(history.Timeline(2), Is.EqualTo(new[]
        {
            "11-23 10:00 entered",
            "11-23 10:00 webhook cross-sell.audience.add",
            "11-23 10:00 popup CustomFlows.CrossSellPlus.Banner",
            "11-26 10:00 email CustomFlows.CrossSellPlus.Complements",
            "11-30 10:00 coupon 10% for 7d",
            "11-30 10:00 popup CustomFlows.CrossSellPlus.CodePopup",
            "12-06 10:00 email CustomFlows.CrossSellPlus.LastCall",
            "12-06 10:00 completed: end"
        }));
    }
}
