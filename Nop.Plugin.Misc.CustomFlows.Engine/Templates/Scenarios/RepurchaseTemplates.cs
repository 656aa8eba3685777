namespace Nop.Plugin.Misc.CustomFlows.Engine.Templates.Scenarios;

/// <summary>
/// Repurchase reminder for consumables: the customer hears from the shop about when the product runs out.
/// Both templates watch category 20; point the scope at the shop's consumables category.
/// </summary>
internal static class RepurchaseTemplates
{
    private const string Restocked = """{ "name": "restocked", "condition": { "type": "purchasedSinceEntry", "scope": { "kind": "category", "id": 20, "includeSubcategories": true } } }""";

    public static FlowTemplate Basic { get; } = new(
        "repurchase-basic", "repurchase", TemplateLevel.Basic, TemplateCategory.Retention,
        new("Repurchase reminder", "Przypomnienie o ponownym zakupie"),
        new("After an order with a product from the consumables category (id 20, with subcategories) the flow waits 25 days, about the time the product lasts. If the customer has not bought from the category again, an e-mail reminds them at 10:00 and tags them \"repurchase-reminded\".",
            "Po zamówieniu produktu z kategorii produktów zużywalnych (id 20, z podkategoriami) proces czeka 25 dni, mniej więcej tyle, ile produkt wystarcza. Jeśli klient nie kupił w tym czasie nic z tej kategorii, o 10:00 dostaje e-mail z przypomnieniem i tag \"repurchase-reminded\"."),
        new("Sell the next pack before the customer runs out, and save them the trouble of remembering.",
            "Sprzedać kolejne opakowanie, zanim produkt się skończy, i oszczędzić klientowi pamiętania o tym."),
        $$"""
        {
          "schemaVersion": 1, "id": "repurchase-basic", "version": 1,
          "settings": { "reEntry": { "mode": "notWhileActive" } },
          "goal": {{Restocked}},
          "nodes": [
            { "type": "start", "id": "start", "trigger": { "event": "order_placed", "scope": { "kind": "category", "id": 20, "includeSubcategories": true } }, "next": "use-up" },
            { "type": "wait", "id": "use-up", "title": "About as long as the product lasts", "delay": "25d", "untilTimeOfDay": "10:00", "next": "reminder" },
            { "type": "action", "id": "reminder", "action": { "type": "sendEmail", "template": "CustomFlows.Repurchase.Reminder" }, "next": "tag" },
            { "type": "action", "id": "tag", "action": { "type": "addTag", "tag": "repurchase-reminded" }, "next": "end" },
            { "type": "end", "id": "end" }
          ]
        }
        """,
        [
            TemplateMessage.Email("CustomFlows.Repurchase.Reminder",
                new("Running low, %Customer.FirstName%?",
                    "<p>Hi %Customer.FirstName%,</p><p>if you use it every day, what you ordered is probably almost gone by now:</p>%CustomFlows.OrderedProducts%<p><a href=\"%Store.URL%\">Order a refill</a> and it arrives before you run out.</p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Unsubscribe</a></p>"),
                new("%Customer.FirstName%, czy zapas się kończy?",
                    "<p>Cześć %Customer.FirstName%,</p><p>przy codziennym używaniu zamówione produkty pewnie właśnie się kończą:</p>%CustomFlows.OrderedProducts%<p><a href=\"%Store.URL%\">Zamów uzupełnienie</a>, a dotrze, zanim zabraknie.</p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Wypisz mnie</a></p>"))
        ]);

    public static FlowTemplate Advanced { get; } = new(
        "repurchase-advanced", "repurchase", TemplateLevel.Advanced, TemplateCategory.Retention,
        new("Repurchase reminder with a follow-up", "Przypomnienie o ponownym zakupie z dalszym kontaktem"),
        new("21 days after buying a consumable the customer gets a reminder at 10:00. Three days later, if they opened it, a 5% code valid for a week follows by e-mail; if they did not, the reminder appears as a pop-up on their next visit and they are tagged \"email-inactive\". Without a new order from the category a week later they are tagged \"repurchase-missed\".",
            "21 dni po zakupie produktu zużywalnego klient dostaje o 10:00 przypomnienie. Trzy dni później, jeśli je otworzył, e-mailem przychodzi kod -5% ważny tydzień; jeśli nie, przypomnienie pojawia się jako pop-up przy następnej wizycie, a klient dostaje tag \"email-inactive\". Gdy po tygodniu nadal nie kupi nic z tej kategorii, dostaje tag \"repurchase-missed\"."),
        new("Keep consumable customers on a regular buying rhythm, reaching them through the channel that works for them.",
            "Utrzymać stały rytm zakupów produktów zużywalnych, docierając do klienta kanałem, który na niego działa."),
        $$"""
        {
          "schemaVersion": 1, "id": "repurchase-advanced", "version": 1,
          "settings": { "reEntry": { "mode": "notWhileActive" }, "frequencyCap": { "max": 3, "period": "14d" } },
          "goal": {{Restocked}},
          "nodes": [
            { "type": "start", "id": "start", "trigger": { "event": "order_placed", "scope": { "kind": "category", "id": 20, "includeSubcategories": true } }, "next": "use-up" },
            { "type": "wait", "id": "use-up", "delay": "21d", "untilTimeOfDay": "10:00", "next": "reminder" },
            { "type": "action", "id": "reminder", "action": { "type": "sendEmail", "template": "CustomFlows.RepurchaseFollowUp.Reminder" }, "next": "three-days" },
            { "type": "wait", "id": "three-days", "delay": "3d", "untilTimeOfDay": "10:00", "next": "opened" },
            { "type": "filter", "id": "opened", "title": "Opened the reminder?", "condition": { "type": "emailEngagement", "nodeId": "reminder", "engagement": "opened" }, "yes": "coupon", "no": "popup" },
            { "type": "action", "id": "coupon", "action": { "type": "createCoupon", "percent": 5, "validFor": "7d" }, "next": "code" },
            { "type": "action", "id": "code", "action": { "type": "sendEmail", "template": "CustomFlows.RepurchaseFollowUp.Code" }, "next": "one-week" },
            { "type": "action", "id": "popup", "action": { "type": "showPopup", "template": "CustomFlows.RepurchaseFollowUp.Popup", "expiresAfter": "7d" }, "next": "email-inactive" },
            { "type": "action", "id": "email-inactive", "action": { "type": "addTag", "tag": "email-inactive" }, "next": "one-week" },
            { "type": "wait", "id": "one-week", "delay": "7d", "next": "missed" },
            { "type": "action", "id": "missed", "action": { "type": "addTag", "tag": "repurchase-missed" }, "next": "end" },
            { "type": "end", "id": "end" }
          ]
        }
        """,
        [
            TemplateMessage.Email("CustomFlows.RepurchaseFollowUp.Reminder",
                new("Time to restock?",
                    "<p>%Customer.FirstName%, three weeks have passed since your order:</p>%CustomFlows.OrderedProducts%<p>Reorder now and you won't be left without it.</p><p><a href=\"%Store.URL%\">Reorder</a></p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Unsubscribe</a></p>"),
                new("Czas uzupełnić zapasy?",
                    "<p>%Customer.FirstName%, od Twojego zamówienia minęły trzy tygodnie:</p>%CustomFlows.OrderedProducts%<p>Zamów ponownie teraz, a nie zostaniesz bez ulubionych produktów.</p><p><a href=\"%Store.URL%\">Zamów ponownie</a></p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Wypisz mnie</a></p>")),
            TemplateMessage.Email("CustomFlows.RepurchaseFollowUp.Code",
                new("A little something for your refill",
                    "<p>%Customer.FirstName%, your refill is %CustomFlows.CouponValue% cheaper with code <strong>%CustomFlows.CouponCode%</strong> until %CustomFlows.CouponExpiresOn%.</p>%CustomFlows.OrderedProducts%<p><a href=\"%CustomFlows.UnsubscribeUrl%\">Unsubscribe</a></p>"),
                new("Drobny upominek przy uzupełnianiu zapasów",
                    "<p>%Customer.FirstName%, z kodem <strong>%CustomFlows.CouponCode%</strong> uzupełnisz zapasy %CustomFlows.CouponValue% taniej, do %CustomFlows.CouponExpiresOn%.</p>%CustomFlows.OrderedProducts%<p><a href=\"%CustomFlows.UnsubscribeUrl%\">Wypisz mnie</a></p>")),
            TemplateMessage.Popup("CustomFlows.RepurchaseFollowUp.Popup",
                new("Need a refill?", "The products you ordered three weeks ago may be running out.", "Reorder now"),
                new("Potrzebujesz uzupełnienia?", "Produkty zamówione trzy tygodnie temu mogą się już kończyć.", "Zamawiam ponownie"))
        ]);
}
