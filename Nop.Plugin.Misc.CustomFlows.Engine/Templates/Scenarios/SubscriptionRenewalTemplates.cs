namespace Nop.Plugin.Misc.CustomFlows.Engine.Templates.Scenarios;

/// <summary>
/// Subscription renewal: remind customers before their access runs out. Subscriptions are the
/// products of category 30 in both templates; point the scope at the shop's own.
/// </summary>
internal static class SubscriptionRenewalTemplates
{
    private const string Renewed = """{ "name": "renewed", "condition": { "type": "purchasedSinceEntry", "scope": { "kind": "category", "id": 30, "includeSubcategories": true } } }""";

    public static FlowTemplate Basic { get; } = new(
        "subscription-renewal-basic", "subscription-renewal", TemplateLevel.Basic, TemplateCategory.Engagement,
        new("Subscription renewal reminder", "Przypomnienie o odnowieniu subskrypcji"),
        new("23 days after a 30-day subscription (category 30) is bought, at 10:00, the customer gets a service e-mail that access ends in a week; staff are told and the customer is tagged \"renewal-reminded\". Buying a subscription again ends the flow as renewed.",
            "23 dni po zakupie 30-dniowej subskrypcji (kategoria 30), o 10:00, klient dostaje e-mail serwisowy, że dostęp wygasa za tydzień; obsługa dostaje powiadomienie, a klient tag \"renewal-reminded\". Ponowny zakup subskrypcji kończy proces jako odnowienie."),
        new("Keep subscribers from lapsing by accident, which lowers churn.",
            "Nie dopuścić, by subskrypcja wygasła przez przeoczenie, i w ten sposób ograniczyć odejścia klientów."),
        $$"""
        {
          "schemaVersion": 1, "id": "subscription-renewal-basic", "version": 1,
          "settings": { "reEntry": { "mode": "notWhileActive" } },
          "goal": {{Renewed}},
          "nodes": [
            { "type": "start", "id": "start", "trigger": { "event": "order_placed", "scope": { "kind": "category", "id": 30, "includeSubcategories": true } }, "next": "until-week-left" },
            { "type": "wait", "id": "until-week-left", "title": "Until a week before the end", "delay": "23d", "untilTimeOfDay": "10:00", "next": "reminder" },
            { "type": "action", "id": "reminder", "action": { "type": "sendEmail", "template": "CustomFlows.Renewal.Reminder", "category": "transactional" }, "next": "tell-staff" },
            { "type": "action", "id": "tell-staff", "action": { "type": "alertStaff", "message": "Renewal: a subscription ends in a week; the customer has been reminded." }, "next": "tag" },
            { "type": "action", "id": "tag", "action": { "type": "addTag", "tag": "renewal-reminded" }, "next": "end" },
            { "type": "end", "id": "end" }
          ]
        }
        """,
        [
            TemplateMessage.Email("CustomFlows.Renewal.Reminder",
                new("Your subscription ends in 7 days",
                    "<p>Hello %Customer.FirstName%,</p><p>your subscription at %Store.Name% runs out in a week. Renew it now to keep your access without a break.</p><p><a href=\"%Store.URL%\">Renew my subscription</a></p>"),
                new("Twoja subskrypcja wygasa za 7 dni",
                    "<p>Dzień dobry %Customer.FirstName%,</p><p>Twoja subskrypcja w %Store.Name% kończy się za tydzień. Odnów ją teraz, aby zachować dostęp bez przerwy.</p><p><a href=\"%Store.URL%\">Odnawiam subskrypcję</a></p>"))
        ]);

    public static FlowTemplate Advanced { get; } = new(
        "subscription-renewal-advanced", "subscription-renewal", TemplateLevel.Advanced, TemplateCategory.Engagement,
        new("Subscription renewal in three steps", "Odnowienie subskrypcji w trzech krokach"),
        new("Starts 14 days before the customer's subscription end date: a service e-mail and a webhook to the ad audience. A week later at 10:00, customers who clicked the e-mail see a renewal pop-up; the others get a 10% code by e-mail. The day before the end a last service e-mail; two days after the end without renewal staff are alerted and the customer is tagged \"churned\".",
            "Rusza 14 dni przed datą końca subskrypcji klienta: e-mail serwisowy i webhook do grupy reklamowej. Tydzień później o 10:00 klienci, którzy kliknęli e-mail, widzą pop-up z odnowieniem, a pozostali dostają e-mailem kod -10%. Dzień przed końcem ostatni e-mail serwisowy; jeśli dwa dni po terminie nadal brak odnowienia, obsługa dostaje powiadomienie, a klient tag \"churned\"."),
        new("Renew as many subscriptions as possible on time, using several channels and an incentive only where it is needed.",
            "Odnowić na czas jak najwięcej subskrypcji, korzystając z kilku kanałów i dając zachętę tylko tam, gdzie jest potrzebna."),
        $$"""
        {
          "schemaVersion": 1, "id": "subscription-renewal-advanced", "version": 1,
          "settings": { "reEntry": { "mode": "notWhileActive" }, "priority": 10 },
          "goal": {{Renewed}},
          "nodes": [
            { "type": "start", "id": "start", "trigger": { "event": "date", "dateField": "subscriptionEndsOn", "offsetDays": -14 }, "next": "notice" },
            { "type": "action", "id": "notice", "action": { "type": "sendEmail", "template": "CustomFlows.RenewalPlus.TwoWeeks", "category": "transactional" }, "next": "ad-audience" },
            { "type": "action", "id": "ad-audience", "action": { "type": "webhook", "url": "https://ads.example.com/audiences/renewal", "eventName": "renewal.audience.add" }, "next": "one-week" },
            { "type": "wait", "id": "one-week", "delay": "7d", "untilTimeOfDay": "10:00", "next": "clicked" },
            { "type": "filter", "id": "clicked", "title": "Clicked the first e-mail?", "condition": { "type": "emailEngagement", "nodeId": "notice", "engagement": "clicked" }, "yes": "popup", "no": "coupon" },
            { "type": "action", "id": "popup", "action": { "type": "showPopup", "template": "CustomFlows.RenewalPlus.Popup", "expiresAfter": "6d" }, "next": "until-last-day" },
            { "type": "action", "id": "coupon", "action": { "type": "createCoupon", "percent": 10, "validFor": "14d" }, "next": "code" },
            { "type": "action", "id": "code", "action": { "type": "sendEmail", "template": "CustomFlows.RenewalPlus.Code" }, "next": "until-last-day" },
            { "type": "wait", "id": "until-last-day", "delay": "6d", "untilTimeOfDay": "10:00", "next": "last-day" },
            { "type": "action", "id": "last-day", "action": { "type": "sendEmail", "template": "CustomFlows.RenewalPlus.LastDay", "category": "transactional" }, "next": "grace" },
            { "type": "wait", "id": "grace", "delay": "2d", "next": "tell-staff" },
            { "type": "action", "id": "tell-staff", "action": { "type": "alertStaff", "message": "Renewal: a subscription ended two days ago and was not renewed." }, "next": "churned" },
            { "type": "action", "id": "churned", "action": { "type": "addTag", "tag": "churned" }, "next": "end" },
            { "type": "end", "id": "end" }
          ]
        }
        """,
        [
            TemplateMessage.Email("CustomFlows.RenewalPlus.TwoWeeks",
                new("Your subscription ends on %CustomFlows.SubscriptionEndsOn%",
                    "<p>Hello %Customer.FirstName%,</p><p>a heads-up: your subscription at %Store.Name% ends on %CustomFlows.SubscriptionEndsOn%. Renewing takes a minute and keeps everything as it is.</p><p><a href=\"%Store.URL%\">Renew now</a></p>"),
                new("Twoja subskrypcja kończy się %CustomFlows.SubscriptionEndsOn%",
                    "<p>Dzień dobry %Customer.FirstName%,</p><p>przypominamy, że Twoja subskrypcja w %Store.Name% kończy się %CustomFlows.SubscriptionEndsOn%. Odnowienie zajmie minutę i wszystko zostanie po staremu.</p><p><a href=\"%Store.URL%\">Odnów teraz</a></p>")),
            TemplateMessage.Popup("CustomFlows.RenewalPlus.Popup",
                new("One week of access left", "Renew today and nothing changes for you.", "Renew subscription"),
                new("Został tydzień dostępu", "Odnów dziś, a nic się dla Ciebie nie zmieni.", "Odnów subskrypcję")),
            TemplateMessage.Email("CustomFlows.RenewalPlus.Code",
                new("Renew for %CustomFlows.CouponValue% less",
                    "<p>%Customer.FirstName%, stay with us for less: code <strong>%CustomFlows.CouponCode%</strong> takes %CustomFlows.CouponValue% off your renewal until %CustomFlows.CouponExpiresOn%.</p><p><a href=\"%Store.URL%\">Renew with the code</a></p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Unsubscribe</a></p>"),
                new("Odnów %CustomFlows.CouponValue% taniej",
                    "<p>%Customer.FirstName%, zostań z nami taniej: kod <strong>%CustomFlows.CouponCode%</strong> obniża cenę odnowienia o %CustomFlows.CouponValue% do %CustomFlows.CouponExpiresOn%.</p><p><a href=\"%Store.URL%\">Odnawiam z kodem</a></p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Wypisz mnie</a></p>")),
            TemplateMessage.Email("CustomFlows.RenewalPlus.LastDay",
                new("Last day of your subscription",
                    "<p>%Customer.FirstName%, your subscription ends tomorrow. Renew today so your access continues without a gap.</p><p><a href=\"%Store.URL%\">Renew today</a></p>"),
                new("Ostatni dzień subskrypcji",
                    "<p>%Customer.FirstName%, Twoja subskrypcja kończy się jutro. Odnów ją dziś, a dostęp nie zostanie przerwany.</p><p><a href=\"%Store.URL%\">Odnawiam dziś</a></p>"))
        ]);
}
