using static Nop.Plugin.Misc.CustomFlows.Engine.Templates.Scenarios.FlowParts;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Templates.Scenarios;

/// <summary>
/// Onboarding of new contacts with an A/B/X test: a short series introducing the shop, in two
/// variants against a control group that gets nothing.
/// </summary>
internal static class OnboardingTemplates
{
    private const string FirstOrder = """{ "name": "firstOrder", "condition": { "type": "ordersCount", "op": "gte", "value": 1, "sinceEntry": true } }""";

    public static FlowTemplate Basic { get; } = new(
        "onboarding-basic", "onboarding", TemplateLevel.Basic, TemplateCategory.Welcome,
        new("Onboarding series, A/B/X test", "Seria powitalna z testem A/B/X"),
        new("Starts when a contact gets the tag \"new-contact\". An hour later the A/B/X test splits them: variant A gets the three introduction e-mails a day apart, variant B three to four days apart, and one in ten (X) gets nothing, as a control. Everyone ends tagged \"onboarded\"; a first order ends the flow as converted.",
            "Rusza, gdy kontakt dostanie tag \"new-contact\". Godzinę później test A/B/X dzieli kontakty: wariant A dostaje trzy e-maile wprowadzające co dzień, wariant B co trzy, cztery dni, a co dziesiąty kontakt (X) nie dostaje nic jako grupa kontrolna. Na końcu każdy dostaje tag \"onboarded\"; pierwsze zamówienie kończy proces jako konwersja."),
        new("Introduce the shop to new contacts and learn which pace of the series leads to more first orders.",
            "Przedstawić sklep nowym kontaktom i sprawdzić, które tempo serii daje więcej pierwszych zamówień."),
        $$"""
        {
          "schemaVersion": 1, "id": "onboarding-basic", "version": 1,
          "settings": { "audience": {{SubscribersOnly}}, "reEntry": { "mode": "onceEver" } },
          "goal": {{FirstOrder}},
          "exitConditions": {{UnsubscribedExit}},
          "nodes": [
            { "type": "start", "id": "start", "trigger": { "event": "tag_added", "tag": "new-contact" }, "next": "settle" },
            { "type": "wait", "id": "settle", "delay": "1h", "next": "pace-test" },
            { "type": "split", "id": "pace-test", "title": "A/B/X: daily, every few days, control", "branches": [
              { "name": "A-daily", "weight": 45, "next": "a-welcome" },
              { "name": "B-spaced", "weight": 45, "next": "b-welcome" },
              { "name": "X-control", "weight": 10, "holdout": true, "next": "a-welcome" } ] },
            { "type": "action", "id": "a-welcome", "action": { "type": "sendEmail", "template": "CustomFlows.Onboarding.Welcome" }, "next": "a-wait-1" },
            { "type": "wait", "id": "a-wait-1", "delay": "1d", "untilTimeOfDay": "10:00", "next": "a-guide" },
            { "type": "action", "id": "a-guide", "action": { "type": "sendEmail", "template": "CustomFlows.Onboarding.Guide" }, "next": "a-wait-2" },
            { "type": "wait", "id": "a-wait-2", "delay": "1d", "untilTimeOfDay": "10:00", "next": "a-tips" },
            { "type": "action", "id": "a-tips", "action": { "type": "sendEmail", "template": "CustomFlows.Onboarding.Tips" }, "next": "onboarded" },
            { "type": "action", "id": "b-welcome", "action": { "type": "sendEmail", "template": "CustomFlows.Onboarding.Welcome" }, "next": "b-wait-1" },
            { "type": "wait", "id": "b-wait-1", "delay": "3d", "untilTimeOfDay": "10:00", "next": "b-guide" },
            { "type": "action", "id": "b-guide", "action": { "type": "sendEmail", "template": "CustomFlows.Onboarding.Guide" }, "next": "b-wait-2" },
            { "type": "wait", "id": "b-wait-2", "delay": "4d", "untilTimeOfDay": "10:00", "next": "b-tips" },
            { "type": "action", "id": "b-tips", "action": { "type": "sendEmail", "template": "CustomFlows.Onboarding.Tips" }, "next": "onboarded" },
            { "type": "action", "id": "onboarded", "action": { "type": "addTag", "tag": "onboarded" }, "next": "end" },
            { "type": "end", "id": "end" }
          ]
        }
        """,
        [
            TemplateMessage.Email("CustomFlows.Onboarding.Welcome",
                new("Welcome to %Store.Name%",
                    "<p>Hi %Customer.FirstName%,</p><p>glad to have you with us. Over the next few e-mails we'll show you around: what we sell, how delivery and returns work, and how to get the most out of your account.</p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Unsubscribe</a></p>"),
                new("Witamy w %Store.Name%",
                    "<p>Cześć %Customer.FirstName%,</p><p>cieszymy się, że jesteś z nami. W kilku kolejnych wiadomościach pokażemy Ci, co oferujemy, jak działa dostawa i zwroty oraz jak najlepiej korzystać z konta.</p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Wypisz mnie</a></p>")),
            TemplateMessage.Email("CustomFlows.Onboarding.Guide",
                new("How shopping with us works",
                    "<p>%Customer.FirstName%, a quick guide: free returns within 30 days, delivery in 1-3 working days, and your order history is always in your account. Our bestsellers are a good place to start:</p>%CustomFlows.RecommendedProducts%<p><a href=\"%CustomFlows.UnsubscribeUrl%\">Unsubscribe</a></p>"),
                new("Jak u nas kupować",
                    "<p>%Customer.FirstName%, w skrócie: darmowe zwroty do 30 dni, dostawa w 1-3 dni robocze, a historia zamówień jest zawsze na Twoim koncie. Na początek polecamy nasze bestsellery:</p>%CustomFlows.RecommendedProducts%<p><a href=\"%CustomFlows.UnsubscribeUrl%\">Wypisz mnie</a></p>")),
            TemplateMessage.Email("CustomFlows.Onboarding.Tips",
                new("Three tips from regular customers",
                    "<p>%Customer.FirstName%, to finish the introduction: add products to your wishlist to hear when they are discounted, keep your address in your account for a faster checkout, and watch our newsletter for early access to sales.</p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Unsubscribe</a></p>"),
                new("Trzy porady od stałych klientów",
                    "<p>%Customer.FirstName%, na koniec wprowadzenia: dodawaj produkty do listy życzeń, by wiedzieć o obniżkach, zapisz adres na koncie, by szybciej składać zamówienia, i śledź newsletter, by wcześniej dowiadywać się o wyprzedażach.</p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Wypisz mnie</a></p>"))
        ]);

    public static FlowTemplate Advanced { get; } = new(
        "onboarding-advanced", "onboarding", TemplateLevel.Advanced, TemplateCategory.Welcome,
        new("Onboarding with engagement checks, A/B/X test", "Onboarding ze sprawdzaniem zaangażowania i testem A/B/X"),
        new("Starts at registration: tag \"onboarding\", funnel stage \"new\". An hour later the A/B/X test sends either a welcome with a 10% code (A), a welcome with a guide (B) or nothing (X, control). Contacts who open within 3 days are tagged engaged, moved to \"activated\" and scored +10, then get the guide and, if they open that too, the tips; the others are tagged \"onboarding-cold\".",
            "Rusza przy rejestracji: tag \"onboarding\", etap lejka \"new\". Godzinę później test A/B/X wysyła powitanie z kodem -10% (A), powitanie z przewodnikiem (B) albo nic (X, grupa kontrolna). Kto w ciągu 3 dni otworzy wiadomość, dostaje tag zaangażowania, etap \"activated\" i +10 punktów, a potem przewodnik i, jeśli go też otworzy, porady; pozostali dostają tag \"onboarding-cold\"."),
        new("Move new customers down the funnel at the pace they engage, and measure whether a welcome code pays for itself.",
            "Prowadzić nowych klientów w dół lejka w tempie ich zaangażowania i sprawdzić, czy kod powitalny się opłaca."),
        $$"""
        {
          "schemaVersion": 1, "id": "onboarding-advanced", "version": 1,
          "settings": { "audience": {{SubscribersOnly}}, "reEntry": { "mode": "onceEver" }, "frequencyCap": { "max": 4, "period": "14d" } },
          "goal": {{FirstOrder}},
          "exitConditions": {{UnsubscribedExit}},
          "nodes": [
            { "type": "start", "id": "start", "trigger": { "event": "customer_registered" }, "next": "tag" },
            { "type": "action", "id": "tag", "action": { "type": "addTag", "tag": "onboarding" }, "next": "stage-new" },
            { "type": "action", "id": "stage-new", "action": { "type": "setFunnelStage", "stage": "new" }, "next": "settle" },
            { "type": "wait", "id": "settle", "delay": "1h", "next": "welcome-test" },
            { "type": "split", "id": "welcome-test", "title": "A/B/X: code, guide, control", "branches": [
              { "name": "A-code", "weight": 45, "next": "coupon" },
              { "name": "B-guide", "weight": 45, "next": "welcome" },
              { "name": "X-control", "weight": 10, "holdout": true, "next": "welcome" } ] },
            { "type": "action", "id": "coupon", "action": { "type": "createCoupon", "percent": 10, "validFor": "14d" }, "next": "welcome-code" },
            { "type": "action", "id": "welcome-code", "action": { "type": "sendEmail", "template": "CustomFlows.OnboardingPlus.WelcomeCode" }, "next": "opened-welcome" },
            { "type": "action", "id": "welcome", "action": { "type": "sendEmail", "template": "CustomFlows.OnboardingPlus.Welcome" }, "next": "opened-welcome" },
            { "type": "wait", "id": "opened-welcome", "untilEvent": { "event": "email_opened" }, "timeout": "3d", "onEvent": "engaged", "next": "cold" },
            { "type": "action", "id": "engaged", "action": { "type": "addTag", "tag": "onboarding-engaged" }, "next": "stage-activated" },
            { "type": "action", "id": "stage-activated", "action": { "type": "setFunnelStage", "stage": "activated" }, "next": "score" },
            { "type": "action", "id": "score", "action": { "type": "changeScore", "delta": 10 }, "next": "two-days" },
            { "type": "wait", "id": "two-days", "delay": "2d", "untilTimeOfDay": "10:00", "next": "guide" },
            { "type": "action", "id": "guide", "action": { "type": "sendEmail", "template": "CustomFlows.OnboardingPlus.Guide" }, "next": "opened-guide" },
            { "type": "wait", "id": "opened-guide", "untilEvent": { "event": "email_opened", "nodeId": "guide" }, "timeout": "4d", "onEvent": "tips", "next": "cold" },
            { "type": "action", "id": "tips", "action": { "type": "sendEmail", "template": "CustomFlows.OnboardingPlus.Tips" }, "next": "onboarded" },
            { "type": "action", "id": "onboarded", "action": { "type": "addTag", "tag": "onboarded" }, "next": "end" },
            { "type": "action", "id": "cold", "action": { "type": "addTag", "tag": "onboarding-cold" }, "next": "end" },
            { "type": "end", "id": "end" }
          ]
        }
        """,
        [
            TemplateMessage.Email("CustomFlows.OnboardingPlus.WelcomeCode",
                new("Welcome! Here is %CustomFlows.CouponValue% off your first order",
                    "<p>Hi %Customer.FirstName%, thanks for creating an account at %Store.Name%.</p><p>Your welcome code <strong>%CustomFlows.CouponCode%</strong> takes %CustomFlows.CouponValue% off your first order until %CustomFlows.CouponExpiresOn%.</p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Unsubscribe</a></p>"),
                new("Witaj! Na pierwsze zakupy %CustomFlows.CouponValue% taniej",
                    "<p>Cześć %Customer.FirstName%, dziękujemy za założenie konta w %Store.Name%.</p><p>Twój kod powitalny <strong>%CustomFlows.CouponCode%</strong> obniża pierwsze zamówienie o %CustomFlows.CouponValue% do %CustomFlows.CouponExpiresOn%.</p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Wypisz mnie</a></p>")),
            TemplateMessage.Email("CustomFlows.OnboardingPlus.Welcome",
                new("Good to have you, %Customer.FirstName%",
                    "<p>Welcome to %Store.Name%! Your account keeps your orders, addresses and wishlist in one place. Here is what other customers are buying right now:</p>%CustomFlows.RecommendedProducts%<p><a href=\"%CustomFlows.UnsubscribeUrl%\">Unsubscribe</a></p>"),
                new("Dobrze, że jesteś, %Customer.FirstName%",
                    "<p>Witamy w %Store.Name%! Na koncie masz w jednym miejscu zamówienia, adresy i listę życzeń. Oto, co inni klienci kupują teraz najchętniej:</p>%CustomFlows.RecommendedProducts%<p><a href=\"%CustomFlows.UnsubscribeUrl%\">Wypisz mnie</a></p>")),
            TemplateMessage.Email("CustomFlows.OnboardingPlus.Guide",
                new("Your guide to %Store.Name%",
                    "<p>%Customer.FirstName%, everything worth knowing on one page: delivery options and times, how returns work, and how to reach us when you need help.</p><p><a href=\"%Store.URL%\">Read the guide</a></p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Unsubscribe</a></p>"),
                new("Przewodnik po %Store.Name%",
                    "<p>%Customer.FirstName%, wszystko, co warto wiedzieć, na jednej stronie: sposoby i czas dostawy, zasady zwrotów oraz kontakt, gdy potrzebujesz pomocy.</p><p><a href=\"%Store.URL%\">Czytaj przewodnik</a></p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Wypisz mnie</a></p>")),
            TemplateMessage.Email("CustomFlows.OnboardingPlus.Tips",
                new("Make the most of your account",
                    "<p>%Customer.FirstName%, since you read this far, a few extras: price alerts on your wishlist, one-click reorder from your order history, and early access to sales for subscribers.</p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Unsubscribe</a></p>"),
                new("Wykorzystaj swoje konto w pełni",
                    "<p>%Customer.FirstName%, skoro doczytałeś aż tutaj, kilka dodatków: powiadomienia o obniżkach z listy życzeń, ponowne zamówienie jednym kliknięciem z historii i wcześniejszy dostęp do wyprzedaży dla subskrybentów.</p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Wypisz mnie</a></p>"))
        ]);
}
