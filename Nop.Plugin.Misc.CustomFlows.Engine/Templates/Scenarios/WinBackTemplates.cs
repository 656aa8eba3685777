using static Nop.Plugin.Misc.CustomFlows.Engine.Templates.Scenarios.FlowParts;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Templates.Scenarios;

/// <summary>
/// Win-back: a customer who bought once and then went quiet is reminded of the shop.
/// </summary>
internal static class WinBackTemplates
{
    public static FlowTemplate Basic { get; } = new(
        "win-back-basic", "win-back", TemplateLevel.Basic, TemplateCategory.Retention,
        new("Win-back", "Odzyskiwanie klientów"),
        new("Every order restarts a 60-day clock. If it runs out without a new order, the customer gets an e-mail with products picked for them, is tagged \"win-back\" and the staff are told.",
            "Każde zamówienie uruchamia od nowa 60-dniowy licznik. Gdy minie bez kolejnego zakupu, klient dostaje e-mail z produktami dobranymi dla niego, tag \"win-back\", a obsługa sklepu powiadomienie."),
        new("Raise customer lifetime value by bringing one-time buyers back for a second order.",
            "Zwiększyć wartość klienta w czasie, skłaniając jednorazowych kupujących do drugiego zamówienia."),
        $$"""
        {
          "schemaVersion": 1, "id": "win-back-basic", "version": 1,
          "settings": { "audience": {{SubscribersOnly}}, "reEntry": { "mode": "notWhileActive" } },
          "goal": {{PurchasedGoal}},
          "exitConditions": {{UnsubscribedExit}},
          "nodes": [
            { "type": "start", "id": "start", "trigger": { "event": "order_placed" }, "next": "quiet-60-days" },
            { "type": "wait", "id": "quiet-60-days", "title": "60 days, then 10:00", "delay": "60d", "untilTimeOfDay": "10:00", "next": "miss-you" },
            { "type": "action", "id": "miss-you", "action": { "type": "sendEmail", "template": "CustomFlows.WinBack.MissYou", "category": "marketing" }, "next": "tag" },
            { "type": "action", "id": "tag", "action": { "type": "addTag", "tag": "win-back" }, "next": "tell-staff" },
            { "type": "action", "id": "tell-staff", "action": { "type": "alertStaff", "message": "Win-back: a customer has not ordered for 60 days and got the reminder e-mail." }, "next": "end" },
            { "type": "end", "id": "end" }
          ]
        }
        """,
        [
            TemplateMessage.Email("CustomFlows.WinBack.MissYou",
                new("%Customer.FirstName%, it has been a while",
                    "<p>Hello %Customer.FirstName%,</p><p>two months have passed since your last order at %Store.Name%. We have been busy since then, and we think these will suit you:</p>%CustomFlows.RecommendedProducts%<p>Come and have a look whenever you like.</p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Stop these e-mails</a></p>"),
                new("%Customer.FirstName%, dawno Cię u nas nie było",
                    "<p>Cześć %Customer.FirstName%,</p><p>od Twojego ostatniego zamówienia w %Store.Name% minęły dwa miesiące. W tym czasie sporo się u nas zmieniło, a te produkty wybraliśmy z myślą o Tobie:</p>%CustomFlows.RecommendedProducts%<p>Zajrzyj, kiedy tylko zechcesz.</p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Nie chcę więcej takich wiadomości</a></p>"))
        ]);

    public static FlowTemplate Advanced { get; } = new(
        "win-back-advanced", "win-back", TemplateLevel.Advanced, TemplateCategory.Retention,
        new("Win-back with a second channel", "Odzyskiwanie klientów dwoma kanałami"),
        new("45 days after the last order (on a weekday at 10:00) the customer gets recommendations by e-mail. A week later comes a 15% code: by e-mail to those who opened the first message, as a storefront pop-up to those who did not. Still no order two weeks on: tagged \"lapsed\" and moved to the lapsed stage. One customer in ten is held out as a control group to measure the uplift.",
            "45 dni po ostatnim zamówieniu (w dzień roboczy o 10:00) klient dostaje e-mail z rekomendacjami. Tydzień później kod -15%: e-mailem, jeśli otworzył pierwszą wiadomość, a jeśli nie, jako pop-up w sklepie. Gdy po dwóch kolejnych tygodniach nadal nie kupi, dostaje tag \"lapsed\" i trafia do etapu utraconych. Co dziesiąty klient jest grupą kontrolną, by zmierzyć efekt."),
        new("Win back customers who drift away, using the channel they respond to, and know how many orders the flow really added.",
            "Odzyskać klientów, którzy się oddalają, kanałem, na który reagują, i wiedzieć, ile zamówień naprawdę dał ten proces."),
        $$"""
        {
          "schemaVersion": 1, "id": "win-back-advanced", "version": 1,
          "settings": {
            "audience": {{SubscribersOnly}},
            "reEntry": { "mode": "notWhileActive" },
            "frequencyCap": { "max": 3, "period": "30d" },
            "priority": 5
          },
          "goal": {{PurchasedGoal}},
          "exitConditions": {{UnsubscribedExit}},
          "nodes": [
            { "type": "start", "id": "start", "trigger": { "event": "order_placed" }, "next": "uplift-test" },
            { "type": "split", "id": "uplift-test", "branches": [
              { "name": "win-back", "weight": 90, "next": "quiet-45-days" },
              { "name": "control", "weight": 10, "holdout": true, "next": "quiet-45-days" } ] },
            { "type": "wait", "id": "quiet-45-days", "title": "45 days, then a weekday at 10:00", "delay": "45d", "untilTimeOfDay": "10:00",
              "onWeekdays": ["monday", "tuesday", "wednesday", "thursday", "friday"], "next": "picks" },
            { "type": "action", "id": "picks", "action": { "type": "sendEmail", "template": "CustomFlows.WinBackPlus.Picks" }, "next": "one-week" },
            { "type": "wait", "id": "one-week", "delay": "7d", "untilTimeOfDay": "10:00", "next": "coupon" },
            { "type": "action", "id": "coupon", "action": { "type": "createCoupon", "percent": 15, "validFor": "14d" }, "next": "reads-email" },
            { "type": "filter", "id": "reads-email", "title": "Opened the first e-mail?",
              "condition": { "type": "emailEngagement", "nodeId": "picks", "engagement": "opened" }, "yes": "code-email", "no": "code-popup" },
            { "type": "action", "id": "code-email", "action": { "type": "sendEmail", "template": "CustomFlows.WinBackPlus.Code" }, "next": "two-weeks" },
            { "type": "action", "id": "code-popup", "action": { "type": "showPopup", "template": "CustomFlows.WinBackPlus.CodePopup", "expiresAfter": "14d" }, "next": "email-inactive" },
            { "type": "action", "id": "email-inactive", "action": { "type": "addTag", "tag": "email-inactive" }, "next": "two-weeks" },
            { "type": "wait", "id": "two-weeks", "delay": "14d", "next": "lapsed-tag" },
            { "type": "action", "id": "lapsed-tag", "action": { "type": "addTag", "tag": "lapsed" }, "next": "lapsed-stage" },
            { "type": "action", "id": "lapsed-stage", "action": { "type": "setFunnelStage", "stage": "lapsed" }, "next": "end" },
            { "type": "end", "id": "end" }
          ]
        }
        """,
        [
            TemplateMessage.Email("CustomFlows.WinBackPlus.Picks",
                new("New things we think you'll like, %Customer.FirstName%",
                    "<p>Hi %Customer.FirstName%,</p><p>we noticed you haven't stopped by for a while, so we put together a short list based on what you bought and browsed:</p>%CustomFlows.RecommendedProducts%<p>Recently viewed:</p>%CustomFlows.ViewedProducts%<p><a href=\"%CustomFlows.UnsubscribeUrl%\">Unsubscribe</a></p>"),
                new("%Customer.FirstName%, nowości, które mogą Ci się spodobać",
                    "<p>Cześć %Customer.FirstName%,</p><p>dawno do nas nie zaglądałeś, więc przygotowaliśmy krótką listę na podstawie Twoich zakupów i przeglądanych produktów:</p>%CustomFlows.RecommendedProducts%<p>Ostatnio oglądane:</p>%CustomFlows.ViewedProducts%<p><a href=\"%CustomFlows.UnsubscribeUrl%\">Wypisz mnie</a></p>")),
            TemplateMessage.Email("CustomFlows.WinBackPlus.Code",
                new("%CustomFlows.CouponValue% off your next order",
                    "<p>%Customer.FirstName%, to make coming back easier, here is a code just for you: <strong>%CustomFlows.CouponCode%</strong>.</p><p>It takes %CustomFlows.CouponValue% off your next order and works until %CustomFlows.CouponExpiresOn%.</p><p><a href=\"%Store.URL%\">Go to %Store.Name%</a></p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Unsubscribe</a></p>"),
                new("%CustomFlows.CouponValue% taniej na kolejne zakupy",
                    "<p>%Customer.FirstName%, żeby łatwiej było wrócić, mamy dla Ciebie osobisty kod: <strong>%CustomFlows.CouponCode%</strong>.</p><p>Obniża kolejne zamówienie o %CustomFlows.CouponValue% i działa do %CustomFlows.CouponExpiresOn%.</p><p><a href=\"%Store.URL%\">Przejdź do %Store.Name%</a></p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Wypisz mnie</a></p>")),
            TemplateMessage.Popup("CustomFlows.WinBackPlus.CodePopup",
                new("Welcome back!", "Nice to see you again. Use code %CustomFlows.CouponCode% for %CustomFlows.CouponValue% off until %CustomFlows.CouponExpiresOn%.", "Shop with my code"),
                new("Miło Cię znowu widzieć!", "Z kodem %CustomFlows.CouponCode% zapłacisz %CustomFlows.CouponValue% mniej. Kod działa do %CustomFlows.CouponExpiresOn%.", "Kupuję z kodem"))
        ]);
}
