using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Triggers;
using Nop.Plugin.Misc.CustomFlows.Engine.Entry;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Engine.Entry;

[TestFixture]
public class TriggerMatcherTests
{
    private static FlowEvent Viewed(int productId, int[] categories, int[] ancestors) => new()
    {
        Type = FlowEventType.ProductViewed, ProductIds = [productId], CategoryIds = categories, AncestorCategoryIds = ancestors
    };

    private static FlowTrigger CategoryTrigger(int categoryId, bool withSubcategories) => new()
    {
        Event = FlowEventType.ProductViewed,
        Scope = new ProductScope { Kind = ProductScopeKind.Category, Id = categoryId, IncludeSubcategories = withSubcategories }
    };

    [Test]
    public void A_category_trigger_with_subcategories_fires_for_a_product_of_a_subcategory()
    {
        // product 9 is in "running shoes" (12), under "shoes" (5)
        Assert.That(TriggerMatcher.Matches(CategoryTrigger(5, withSubcategories: true), Viewed(9, [12], [5])), Is.True);
    }

    [Test]
    public void A_category_trigger_without_subcategories_ignores_products_of_subcategories()
    {
        Assert.That(TriggerMatcher.Matches(CategoryTrigger(5, withSubcategories: false), Viewed(9, [12], [5])), Is.False);
    }

    [Test]
    public void A_product_trigger_fires_only_for_that_product()
    {
        var trigger = new FlowTrigger { Event = FlowEventType.ProductViewed, Scope = new ProductScope { Kind = ProductScopeKind.Product, Id = 9 } };

        Assert.That(TriggerMatcher.Matches(trigger, Viewed(9, [], [])), Is.True);
        Assert.That(TriggerMatcher.Matches(trigger, Viewed(10, [], [])), Is.False);
    }

    [TestCase(99, 1, false)]
    [TestCase(150, 1, true)]
    [TestCase(150, 2, false)]
    public void Trigger_filters_on_order_total_and_store_must_all_hold(decimal total, int storeId, bool fires)
    {
        var trigger = new FlowTrigger { Event = FlowEventType.OrderPlaced, Filters = new TriggerFilters { MinValue = 100, StoreIds = { 1 } } };
        var order = new FlowEvent { Type = FlowEventType.OrderPlaced, Value = total, StoreId = storeId, Quantity = 1 };

        Assert.That(TriggerMatcher.Matches(trigger, order), Is.EqualTo(fires));
    }

    [Test]
    public void An_item_added_trigger_ignores_removed_items()
    {
        var trigger = new FlowTrigger { Event = FlowEventType.CartUpdated, CartChange = CartChange.ItemAdded };
        var removed = new FlowEvent { Type = FlowEventType.CartUpdated, CartChange = CartChange.ItemRemoved, Quantity = 1 };

        Assert.That(TriggerMatcher.Matches(trigger, removed), Is.False);
    }

    [TestCase("2026-05-09", "1990-05-12", -3, true)]
    [TestCase("2026-05-12", "1990-05-12", -3, false)]
    [TestCase("2026-05-12", "1990-05-12", 0, true)]
    [TestCase("2027-02-28", "2000-02-29", 0, true)]
    [TestCase("2028-02-28", "2000-02-29", 0, false)]
    public void A_birthday_trigger_fires_on_the_day_the_offset_says_every_year(string today, string birthday, int offsetDays, bool fires)
    {
        var trigger = new FlowTrigger { Event = FlowEventType.Date, DateField = "birthday", OffsetDays = offsetDays, Annual = true };
        var daily = new FlowEvent { Type = FlowEventType.Date, DateField = "Birthday", LocalDate = DateOnly.Parse(today), DateValue = DateOnly.Parse(birthday) };

        Assert.That(TriggerMatcher.Matches(trigger, daily), Is.EqualTo(fires));
    }

    [Test]
    public void A_one_off_date_trigger_fires_days_after_the_date_only_in_its_year()
    {
        var trigger = new FlowTrigger { Event = FlowEventType.Date, DateField = "subscriptionEndsOn", OffsetDays = 7 };
        FlowEvent On(string today) => new() { Type = FlowEventType.Date, DateField = "subscriptionEndsOn", LocalDate = DateOnly.Parse(today), DateValue = new DateOnly(2026, 1, 10) };

        Assert.That(TriggerMatcher.Matches(trigger, On("2026-01-17")), Is.True);
        Assert.That(TriggerMatcher.Matches(trigger, On("2027-01-17")), Is.False);
    }

    [Test]
    public void Tag_and_custom_event_triggers_match_their_name_ignoring_case()
    {
        var tag = new FlowTrigger { Event = FlowEventType.TagAdded, Tag = "VIP" };
        var custom = new FlowTrigger { Event = FlowEventType.Custom, EventName = "wishlist_shared" };

        Assert.That(TriggerMatcher.Matches(tag, new FlowEvent { Type = FlowEventType.TagAdded, Tag = "vip" }), Is.True);
        Assert.That(TriggerMatcher.Matches(custom, new FlowEvent { Type = FlowEventType.Custom, EventName = "wishlist_viewed" }), Is.False);
    }
}
