using static Nop.Plugin.Misc.CustomFlows.Engine.Templates.Scenarios.FlowParts;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Templates.Scenarios;

/// <summary>
/// Post-purchase upsell: after an order, offer a better (and dearer) version of what was bought.
/// </summary>
internal static class UpsellTemplates
{
    public static FlowTemplate Basic { get; } = new(
        "upsell-basic", "upsell", TemplateLevel.Basic, TemplateCategory.Sales,
        new("Post-purchase upsell", "Upsell po zakupie"),
        new("Two days after an order, at 10:00, the customer gets an e-mail with higher-end alternatives to what they bought and is tagged \"upsell-offered\".",
            "Dwa dni po zamówieniu, o 10:00, klient dostaje e-mail z lepszymi wersjami kupionych produktów i tag \"upsell-offered\"."),
        new("Raise the value of the next order with premium products matched to the last one.",
            "Zwiększyć wartość kolejnego zamówienia produktami premium dopasowanymi do poprzedniego."),
        $$"""
        {
          "schemaVersion": 1, "id": "upsell-basic", "version": 1,
          "settings": { "audience": {{SubscribersOnly}}, "reEntry": { "mode": "notWhileActive" } },
          "goal": {{PurchasedGoal}},
          "exitConditions": {{UnsubscribedExit}},
          "nodes": [
            { "type": "start", "id": "start", "trigger": { "event": "order_placed" }, "next": "two-days" },
            { "type": "wait", "id": "two-days", "delay": "2d", "untilTimeOfDay": "10:00", "next": "premium" },
            { "type": "action", "id": "premium", "action": { "type": "sendEmail", "template": "CustomFlows.Upsell.Premium" }, "next": "tag" },
            { "type": "action", "id": "tag", "action": { "type": "addTag", "tag": "upsell-offered" }, "next": "end" },
            { "type": "end", "id": "end" }
          ]
        }
        """,
        [
            TemplateMessage.Email("CustomFlows.Upsell.Premium",
                new("Ready for an upgrade, %Customer.FirstName%?",
                    "<p>Hi %Customer.FirstName%,</p><p>thanks again for your order. If you enjoy it, you may like the next level up even more:</p>%CustomFlows.RecommendedProducts%<p><a href=\"%CustomFlows.UnsubscribeUrl%\">Unsubscribe</a></p>"),
                new("%Customer.FirstName%, może czas na coś lepszego?",
                    "<p>Cześć %Customer.FirstName%,</p><p>jeszcze raz dziękujemy za zamówienie. Jeśli jesteś zadowolony, te produkty z wyższej półki mogą spodobać Ci się jeszcze bardziej:</p>%CustomFlows.RecommendedProducts%<p><a href=\"%CustomFlows.UnsubscribeUrl%\">Wypisz mnie</a></p>"))
        ]);

    public static FlowTemplate Advanced { get; } = new(
        "upsell-advanced", "upsell", TemplateLevel.Advanced, TemplateCategory.Sales,
        new("Upsell across channels", "Upsell w kilku kanałach"),
        new("For orders of 100 or more: three days later at 10:00 an e-mail with premium alternatives. Four days on without a new order, the customer is sent to the ad audience (webhook) and sees a pop-up on the next visit. Five days later at 10:00 a 10% code for a week by e-mail; if that does not help either, staff are alerted a week later and the customer is tagged \"upsell-declined\".",
            "Dla zamówień od 100: trzy dni później o 10:00 e-mail z produktami premium. Jeśli przez cztery dni nie ma zamówienia, klient trafia do grupy reklamowej (webhook) i przy następnej wizycie widzi pop-up. Po kolejnych pięciu dniach o 10:00 dostaje e-mailem kod -10% na tydzień; gdy i to nie pomoże, tydzień później obsługa dostaje powiadomienie, a klient tag \"upsell-declined\"."),
        new("Sell higher-value products to recent buyers, repeating the offer in other channels before giving up.",
            "Sprzedać droższe produkty niedawnym kupującym, ponawiając ofertę w innych kanałach, zanim proces się podda."),
        $$"""
        {
          "schemaVersion": 1, "id": "upsell-advanced", "version": 1,
          "settings": {
            "audience": {{SubscribersOnly}},
            "reEntry": { "mode": "notWhileActive" },
            "frequencyCap": { "max": 3, "period": "14d" }
          },
          "goal": {{PurchasedGoal}},
          "exitConditions": {{UnsubscribedExit}},
          "nodes": [
            { "type": "start", "id": "start", "trigger": { "event": "order_placed", "filters": { "minValue": 100 } }, "next": "three-days" },
            { "type": "wait", "id": "three-days", "delay": "3d", "untilTimeOfDay": "10:00", "next": "premium" },
            { "type": "action", "id": "premium", "action": { "type": "sendEmail", "template": "CustomFlows.UpsellPlus.Premium" }, "next": "four-days" },
            { "type": "wait", "id": "four-days", "delay": "4d", "next": "ad-audience" },
            { "type": "action", "id": "ad-audience", "title": "Add to the upsell ad audience",
              "action": { "type": "webhook", "url": "https://ads.example.com/audiences/upsell", "eventName": "upsell.audience.add" }, "next": "popup" },
            { "type": "action", "id": "popup", "action": { "type": "showPopup", "template": "CustomFlows.UpsellPlus.Popup", "expiresAfter": "5d" }, "next": "five-days" },
            { "type": "wait", "id": "five-days", "delay": "5d", "untilTimeOfDay": "10:00", "next": "coupon" },
            { "type": "action", "id": "coupon", "action": { "type": "createCoupon", "percent": 10, "validFor": "7d" }, "next": "code" },
            { "type": "action", "id": "code", "action": { "type": "sendEmail", "template": "CustomFlows.UpsellPlus.Code" }, "next": "one-week" },
            { "type": "wait", "id": "one-week", "delay": "7d", "next": "tell-staff" },
            { "type": "action", "id": "tell-staff", "action": { "type": "alertStaff", "message": "Upsell: the customer ignored three premium offers; consider a personal contact." }, "next": "declined" },
            { "type": "action", "id": "declined", "action": { "type": "addTag", "tag": "upsell-declined" }, "next": "end" },
            { "type": "end", "id": "end" }
          ]
        }
        """,
        [
            TemplateMessage.Email("CustomFlows.UpsellPlus.Premium",
                new("The premium version of your choice",
                    "<p>%Customer.FirstName%, you chose well. These go a step further in quality and finish:</p>%CustomFlows.RecommendedProducts%<p><a href=\"%CustomFlows.UnsubscribeUrl%\">Unsubscribe</a></p>"),
                new("Wersja premium Twojego wyboru",
                    "<p>%Customer.FirstName%, to był dobry wybór. Te produkty idą o krok dalej pod względem jakości i wykończenia:</p>%CustomFlows.RecommendedProducts%<p><a href=\"%CustomFlows.UnsubscribeUrl%\">Wypisz mnie</a></p>")),
            TemplateMessage.Popup("CustomFlows.UpsellPlus.Popup",
                new("Treat yourself to the upgrade", "Premium versions of what you bought recently are waiting for you.", "See premium picks"),
                new("Pozwól sobie na więcej", "Czekają na Ciebie wersje premium produktów, które niedawno kupiłeś.", "Zobacz propozycje")),
            TemplateMessage.Email("CustomFlows.UpsellPlus.Code",
                new("%CustomFlows.CouponValue% off the upgrade",
                    "<p>%Customer.FirstName%, make the step up easier: code <strong>%CustomFlows.CouponCode%</strong> gives %CustomFlows.CouponValue% off until %CustomFlows.CouponExpiresOn%.</p>%CustomFlows.RecommendedProducts%<p><a href=\"%CustomFlows.UnsubscribeUrl%\">Unsubscribe</a></p>"),
                new("%CustomFlows.CouponValue% taniej na lepszą wersję",
                    "<p>%Customer.FirstName%, niech zmiana na lepsze będzie prostsza: kod <strong>%CustomFlows.CouponCode%</strong> daje %CustomFlows.CouponValue% rabatu do %CustomFlows.CouponExpiresOn%.</p>%CustomFlows.RecommendedProducts%<p><a href=\"%CustomFlows.UnsubscribeUrl%\">Wypisz mnie</a></p>"))
        ]);
}
