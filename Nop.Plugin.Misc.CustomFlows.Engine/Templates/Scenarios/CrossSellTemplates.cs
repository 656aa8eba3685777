using static Nop.Plugin.Misc.CustomFlows.Engine.Templates.Scenarios.FlowParts;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Templates.Scenarios;

/// <summary>
/// Post-purchase cross-sell: after an order, suggest products that go with what was bought.
/// </summary>
internal static class CrossSellTemplates
{
    public static FlowTemplate Basic { get; } = new(
        "cross-sell-basic", "cross-sell", TemplateLevel.Basic, TemplateCategory.Sales,
        new("Post-purchase cross-sell", "Cross-selling po zakupie"),
        new("The day after an order, at 10:00, the customer gets an e-mail with products that go well with what they bought, is tagged \"cross-sell\" and is sent to the ad audience for complementary products (webhook).",
            "Dzień po zamówieniu, o 10:00, klient dostaje e-mail z produktami pasującymi do zakupionych, tag \"cross-sell\" i trafia do grupy reklamowej produktów uzupełniających (webhook)."),
        new("Interest customers in products that complete their purchase.",
            "Zainteresować klienta produktami, które uzupełniają jego zakup."),
        $$"""
        {
          "schemaVersion": 1, "id": "cross-sell-basic", "version": 1,
          "settings": { "audience": {{SubscribersOnly}}, "reEntry": { "mode": "notWhileActive" } },
          "goal": {{PurchasedGoal}},
          "exitConditions": {{UnsubscribedExit}},
          "nodes": [
            { "type": "start", "id": "start", "trigger": { "event": "order_placed" }, "next": "next-day" },
            { "type": "wait", "id": "next-day", "delay": "1d", "untilTimeOfDay": "10:00", "next": "complements" },
            { "type": "action", "id": "complements", "action": { "type": "sendEmail", "template": "CustomFlows.CrossSell.Complements" }, "next": "tag" },
            { "type": "action", "id": "tag", "action": { "type": "addTag", "tag": "cross-sell" }, "next": "ad-audience" },
            { "type": "action", "id": "ad-audience", "action": { "type": "webhook", "url": "https://ads.example.com/audiences/cross-sell", "eventName": "cross-sell.audience.add" }, "next": "end" },
            { "type": "end", "id": "end" }
          ]
        }
        """,
        [
            TemplateMessage.Email("CustomFlows.CrossSell.Complements",
                new("Goes perfectly with your order",
                    "<p>Hi %Customer.FirstName%,</p><p>you ordered:</p>%CustomFlows.OrderedProducts%<p>Customers who bought the same often add these:</p>%CustomFlows.RecommendedProducts%<p><a href=\"%CustomFlows.UnsubscribeUrl%\">Unsubscribe</a></p>"),
                new("Idealnie pasuje do Twojego zamówienia",
                    "<p>Cześć %Customer.FirstName%,</p><p>zamówiłeś:</p>%CustomFlows.OrderedProducts%<p>Klienci, którzy kupili to samo, często dobierają również:</p>%CustomFlows.RecommendedProducts%<p><a href=\"%CustomFlows.UnsubscribeUrl%\">Wypisz mnie</a></p>"))
        ]);

    public static FlowTemplate Advanced { get; } = new(
        "cross-sell-advanced", "cross-sell", TemplateLevel.Advanced, TemplateCategory.Sales,
        new("Cross-sell in the customer's channel", "Cross-selling w kanale klienta"),
        new("Right after an order: the customer joins the ad audience (webhook) and sees matching products in a pop-up on the next visit. Three days later at 10:00 an e-mail with complementary products. Four days later a 10% code valid a week: by e-mail if they opened the previous one, otherwise as a pop-up. The day before the code ends, a last reminder at 10:00.",
            "Zaraz po zamówieniu klient trafia do grupy reklamowej (webhook) i przy następnej wizycie widzi pop-up z pasującymi produktami. Trzy dni później o 10:00 dostaje e-mail z produktami uzupełniającymi. Po kolejnych czterech dniach kod -10% ważny tydzień: e-mailem, jeśli otworzył poprzednią wiadomość, a jeśli nie, jako pop-up. Dzień przed wygaśnięciem kodu, o 10:00, ostatnie przypomnienie."),
        new("Complete the customer's purchase with well-matched products, offered in the channel they respond to.",
            "Uzupełnić zakup klienta dobrze dobranymi produktami, proponowanymi w kanale, na który reaguje."),
        $$"""
        {
          "schemaVersion": 1, "id": "cross-sell-advanced", "version": 1,
          "settings": {
            "audience": {{SubscribersOnly}},
            "reEntry": { "mode": "notWhileActive" },
            "frequencyCap": { "max": 4, "period": "14d" }
          },
          "goal": {{PurchasedGoal}},
          "exitConditions": {{UnsubscribedExit}},
          "nodes": [
            { "type": "start", "id": "start", "trigger": { "event": "order_placed" }, "next": "ad-audience" },
            { "type": "action", "id": "ad-audience", "action": { "type": "webhook", "url": "https://ads.example.com/audiences/cross-sell", "eventName": "cross-sell.audience.add" }, "next": "banner" },
            { "type": "action", "id": "banner", "action": { "type": "showPopup", "template": "CustomFlows.CrossSellPlus.Banner", "expiresAfter": "3d" }, "next": "three-days" },
            { "type": "wait", "id": "three-days", "delay": "3d", "untilTimeOfDay": "10:00", "next": "complements" },
            { "type": "action", "id": "complements", "action": { "type": "sendEmail", "template": "CustomFlows.CrossSellPlus.Complements" }, "next": "four-days" },
            { "type": "wait", "id": "four-days", "delay": "4d", "untilTimeOfDay": "10:00", "next": "coupon" },
            { "type": "action", "id": "coupon", "action": { "type": "createCoupon", "percent": 10, "validFor": "7d" }, "next": "reads-email" },
            { "type": "filter", "id": "reads-email", "title": "Opened the e-mail?", "condition": { "type": "emailEngagement", "nodeId": "complements", "engagement": "opened" }, "yes": "code-email", "no": "code-popup" },
            { "type": "action", "id": "code-email", "action": { "type": "sendEmail", "template": "CustomFlows.CrossSellPlus.Code" }, "next": "until-code-ends" },
            { "type": "action", "id": "code-popup", "action": { "type": "showPopup", "template": "CustomFlows.CrossSellPlus.CodePopup", "expiresAfter": "6d" }, "next": "until-code-ends" },
            { "type": "wait", "id": "until-code-ends", "delay": "6d", "untilTimeOfDay": "10:00", "next": "last-call" },
            { "type": "action", "id": "last-call", "action": { "type": "sendEmail", "template": "CustomFlows.CrossSellPlus.LastCall" }, "next": "end" },
            { "type": "end", "id": "end" }
          ]
        }
        """,
        [
            TemplateMessage.Popup("CustomFlows.CrossSellPlus.Banner",
                new("Made to go together", "These products match what you just ordered.", "See the matches"),
                new("Stworzone, by do siebie pasować", "Te produkty pasują do tego, co właśnie zamówiłeś.", "Zobacz dopasowania")),
            TemplateMessage.Email("CustomFlows.CrossSellPlus.Complements",
                new("Complete your set, %Customer.FirstName%",
                    "<p>Your order is on its way. To get even more out of it, have a look at these:</p>%CustomFlows.RecommendedProducts%<p><a href=\"%CustomFlows.UnsubscribeUrl%\">Unsubscribe</a></p>"),
                new("Skompletuj zestaw, %Customer.FirstName%",
                    "<p>Twoje zamówienie jest w drodze. Żeby wycisnąć z niego jeszcze więcej, zajrzyj tutaj:</p>%CustomFlows.RecommendedProducts%<p><a href=\"%CustomFlows.UnsubscribeUrl%\">Wypisz mnie</a></p>")),
            TemplateMessage.Email("CustomFlows.CrossSellPlus.Code",
                new("%CustomFlows.CouponValue% off the perfect match",
                    "<p>%Customer.FirstName%, code <strong>%CustomFlows.CouponCode%</strong> takes %CustomFlows.CouponValue% off products that go with your order, until %CustomFlows.CouponExpiresOn%.</p>%CustomFlows.RecommendedProducts%<p><a href=\"%CustomFlows.UnsubscribeUrl%\">Unsubscribe</a></p>"),
                new("%CustomFlows.CouponValue% taniej na idealne uzupełnienie",
                    "<p>%Customer.FirstName%, kod <strong>%CustomFlows.CouponCode%</strong> obniża o %CustomFlows.CouponValue% cenę produktów pasujących do zamówienia, do %CustomFlows.CouponExpiresOn%.</p>%CustomFlows.RecommendedProducts%<p><a href=\"%CustomFlows.UnsubscribeUrl%\">Wypisz mnie</a></p>")),
            TemplateMessage.Popup("CustomFlows.CrossSellPlus.CodePopup",
                new("A code for the finishing touch", "Use %CustomFlows.CouponCode% for %CustomFlows.CouponValue% off matching products.", "Use my code"),
                new("Kod na ostatni szlif", "Z kodem %CustomFlows.CouponCode% kupisz pasujące produkty %CustomFlows.CouponValue% taniej.", "Użyj kodu")),
            TemplateMessage.Email("CustomFlows.CrossSellPlus.LastCall",
                new("Your code ends tomorrow",
                    "<p>%Customer.FirstName%, a last reminder: code <strong>%CustomFlows.CouponCode%</strong> works until %CustomFlows.CouponExpiresOn%.</p><p><a href=\"%Store.URL%\">Use it now</a></p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Unsubscribe</a></p>"),
                new("Jutro kod przestaje działać",
                    "<p>%Customer.FirstName%, ostatnie przypomnienie: kod <strong>%CustomFlows.CouponCode%</strong> działa do %CustomFlows.CouponExpiresOn%.</p><p><a href=\"%Store.URL%\">Wykorzystaj go teraz</a></p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Wypisz mnie</a></p>"))
        ]);
}
