using static Nop.Plugin.Misc.CustomFlows.Engine.Templates.Scenarios.FlowParts;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Templates.Scenarios;

/// <summary>
/// Browse abandonment for a category: a customer who looked around one category (id 12 here) and left.
/// </summary>
internal static class BrowseAbandonmentTemplate
{
    public static FlowTemplate Category { get; } = new(
        "browse-abandonment-category", "browse-abandonment", TemplateLevel.Basic, TemplateCategory.Recovery,
        new("Category browse abandonment", "Porzucone przeglądanie kategorii"),
        new("Three hours after a customer views a product of category 12 (or its subcategories) without buying from it: if the category is already in their cart the flow stops, otherwise they get an e-mail with the category's best products. Clicking it tags them as interested and adds 3 to the score; without a click in 2 days, the picks appear as a pop-up on their next visit. At most once a week.",
            "Trzy godziny po obejrzeniu produktu z kategorii 12 (lub jej podkategorii) bez zakupu z niej: jeśli produkt z tej kategorii jest już w koszyku, proces się kończy, a jeśli nie, klient dostaje e-mail z najlepszymi produktami kategorii. Kliknięcie daje tag zainteresowania i +3 punkty; bez kliknięcia w ciągu 2 dni propozycje pojawiają się jako pop-up przy następnej wizycie. Najwyżej raz w tygodniu."),
        new("Turn interest in a category into an order from it.",
            "Zamienić zainteresowanie kategorią w zamówienie z niej."),
        $$"""
        {
          "schemaVersion": 1, "id": "browse-abandonment-category", "version": 1,
          "settings": { "audience": {{SubscribersOnly}}, "reEntry": { "mode": "oncePerPeriod", "period": "7d" } },
          "goal": { "name": "boughtFromCategory", "condition": { "type": "purchasedSinceEntry", "scope": { "kind": "category", "id": 12, "includeSubcategories": true } } },
          "exitConditions": {{UnsubscribedExit}},
          "nodes": [
            { "type": "start", "id": "start", "trigger": { "event": "product_viewed", "scope": { "kind": "category", "id": 12, "includeSubcategories": true } }, "next": "three-hours" },
            { "type": "wait", "id": "three-hours", "delay": "3h", "next": "in-cart" },
            { "type": "filter", "id": "in-cart", "title": "Category already in the cart?",
              "condition": { "type": "cartContains", "scope": { "kind": "category", "id": 12, "includeSubcategories": true } }, "yes": "cart-flow", "no": "picks" },
            { "type": "action", "id": "picks", "action": { "type": "sendEmail", "template": "CustomFlows.BrowseCategory.Picks" }, "next": "clicked" },
            { "type": "wait", "id": "clicked", "untilEvent": { "event": "email_clicked", "nodeId": "picks" }, "timeout": "2d", "onEvent": "interested", "next": "popup" },
            { "type": "action", "id": "interested", "action": { "type": "addTag", "tag": "interested-category-12" }, "next": "score" },
            { "type": "action", "id": "score", "action": { "type": "changeScore", "delta": 3 }, "next": "end" },
            { "type": "action", "id": "popup", "action": { "type": "showPopup", "template": "CustomFlows.BrowseCategory.Popup", "expiresAfter": "3d" }, "next": "end" },
            { "type": "end", "id": "cart-flow" },
            { "type": "end", "id": "end" }
          ]
        }
        """,
        [
            TemplateMessage.Email("CustomFlows.BrowseCategory.Picks",
                new("The best of %CustomFlows.CategoryName%",
                    "<p>Hi %Customer.FirstName%,</p><p>you were browsing %CustomFlows.CategoryName% earlier. These are the favourites of other customers:</p>%CustomFlows.RecommendedProducts%<p><a href=\"%CustomFlows.CategoryUrl%\">See the whole category</a></p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Unsubscribe</a></p>"),
                new("Najlepsze z kategorii %CustomFlows.CategoryName%",
                    "<p>Cześć %Customer.FirstName%,</p><p>przeglądałeś dziś kategorię %CustomFlows.CategoryName%. Oto ulubione produkty innych klientów:</p>%CustomFlows.RecommendedProducts%<p><a href=\"%CustomFlows.CategoryUrl%\">Zobacz całą kategorię</a></p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Wypisz mnie</a></p>")),
            TemplateMessage.Popup("CustomFlows.BrowseCategory.Popup",
                new("Back for %CustomFlows.CategoryName%?", "We picked the most popular products of the category for you.", "Show the picks"),
                new("Wracasz do kategorii %CustomFlows.CategoryName%?", "Wybraliśmy dla Ciebie jej najpopularniejsze produkty.", "Pokaż propozycje"))
        ]);
}
