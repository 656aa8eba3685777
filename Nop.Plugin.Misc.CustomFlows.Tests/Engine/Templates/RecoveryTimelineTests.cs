using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using Nop.Plugin.Misc.CustomFlows.Engine.Facts;
using static Nop.Plugin.Misc.CustomFlows.Tests.Engine.Templates.ScriptedHistory;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Engine.Templates;

/// <summary>
/// Timelines of the recovery templates: abandoned cart, remarketing, category browse abandonment.
/// </summary>
[TestFixture]
public class RecoveryTimelineTests
{
    private static readonly ProductRef Shoes = new(700, [5], []);
    private static readonly ProductRef Lamp = new(812, [12], []);
    private static readonly ProductRef DeskLamp = new(813, [14], [12]);
    private static readonly ProductRef Book = new(910, [7], []);

    [Test]
    public void Abandoned_cart_basic_mails_an_hour_after_the_last_cart_change_and_not_after_checkout()
    {
        var history = new ScriptedHistory("abandoned-cart-basic")
            .Customer(1).Customer(2).Customer(3)
            .CartChanged(1, Monday, 120m, Shoes)
            .CartChanged(2, Monday, 120m, Shoes).CartChanged(2, Monday.AddMinutes(40), 240m, Shoes, Book).Order(2, Monday.AddMinutes(80), 240m, Shoes, Book)
            .CartChanged(3, Monday, 120m, Shoes).CartChanged(3, Monday.AddHours(23), 130m, Shoes, Book)
            .PlayUntil(Monday.AddDays(3));

        Assert.That(history.Timeline(1), Is.EqualTo(new[]
        {
            "11-23 10:00 entered",
            "11-23 11:00 email CustomFlows.AbandonedCart.Reminder",
            "11-23 11:00 tag +cart-abandoner",
            "11-23 11:00 completed: end"
        }));
        Assert.That(history.Timeline(2), Is.EqualTo(new[]
        {
            "11-23 10:00 entered",
            "11-23 11:20 exited: checkedOut"
        }), "the second cart change restarted the hour, and the order came before it ran out");
        Assert.That(history.Timeline(3), Is.EqualTo(new[]
        {
            "11-23 10:00 entered",
            "11-23 11:00 email CustomFlows.AbandonedCart.Reminder",
            "11-23 11:00 tag +cart-abandoner",
            "11-23 11:00 completed: end"
        }));
        Assert.That(history.NotEntered, Is.EqualTo(new Dictionary<string, int> { ["alreadyInFlow"] = 1, ["tooSoon"] = 1 }),
            "customer 2's second cart change finds the run open; customer 3's cart the next morning is within the day");
    }

    [Test]
    public void Abandoned_cart_advanced_sends_three_reminders_until_an_order_and_alerts_staff_about_a_big_cart()
    {
        var history = new ScriptedHistory("abandoned-cart-advanced")
            .Customer(1).Customer(2).Customer(3)
            .CartChanged(1, Monday, 120m, Shoes)
            .CartChanged(2, Monday, 120m, Shoes).Order(2, Monday.AddHours(10), 120m, Shoes)
            .CartChanged(3, Monday, 650m, Shoes, Book).Order(3, Monday.AddDays(1).AddHours(2), 650m, Shoes, Book)
            .PlayUntil(Monday.AddDays(7));

        Assert.That(history.Timeline(1), Is.EqualTo(new[]
        {
            "11-23 10:00 entered",
            "11-23 11:00 tag +cart-abandoner",
            "11-23 11:00 score +5",
            "11-23 11:00 email CustomFlows.CartSeries.Reminder",
            "11-23 11:00 popup CustomFlows.CartSeries.Popup",
            "11-24 18:00 coupon 10% for 3d",
            "11-24 18:00 email CustomFlows.CartSeries.Code",
            "11-27 10:00 email CustomFlows.CartSeries.LastCall",
            "11-27 10:00 tag +cart-lost",
            "11-27 10:00 completed: end"
        }));
        Assert.That(history.Timeline(2), Is.EqualTo(new[]
        {
            "11-23 10:00 entered",
            "11-23 11:00 tag +cart-abandoner",
            "11-23 11:00 score +5",
            "11-23 11:00 email CustomFlows.CartSeries.Reminder",
            "11-23 11:00 popup CustomFlows.CartSeries.Popup",
            "11-23 20:00 converted: purchased"
        }));
        Assert.That(history.Timeline(3), Is.EqualTo(new[]
        {
            "11-23 10:00 entered",
            "11-23 11:00 alert staff",
            "11-23 11:00 tag +cart-abandoner",
            "11-23 11:00 score +5",
            "11-23 11:00 email CustomFlows.CartSeries.Reminder",
            "11-23 11:00 popup CustomFlows.CartSeries.Popup",
            "11-24 12:00 converted: purchased"
        }));
    }

    [Test]
    public void Remarketing_basic_mails_four_hours_after_a_view_at_most_once_a_week()
    {
        var history = new ScriptedHistory("remarketing-basic")
            .Customer(1).Customer(2)
            .Viewed(1, Monday, Shoes).Viewed(1, Monday.AddDays(2), Book).Viewed(1, Monday.AddDays(8), Book)
            .Viewed(2, Monday, Shoes).Order(2, Monday.AddHours(2), 90m, Shoes)
            .PlayUntil(Monday.AddDays(10));

        Assert.That(history.Timeline(1), Is.EqualTo(new[]
        {
            "11-23 10:00 entered",
            "11-23 14:00 email CustomFlows.Remarketing.Viewed",
            "11-23 14:00 tag +remarketed",
            "11-23 14:00 completed: end",
            "12-01 10:00 entered",
            "12-01 14:00 email CustomFlows.Remarketing.Viewed",
            "12-01 14:00 tag +remarketed",
            "12-01 14:00 completed: end"
        }));
        Assert.That(history.Timeline(2), Is.EqualTo(new[] { "11-23 10:00 entered", "11-23 12:00 converted: purchased" }));
        Assert.That(history.NotEntered, Is.EqualTo(new Dictionary<string, int> { ["tooSoon"] = 1 }), "the view two days later is within the week");
    }

    [Test]
    public void Remarketing_advanced_follows_up_in_three_channels_but_leaves_customers_with_a_cart_to_the_cart_flow()
    {
        var history = new ScriptedHistory("remarketing-advanced")
            .Customer(1).Customer(2)
            .Viewed(1, Monday, Shoes)
            .Viewed(2, Monday, Shoes).CartChanged(2, Monday.AddHours(1), 90m, Shoes)
            .PlayUntil(Monday.AddDays(14));

        Assert.That(history.Timeline(1), Is.EqualTo(new[]
        {
            "11-23 10:00 entered",
            "11-23 12:00 popup CustomFlows.RemarketingPlus.Popup",
            "11-23 12:00 webhook remarketing.audience.add",
            "11-24 18:00 email CustomFlows.RemarketingPlus.Viewed",
            "11-27 18:00 coupon 5% for 5d",
            "11-27 18:00 email CustomFlows.RemarketingPlus.Code",
            "12-02 18:00 tag +remarketing-no-response",
            "12-02 18:00 completed: end"
        }));
        Assert.That(history.Timeline(2), Is.EqualTo(new[] { "11-23 10:00 entered", "11-23 12:00 completed: in-cart" }));
    }

    [Test]
    public void Category_browse_abandonment_reacts_to_the_category_and_its_subcategories_only()
    {
        var history = new ScriptedHistory("browse-abandonment-category")
            .Customer(1).Customer(2).Customer(3).Customer(4).Customer(5)
            .Viewed(1, Monday, DeskLamp).Engaged(1, Monday.AddHours(23), FlowEventType.EmailClicked, "picks")
            .Viewed(2, Monday, Lamp)
            .Viewed(3, Monday, Lamp).CartChanged(3, Monday.AddHours(1), 80m, Lamp)
            .Viewed(4, Monday, Book)
            .Viewed(5, Monday, Lamp).Order(5, Monday.AddHours(2), 80m, Lamp)
            .PlayUntil(Monday.AddDays(5));

        Assert.That(history.Timeline(1), Is.EqualTo(new[]
        {
            "11-23 10:00 entered",
            "11-23 13:00 email CustomFlows.BrowseCategory.Picks",
            "11-24 09:00 tag +interested-category-12",
            "11-24 09:00 score +3",
            "11-24 09:00 completed: end"
        }));
        Assert.That(history.Timeline(2), Is.EqualTo(new[]
        {
            "11-23 10:00 entered",
            "11-23 13:00 email CustomFlows.BrowseCategory.Picks",
            "11-25 13:00 popup CustomFlows.BrowseCategory.Popup",
            "11-25 13:00 completed: end"
        }));
        Assert.That(history.Timeline(3), Is.EqualTo(new[] { "11-23 10:00 entered", "11-23 13:00 completed: cart-flow" }));
        Assert.That(history.Timeline(4), Is.Empty, "a product of another category does not start the flow");
        Assert.That(history.Timeline(5), Is.EqualTo(new[] { "11-23 10:00 entered", "11-23 12:00 converted: boughtFromCategory" }));
        Assert.That(history.Facts(1).Score, Is.EqualTo(3));
    }
}
