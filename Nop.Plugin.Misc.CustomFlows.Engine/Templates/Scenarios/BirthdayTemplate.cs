using static Nop.Plugin.Misc.CustomFlows.Engine.Templates.Scenarios.FlowParts;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Templates.Scenarios;

/// <summary>
/// Birthday offer: a personal code on the customer's birthday, more generous for those who have bought before.
/// </summary>
internal static class BirthdayTemplate
{
    public static FlowTemplate Offer { get; } = new(
        "birthday-offer", "birthday", TemplateLevel.Basic, TemplateCategory.Engagement,
        new("Birthday offer", "Oferta urodzinowa"),
        new("On the customer's birthday, at 09:00 their time, they get a personal code valid for 7 days: 20% for customers who have ordered before, 10% for the others, by e-mail and as a pop-up on their next visit that day. If they have not used it five days later, a reminder goes out at 10:00.",
            "W dniu urodzin klienta, o 09:00 jego czasu, klient dostaje osobisty kod ważny 7 dni: -20% jeśli już coś u nas kupił, -10% dla pozostałych, e-mailem i jako pop-up przy następnej wizycie tego dnia. Jeśli po pięciu dniach nie skorzysta z kodu, o 10:00 dostaje przypomnienie."),
        new("Strengthen the relationship with a personal occasion and turn it into an order.",
            "Wzmocnić relację z klientem z okazji osobistego święta i zamienić ją w zamówienie."),
        $$"""
        {
          "schemaVersion": 1, "id": "birthday-offer", "version": 1,
          "settings": { "audience": {{SubscribersOnly}}, "reEntry": { "mode": "oncePerPeriod", "period": "300d" } },
          "goal": { "name": "birthdayOrder", "condition": { "type": "ordersCount", "op": "gte", "value": 1, "sinceEntry": true } },
          "exitConditions": {{UnsubscribedExit}},
          "nodes": [
            { "type": "start", "id": "start", "trigger": { "event": "date", "dateField": "birthday", "annual": true }, "next": "morning" },
            { "type": "wait", "id": "morning", "title": "09:00 on the customer's clock", "untilTimeOfDay": "09:00", "next": "bought-before" },
            { "type": "filter", "id": "bought-before", "condition": { "type": "ordersCount", "op": "gte", "value": 1 }, "yes": "coupon-20", "no": "coupon-10" },
            { "type": "action", "id": "coupon-20", "action": { "type": "createCoupon", "percent": 20, "validFor": "7d" }, "next": "wishes" },
            { "type": "action", "id": "coupon-10", "action": { "type": "createCoupon", "percent": 10, "validFor": "7d" }, "next": "wishes" },
            { "type": "action", "id": "wishes", "action": { "type": "sendEmail", "template": "CustomFlows.Birthday.Wishes" }, "next": "popup" },
            { "type": "action", "id": "popup", "action": { "type": "showPopup", "template": "CustomFlows.Birthday.Popup", "expiresAfter": "1d" }, "next": "five-days" },
            { "type": "wait", "id": "five-days", "delay": "5d", "untilTimeOfDay": "10:00", "next": "reminder" },
            { "type": "action", "id": "reminder", "action": { "type": "sendEmail", "template": "CustomFlows.Birthday.Reminder" }, "next": "end" },
            { "type": "end", "id": "end" }
          ]
        }
        """,
        [
            TemplateMessage.Email("CustomFlows.Birthday.Wishes",
                new("Happy birthday, %Customer.FirstName%!",
                    "<p>All the best from everyone at %Store.Name%!</p><p>Our present: code <strong>%CustomFlows.CouponCode%</strong> for %CustomFlows.CouponValue% off anything you like, valid until %CustomFlows.CouponExpiresOn%.</p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Unsubscribe</a></p>"),
                new("Wszystkiego najlepszego, %Customer.FirstName%!",
                    "<p>Najlepsze życzenia od całego zespołu %Store.Name%!</p><p>Nasz prezent: kod <strong>%CustomFlows.CouponCode%</strong> na %CustomFlows.CouponValue% rabatu na co tylko zechcesz, ważny do %CustomFlows.CouponExpiresOn%.</p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Wypisz mnie</a></p>")),
            TemplateMessage.Popup("CustomFlows.Birthday.Popup",
                new("Happy birthday!", "Your birthday code %CustomFlows.CouponCode% is ready: %CustomFlows.CouponValue% off.", "Pick my present"),
                new("Sto lat!", "Twój urodzinowy kod %CustomFlows.CouponCode% czeka: %CustomFlows.CouponValue% rabatu.", "Wybieram prezent")),
            TemplateMessage.Email("CustomFlows.Birthday.Reminder",
                new("Your birthday present is still waiting",
                    "<p>%Customer.FirstName%, your code <strong>%CustomFlows.CouponCode%</strong> works for two more days, until %CustomFlows.CouponExpiresOn%. Treat yourself!</p><p><a href=\"%Store.URL%\">Choose something nice</a></p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Unsubscribe</a></p>"),
                new("Twój urodzinowy prezent wciąż czeka",
                    "<p>%Customer.FirstName%, kod <strong>%CustomFlows.CouponCode%</strong> działa jeszcze przez dwa dni, do %CustomFlows.CouponExpiresOn%. Spraw sobie przyjemność!</p><p><a href=\"%Store.URL%\">Wybierz coś miłego</a></p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Wypisz mnie</a></p>"))
        ]);
}
