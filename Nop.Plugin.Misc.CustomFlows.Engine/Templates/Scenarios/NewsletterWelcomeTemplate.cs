using static Nop.Plugin.Misc.CustomFlows.Engine.Templates.Scenarios.FlowParts;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Templates.Scenarios;

/// <summary>
/// Welcome for new newsletter subscribers: confirm at once, then a first useful newsletter.
/// </summary>
internal static class NewsletterWelcomeTemplate
{
    public static FlowTemplate Welcome { get; } = new(
        "newsletter-welcome", "newsletter-welcome", TemplateLevel.Basic, TemplateCategory.Welcome,
        new("Newsletter welcome", "Powitanie nowych subskrybentów newslettera"),
        new("Right after subscribing: customers who have ordered before get a thank-you, new people a welcome with a 10% code valid for 14 days. Three days later at 10:00 everyone gets the current bestsellers and is tagged \"newsletter-welcomed\". Only once per customer.",
            "Zaraz po zapisie: klienci, którzy już coś zamówili, dostają podziękowanie, a nowe osoby powitanie z kodem -10% ważnym 14 dni. Trzy dni później o 10:00 wszyscy dostają aktualne bestsellery i tag \"newsletter-welcomed\". Tylko raz dla jednego klienta."),
        new("Make a good first impression on new subscribers and turn the newcomers into buyers.",
            "Zrobić dobre pierwsze wrażenie na nowych subskrybentach i zamienić nowe osoby w kupujących."),
        $$"""
        {
          "schemaVersion": 1, "id": "newsletter-welcome", "version": 1,
          "settings": { "reEntry": { "mode": "onceEver" } },
          "goal": {{PurchasedGoal}},
          "exitConditions": {{UnsubscribedExit}},
          "nodes": [
            { "type": "start", "id": "start", "trigger": { "event": "newsletter_subscribed" }, "next": "customer" },
            { "type": "filter", "id": "customer", "title": "Ordered before?", "condition": { "type": "ordersCount", "op": "gte", "value": 1 }, "yes": "thanks", "no": "coupon" },
            { "type": "action", "id": "thanks", "action": { "type": "sendEmail", "template": "CustomFlows.NewsletterWelcome.Thanks", "category": "transactional" }, "next": "three-days" },
            { "type": "action", "id": "coupon", "action": { "type": "createCoupon", "percent": 10, "validFor": "14d" }, "next": "welcome" },
            { "type": "action", "id": "welcome", "action": { "type": "sendEmail", "template": "CustomFlows.NewsletterWelcome.Code", "category": "transactional" }, "next": "three-days" },
            { "type": "wait", "id": "three-days", "delay": "3d", "untilTimeOfDay": "10:00", "next": "bestsellers" },
            { "type": "action", "id": "bestsellers", "action": { "type": "sendEmail", "template": "CustomFlows.NewsletterWelcome.Bestsellers" }, "next": "tag" },
            { "type": "action", "id": "tag", "action": { "type": "addTag", "tag": "newsletter-welcomed" }, "next": "end" },
            { "type": "end", "id": "end" }
          ]
        }
        """,
        [
            TemplateMessage.Email("CustomFlows.NewsletterWelcome.Thanks",
                new("Thanks for subscribing, %Customer.FirstName%",
                    "<p>You already know %Store.Name%, and now you'll hear first about new arrivals and sales. Expect one or two e-mails a week, never more.</p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Unsubscribe</a></p>"),
                new("Dziękujemy za zapis, %Customer.FirstName%",
                    "<p>%Store.Name% już znasz, a teraz pierwszy dowiesz się o nowościach i wyprzedażach. Wysyłamy jeden, dwa e-maile w tygodniu, nigdy więcej.</p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Wypisz mnie</a></p>")),
            TemplateMessage.Email("CustomFlows.NewsletterWelcome.Code",
                new("Welcome aboard: %CustomFlows.CouponValue% off to start",
                    "<p>Hi %Customer.FirstName%, thanks for joining the %Store.Name% newsletter.</p><p>As a welcome, code <strong>%CustomFlows.CouponCode%</strong> takes %CustomFlows.CouponValue% off your first order until %CustomFlows.CouponExpiresOn%.</p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Unsubscribe</a></p>"),
                new("Witaj na pokładzie: na start %CustomFlows.CouponValue% taniej",
                    "<p>Cześć %Customer.FirstName%, dziękujemy za zapis do newslettera %Store.Name%.</p><p>Na powitanie kod <strong>%CustomFlows.CouponCode%</strong> obniża pierwsze zamówienie o %CustomFlows.CouponValue% do %CustomFlows.CouponExpiresOn%.</p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Wypisz mnie</a></p>")),
            TemplateMessage.Email("CustomFlows.NewsletterWelcome.Bestsellers",
                new("What everyone is buying this week",
                    "<p>%Customer.FirstName%, your first newsletter: this week's most popular products at %Store.Name%.</p>%CustomFlows.RecommendedProducts%<p><a href=\"%CustomFlows.UnsubscribeUrl%\">Unsubscribe</a></p>"),
                new("Co wszyscy kupują w tym tygodniu",
                    "<p>%Customer.FirstName%, oto Twój pierwszy newsletter: najpopularniejsze w tym tygodniu produkty w %Store.Name%.</p>%CustomFlows.RecommendedProducts%<p><a href=\"%CustomFlows.UnsubscribeUrl%\">Wypisz mnie</a></p>"))
        ]);
}
