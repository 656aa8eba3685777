namespace Nop.Plugin.Misc.CustomFlows.Engine.Templates.Scenarios;

/// <summary>
/// The four-step follow-up after an order: thanks, a code two days later, a reminder that the code
/// still works when no order followed, and a last message asking why.
/// </summary>
internal static class OrderFollowUpTemplate
{
    public static FlowTemplate FollowUp { get; } = new(
        "order-follow-up", "order-follow-up", TemplateLevel.Basic, TemplateCategory.Retention,
        new("Thanks, code, reminder, and asking why", "Podziękowanie, kod, przypomnienie i pytanie o powód"),
        new("Right after an order the customer gets a thank-you (a service e-mail). The rest goes only to newsletter subscribers, checked before each message: two days later at 10:00 a personal code valid 14 days (15% for orders of 300 or more, 10% otherwise); if no order follows, five days later a reminder that the code still works; five days after that a last message asking why, tagged \"no-repeat-order\". A new order ends the flow at once.",
            "Zaraz po zamówieniu klient dostaje podziękowanie (e-mail serwisowy). Dalsze wiadomości trafiają tylko do subskrybentów newslettera, sprawdzanych przed każdą z nich: dwa dni później o 10:00 osobisty kod ważny 14 dni (-15% dla zamówień od 300, w pozostałych przypadkach -10%); jeśli nie pojawi się zamówienie, po pięciu dniach przypomnienie, że kod wciąż działa, a po kolejnych pięciu ostatnia wiadomość z pytaniem o powód i tag \"no-repeat-order\". Nowe zamówienie od razu kończy proces."),
        new("Keep in touch after the first order, raise the repeat-purchase rate, and learn what stops customers from coming back.",
            "Utrzymać kontakt po pierwszym zamówieniu, zwiększyć odsetek powracających klientów i poznać powody, dla których nie wracają."),
        """
        {
          "schemaVersion": 1, "id": "order-follow-up", "version": 1,
          "settings": { "reEntry": { "mode": "notWhileActive" }, "frequencyCap": { "max": 4, "period": "14d" }, "priority": 1 },
          "goal": { "name": "reordered", "condition": { "type": "ordersCount", "op": "gte", "value": 1, "sinceEntry": true } },
          "nodes": [
            { "type": "start", "id": "start", "trigger": { "event": "order_placed" }, "next": "thanks" },
            { "type": "action", "id": "thanks", "action": { "type": "sendEmail", "template": "CustomFlows.OrderFollowUp.Thanks", "category": "transactional" }, "next": "two-days" },
            { "type": "wait", "id": "two-days", "delay": "2d", "untilTimeOfDay": "10:00", "next": "consent-code" },
            { "type": "filter", "id": "consent-code", "title": "Agreed to marketing e-mail?", "condition": { "type": "newsletterConsent", "subscribed": true }, "yes": "big-order", "no": "no-consent" },
            { "type": "filter", "id": "big-order", "title": "Order of 300 or more?", "condition": { "type": "eventValue", "op": "gte", "value": 300 }, "yes": "coupon-15", "no": "coupon-10" },
            { "type": "action", "id": "coupon-15", "action": { "type": "createCoupon", "percent": 15, "validFor": "14d" }, "next": "code" },
            { "type": "action", "id": "coupon-10", "action": { "type": "createCoupon", "percent": 10, "validFor": "14d" }, "next": "code" },
            { "type": "action", "id": "code", "action": { "type": "sendEmail", "template": "CustomFlows.OrderFollowUp.Code" }, "next": "five-days" },
            { "type": "wait", "id": "five-days", "delay": "5d", "untilTimeOfDay": "10:00", "next": "consent-reminder" },
            { "type": "filter", "id": "consent-reminder", "title": "Still subscribed?", "condition": { "type": "newsletterConsent", "subscribed": true }, "yes": "still-works", "no": "no-consent" },
            { "type": "action", "id": "still-works", "action": { "type": "sendEmail", "template": "CustomFlows.OrderFollowUp.StillWorks" }, "next": "five-more-days" },
            { "type": "wait", "id": "five-more-days", "delay": "5d", "untilTimeOfDay": "10:00", "next": "consent-why" },
            { "type": "filter", "id": "consent-why", "title": "Still subscribed?", "condition": { "type": "newsletterConsent", "subscribed": true }, "yes": "why", "no": "no-consent" },
            { "type": "action", "id": "why", "action": { "type": "sendEmail", "template": "CustomFlows.OrderFollowUp.Why" }, "next": "tag" },
            { "type": "action", "id": "tag", "action": { "type": "addTag", "tag": "no-repeat-order" }, "next": "end" },
            { "type": "end", "id": "no-consent" },
            { "type": "end", "id": "end" }
          ]
        }
        """,
        [
            TemplateMessage.Email("CustomFlows.OrderFollowUp.Thanks",
                new("Thank you for your order, %Customer.FirstName%",
                    "<p>We are packing it now:</p>%CustomFlows.OrderedProducts%<p>If anything is not right, reply to this e-mail and we will sort it out. Thank you for choosing %Store.Name%.</p>"),
                new("Dziękujemy za zamówienie, %Customer.FirstName%",
                    "<p>Właśnie je pakujemy:</p>%CustomFlows.OrderedProducts%<p>Jeśli coś jest nie tak, odpowiedz na tę wiadomość, a wszystko wyjaśnimy. Dziękujemy, że wybrałeś %Store.Name%.</p>")),
            TemplateMessage.Email("CustomFlows.OrderFollowUp.Code",
                new("A thank-you code for your next order",
                    "<p>%Customer.FirstName%, we hope you are happy with your purchase. Next time, code <strong>%CustomFlows.CouponCode%</strong> takes %CustomFlows.CouponValue% off; it works until %CustomFlows.CouponExpiresOn%.</p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Unsubscribe</a></p>"),
                new("Kod z podziękowaniem na kolejne zakupy",
                    "<p>%Customer.FirstName%, mamy nadzieję, że zakupy się udały. Następnym razem kod <strong>%CustomFlows.CouponCode%</strong> obniży zamówienie o %CustomFlows.CouponValue%; działa do %CustomFlows.CouponExpiresOn%.</p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Wypisz mnie</a></p>")),
            TemplateMessage.Email("CustomFlows.OrderFollowUp.StillWorks",
                new("Your code still works",
                    "<p>%Customer.FirstName%, just a reminder: code <strong>%CustomFlows.CouponCode%</strong> for %CustomFlows.CouponValue% off is valid until %CustomFlows.CouponExpiresOn%. Here are some ideas:</p>%CustomFlows.RecommendedProducts%<p><a href=\"%CustomFlows.UnsubscribeUrl%\">Unsubscribe</a></p>"),
                new("Twój kod nadal działa",
                    "<p>%Customer.FirstName%, przypominamy: kod <strong>%CustomFlows.CouponCode%</strong> na %CustomFlows.CouponValue% rabatu jest ważny do %CustomFlows.CouponExpiresOn%. Kilka pomysłów na zakupy:</p>%CustomFlows.RecommendedProducts%<p><a href=\"%CustomFlows.UnsubscribeUrl%\">Wypisz mnie</a></p>")),
            TemplateMessage.Email("CustomFlows.OrderFollowUp.Why",
                new("Can we ask you something?",
                    "<p>%Customer.FirstName%, you haven't been back since your order and we'd like to understand why. Was it the price, the delivery, the choice, or something else? Two minutes of your time helps us do better.</p><p><a href=\"%CustomFlows.FeedbackUrl%\">Tell us why</a></p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Unsubscribe</a></p>"),
                new("Czy możemy o coś zapytać?",
                    "<p>%Customer.FirstName%, od zamówienia nie było Cię u nas i chcemy zrozumieć dlaczego. Chodziło o cenę, dostawę, wybór, a może coś innego? Dwie minuty Twojego czasu pomogą nam działać lepiej.</p><p><a href=\"%CustomFlows.FeedbackUrl%\">Powiedz nam dlaczego</a></p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Wypisz mnie</a></p>"))
        ]);
}
