using static Nop.Plugin.Misc.CustomFlows.Engine.Templates.Scenarios.FlowParts;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Templates.Scenarios;

/// <summary>
/// Abandoned cart recovery: a cart left without checkout is brought back to the customer's mind.
/// </summary>
internal static class AbandonedCartTemplates
{
    public static FlowTemplate Basic { get; } = new(
        "abandoned-cart-basic", "abandoned-cart", TemplateLevel.Basic, TemplateCategory.Recovery,
        new("Abandoned cart reminder", "Przypomnienie o porzuconym koszyku"),
        new("When a cart has not changed for an hour and no order followed, the customer gets one e-mail listing what is in it and is tagged \"cart-abandoner\". An order at any time ends the flow.",
            "Gdy koszyk przez godzinę się nie zmienia i nie pojawia się zamówienie, klient dostaje jeden e-mail z zawartością koszyka i tag \"cart-abandoner\". Zamówienie w dowolnej chwili kończy proces."),
        new("Recover orders that were interrupted at the last step.",
            "Odzyskać zamówienia przerwane na ostatnim kroku."),
        $$"""
        {
          "schemaVersion": 1, "id": "abandoned-cart-basic", "version": 1,
          "settings": { "audience": {{SubscribersOnly}}, "reEntry": { "mode": "oncePerPeriod", "period": "1d" }, "priority": 20 },
          "goal": {{PurchasedGoal}},
          "exitConditions": {{UnsubscribedExit}},
          "nodes": [
            { "type": "start", "id": "start", "trigger": { "event": "cart_updated", "cartChange": "abandoned", "abandonedAfterMinutes": 60 }, "next": "reminder" },
            { "type": "action", "id": "reminder", "action": { "type": "sendEmail", "template": "CustomFlows.AbandonedCart.Reminder" }, "next": "tag" },
            { "type": "action", "id": "tag", "action": { "type": "addTag", "tag": "cart-abandoner" }, "next": "end" },
            { "type": "end", "id": "end" }
          ]
        }
        """,
        [
            TemplateMessage.Email("CustomFlows.AbandonedCart.Reminder",
                new("You left something in your cart",
                    "<p>Hi %Customer.FirstName%,</p><p>your cart at %Store.Name% is still saved:</p>%CustomFlows.CartItems%<p><a href=\"%CustomFlows.CartUrl%\">Finish your order</a> while everything is in stock.</p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Unsubscribe</a></p>"),
                new("Coś zostało w Twoim koszyku",
                    "<p>Cześć %Customer.FirstName%,</p><p>Twój koszyk w %Store.Name% wciąż na Ciebie czeka:</p>%CustomFlows.CartItems%<p><a href=\"%CustomFlows.CartUrl%\">Dokończ zamówienie</a>, póki wszystko jest dostępne.</p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Wypisz mnie</a></p>"))
        ]);

    public static FlowTemplate Advanced { get; } = new(
        "abandoned-cart-advanced", "abandoned-cart", TemplateLevel.Advanced, TemplateCategory.Recovery,
        new("Abandoned cart series with a code", "Seria przypomnień o koszyku z kodem rabatowym"),
        new("An hour after the cart was left: tag, +5 score, a reminder e-mail and a pop-up for the next visit; staff are alerted about carts of 500 or more. The next evening at 18:00 a 10% code valid for 3 days goes out, and two days later at 10:00 a last call. The flow stops as soon as the customer orders.",
            "Godzinę po porzuceniu koszyka: tag, +5 punktów, e-mail z przypomnieniem i pop-up przy następnej wizycie; o koszykach od 500 dowiaduje się obsługa. Następnego dnia o 18:00 klient dostaje kod -10% ważny 3 dni, a dwa dni później o 10:00 ostatnie przypomnienie. Proces kończy się, gdy tylko klient złoży zamówienie."),
        new("Recover more abandoned carts by combining channels and a time-limited incentive, and let staff call about the big ones.",
            "Odzyskać więcej porzuconych koszyków, łącząc kanały z ograniczoną w czasie zachętą, a o dużych koszykach dać znać obsłudze."),
        $$"""
        {
          "schemaVersion": 1, "id": "abandoned-cart-advanced", "version": 1,
          "settings": {
            "audience": {{SubscribersOnly}},
            "reEntry": { "mode": "oncePerPeriod", "period": "3d" },
            "frequencyCap": { "max": 4, "period": "7d" },
            "priority": 20
          },
          "goal": {{PurchasedGoal}},
          "exitConditions": {{UnsubscribedExit}},
          "nodes": [
            { "type": "start", "id": "start", "trigger": { "event": "cart_updated", "cartChange": "abandoned", "abandonedAfterMinutes": 60 }, "next": "big-cart" },
            { "type": "filter", "id": "big-cart", "title": "Cart worth 500 or more?", "condition": { "type": "cartValue", "op": "gte", "value": 500 }, "yes": "tell-staff", "no": "tag" },
            { "type": "action", "id": "tell-staff", "action": { "type": "alertStaff", "message": "A cart worth 500 or more was abandoned an hour ago; a personal call may save it." }, "next": "tag" },
            { "type": "action", "id": "tag", "action": { "type": "addTag", "tag": "cart-abandoner" }, "next": "score" },
            { "type": "action", "id": "score", "action": { "type": "changeScore", "delta": 5 }, "next": "reminder" },
            { "type": "action", "id": "reminder", "action": { "type": "sendEmail", "template": "CustomFlows.CartSeries.Reminder" }, "next": "popup" },
            { "type": "action", "id": "popup", "action": { "type": "showPopup", "template": "CustomFlows.CartSeries.Popup", "expiresAfter": "1d" }, "next": "next-evening" },
            { "type": "wait", "id": "next-evening", "delay": "1d", "untilTimeOfDay": "18:00", "next": "coupon" },
            { "type": "action", "id": "coupon", "action": { "type": "createCoupon", "percent": 10, "validFor": "3d" }, "next": "code" },
            { "type": "action", "id": "code", "action": { "type": "sendEmail", "template": "CustomFlows.CartSeries.Code" }, "next": "two-days" },
            { "type": "wait", "id": "two-days", "delay": "2d", "untilTimeOfDay": "10:00", "next": "last-call" },
            { "type": "action", "id": "last-call", "action": { "type": "sendEmail", "template": "CustomFlows.CartSeries.LastCall" }, "next": "lost" },
            { "type": "action", "id": "lost", "action": { "type": "addTag", "tag": "cart-lost" }, "next": "end" },
            { "type": "end", "id": "end" }
          ]
        }
        """,
        [
            TemplateMessage.Email("CustomFlows.CartSeries.Reminder",
                new("Your cart is waiting for you",
                    "<p>%Customer.FirstName%, you were almost done. Here is what you picked:</p>%CustomFlows.CartItems%<p><a href=\"%CustomFlows.CartUrl%\">Return to your cart</a></p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Unsubscribe</a></p>"),
                new("Twój koszyk na Ciebie czeka",
                    "<p>%Customer.FirstName%, zostało już niewiele. Oto, co wybrałeś:</p>%CustomFlows.CartItems%<p><a href=\"%CustomFlows.CartUrl%\">Wróć do koszyka</a></p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Wypisz mnie</a></p>")),
            TemplateMessage.Popup("CustomFlows.CartSeries.Popup",
                new("Still thinking it over?", "Your cart is saved, so you can pick up where you left off.", "Show my cart"),
                new("Nadal się zastanawiasz?", "Twój koszyk jest zapisany, możesz kontynuować w tym samym miejscu.", "Pokaż koszyk")),
            TemplateMessage.Email("CustomFlows.CartSeries.Code",
                new("%CustomFlows.CouponValue% off the cart you left",
                    "<p>%Customer.FirstName%, if the price held you back, this should help: code <strong>%CustomFlows.CouponCode%</strong> takes %CustomFlows.CouponValue% off until %CustomFlows.CouponExpiresOn%.</p>%CustomFlows.CartItems%<p><a href=\"%CustomFlows.CartUrl%\">Use the code</a></p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Unsubscribe</a></p>"),
                new("%CustomFlows.CouponValue% mniej za Twój koszyk",
                    "<p>%Customer.FirstName%, jeśli powstrzymała Cię cena, to powinno pomóc: kod <strong>%CustomFlows.CouponCode%</strong> obniża zamówienie o %CustomFlows.CouponValue% do %CustomFlows.CouponExpiresOn%.</p>%CustomFlows.CartItems%<p><a href=\"%CustomFlows.CartUrl%\">Skorzystaj z kodu</a></p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Wypisz mnie</a></p>")),
            TemplateMessage.Email("CustomFlows.CartSeries.LastCall",
                new("Last reminder: your code ends soon",
                    "<p>%Customer.FirstName%, this is the last message about your cart. Code <strong>%CustomFlows.CouponCode%</strong> works until %CustomFlows.CouponExpiresOn%, after that we let the cart go.</p><p><a href=\"%CustomFlows.CartUrl%\">Complete the order</a></p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Unsubscribe</a></p>"),
                new("Ostatnie przypomnienie: kod wkrótce wygaśnie",
                    "<p>%Customer.FirstName%, to ostatnia wiadomość o Twoim koszyku. Kod <strong>%CustomFlows.CouponCode%</strong> działa do %CustomFlows.CouponExpiresOn%, potem przestaniemy przypominać.</p><p><a href=\"%CustomFlows.CartUrl%\">Dokończ zamówienie</a></p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Wypisz mnie</a></p>"))
        ]);
}
