using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using Nop.Plugin.Misc.CustomFlows.Engine.Entry;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using static Nop.Plugin.Misc.CustomFlows.Tests.Engine.EngineKit;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Engine.Entry;

[TestFixture]
public class TriggerIndexTests
{
    private static CompiledFlow Viewed(string id, string scope, int priority = 0, string stores = "[]") => Compile(
        $$"""{ "type": "start", "id": "start", "trigger": { "event": "product_viewed"{{(scope == null ? "" : $", \"scope\": {scope}")}} }, "next": "end" }, { "type": "end", "id": "end" }""",
        $$"""{ "priority": {{priority}}, "storeIds": {{stores}} }""", id: id);

    private static readonly TriggerIndex Index = TriggerIndex.Build(
    [
        Viewed("any-product", null),
        Viewed("product-9", """{ "kind": "product", "id": 9 }""", priority: 5),
        Viewed("shoes-tree", """{ "kind": "category", "id": 5, "includeSubcategories": true }""", priority: 10),
        Viewed("shoes-only", """{ "kind": "category", "id": 5 }"""),
        Viewed("store-2", null, stores: "[2]"),
        Compile($$"""{{StartOnOrder}}, { "type": "end", "id": "step-1" }""", id: "orders")
    ]);

    private static List<string> Match(FlowEvent flowEvent)
    {
        var results = new List<CompiledFlow>();
        Index.Match(flowEvent, results);
        return results.Select(f => f.Id).ToList();
    }

    [Test]
    public void An_event_finds_the_flows_of_its_type_and_products_highest_priority_first()
    {
        var view = new FlowEvent { Type = FlowEventType.ProductViewed, StoreId = 1, ProductIds = [9], CategoryIds = [12], AncestorCategoryIds = [5] };

        Assert.That(Match(view), Is.EqualTo(new[] { "shoes-tree", "product-9", "any-product" }));
    }

    [Test]
    public void A_flow_reached_through_several_products_of_one_event_is_listed_once()
    {
        var view = new FlowEvent { Type = FlowEventType.ProductViewed, StoreId = 1, ProductIds = [9, 10], CategoryIds = [5, 12], AncestorCategoryIds = [5] };

        Assert.That(Match(view).Count(id => id == "shoes-tree"), Is.EqualTo(1));
        Assert.That(Match(view), Does.Contain("shoes-only"));
    }

    [Test]
    public void An_event_of_a_type_no_flow_listens_to_finds_nothing()
    {
        Assert.That(Match(new FlowEvent { Type = FlowEventType.NewsletterSubscribed, StoreId = 1 }), Is.Empty);
    }

    [Test]
    public void A_flow_limited_to_a_store_is_found_only_for_events_of_that_store()
    {
        var inStore2 = new FlowEvent { Type = FlowEventType.ProductViewed, StoreId = 2, ProductIds = [1] };

        Assert.That(Match(inStore2), Is.EqualTo(new[] { "any-product", "store-2" }));
    }
}
