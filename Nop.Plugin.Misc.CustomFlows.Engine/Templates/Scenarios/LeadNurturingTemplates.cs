using static Nop.Plugin.Misc.CustomFlows.Engine.Templates.Scenarios.FlowParts;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Templates.Scenarios;

/// <summary>
/// Lead nurturing: contacts interested in the shop get short, useful e-mails until they are ready to buy.
/// </summary>
internal static class LeadNurturingTemplates
{
    public static FlowTemplate Basic { get; } = new(
        "lead-nurturing-basic", "lead-nurturing", TemplateLevel.Basic, TemplateCategory.Engagement,
        new("Lead nurturing series", "Seria lead nurturing"),
        new("Starts when a contact gets the tag \"lead\". A day later at 10:00 the first of three e-mails (the brand, the products' benefits, customers' stories) goes out, then one every three days at 10:00. Afterwards the contact is tagged \"nurtured\"; an order ends the flow as converted.",
            "Rusza, gdy kontakt dostanie tag \"lead\". Dzień później o 10:00 wychodzi pierwszy z trzech e-maili (o marce, o zaletach produktów, historie klientów), potem kolejne co trzy dni o 10:00. Na końcu kontakt dostaje tag \"nurtured\"; zamówienie kończy proces jako konwersja."),
        new("Educate new leads about the brand and products so they reach a buying decision sooner.",
            "Zapoznać nowe kontakty z marką i produktami, by szybciej podjęły decyzję o zakupie."),
        $$"""
        {
          "schemaVersion": 1, "id": "lead-nurturing-basic", "version": 1,
          "settings": { "audience": {{SubscribersOnly}}, "reEntry": { "mode": "onceEver" } },
          "goal": {{PurchasedGoal}},
          "exitConditions": {{UnsubscribedExit}},
          "nodes": [
            { "type": "start", "id": "start", "trigger": { "event": "tag_added", "tag": "lead" }, "next": "day-1" },
            { "type": "wait", "id": "day-1", "delay": "1d", "untilTimeOfDay": "10:00", "next": "brand" },
            { "type": "action", "id": "brand", "action": { "type": "sendEmail", "template": "CustomFlows.Nurture.Brand" }, "next": "wait-benefits" },
            { "type": "wait", "id": "wait-benefits", "delay": "3d", "untilTimeOfDay": "10:00", "next": "benefits" },
            { "type": "action", "id": "benefits", "action": { "type": "sendEmail", "template": "CustomFlows.Nurture.Benefits" }, "next": "wait-stories" },
            { "type": "wait", "id": "wait-stories", "delay": "3d", "untilTimeOfDay": "10:00", "next": "stories" },
            { "type": "action", "id": "stories", "action": { "type": "sendEmail", "template": "CustomFlows.Nurture.Stories" }, "next": "nurtured" },
            { "type": "action", "id": "nurtured", "action": { "type": "addTag", "tag": "nurtured" }, "next": "end" },
            { "type": "end", "id": "end" }
          ]
        }
        """,
        [
            TemplateMessage.Email("CustomFlows.Nurture.Brand",
                new("Who we are and why we do it",
                    "<p>Hi %Customer.FirstName%,</p><p>%Store.Name% started with a simple idea: fewer, better products that last. In the next e-mails we'll tell you what makes them different and what our customers say.</p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Unsubscribe</a></p>"),
                new("Kim jesteśmy i po co to robimy",
                    "<p>Cześć %Customer.FirstName%,</p><p>%Store.Name% powstał z prostego pomysłu: mniej rzeczy, ale lepszych i trwalszych. W kolejnych wiadomościach opowiemy, czym się wyróżniają i co mówią o nich klienci.</p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Wypisz mnie</a></p>")),
            TemplateMessage.Email("CustomFlows.Nurture.Benefits",
                new("What you get with our products",
                    "<p>%Customer.FirstName%, three things our customers value most: materials we test ourselves, a two-year guarantee, and advice from people who use what they sell. See for yourself:</p>%CustomFlows.RecommendedProducts%<p><a href=\"%CustomFlows.UnsubscribeUrl%\">Unsubscribe</a></p>"),
                new("Co zyskujesz z naszymi produktami",
                    "<p>%Customer.FirstName%, trzy rzeczy, które klienci cenią najbardziej: materiały, które sami testujemy, dwuletnią gwarancję i porady od ludzi, którzy używają tego, co sprzedają. Przekonaj się:</p>%CustomFlows.RecommendedProducts%<p><a href=\"%CustomFlows.UnsubscribeUrl%\">Wypisz mnie</a></p>")),
            TemplateMessage.Email("CustomFlows.Nurture.Stories",
                new("How our customers use them",
                    "<p>%Customer.FirstName%, we asked a few customers what changed after their first order. Their answers, and the products they chose, are on our blog.</p><p><a href=\"%Store.URL%\">Read their stories</a></p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Unsubscribe</a></p>"),
                new("Jak korzystają z nich nasi klienci",
                    "<p>%Customer.FirstName%, zapytaliśmy kilku klientów, co zmieniło się po pierwszym zamówieniu. Ich odpowiedzi i wybrane przez nich produkty znajdziesz na naszym blogu.</p><p><a href=\"%Store.URL%\">Przeczytaj historie</a></p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Wypisz mnie</a></p>"))
        ]);

    public static FlowTemplate Advanced { get; } = new(
        "lead-nurturing-advanced", "lead-nurturing", TemplateLevel.Advanced, TemplateCategory.Engagement,
        new("Lead nurturing with engagement scoring", "Lead nurturing z punktacją zaangażowania"),
        new("Starts when a contact gets the tag \"lead\"; contacts already in the \"engaged\" stage skip the introduction. Each e-mail that is opened within 3 days adds 5 to the score; an unopened introduction is sent once more. Then e-mails with recently viewed products follow every three days (up to three): a contact with a score of 20 or more, or who clicks one, becomes \"sales-ready\" and staff are alerted; the others are tagged \"nurture-finished\".",
            "Rusza, gdy kontakt dostanie tag \"lead\"; kontakty już na etapie \"engaged\" pomijają wprowadzenie. Każdy e-mail otwarty w ciągu 3 dni dodaje 5 punktów; nieotwarte wprowadzenie jest wysyłane jeszcze raz. Potem co trzy dni (najwyżej trzy razy) idą e-maile z ostatnio oglądanymi produktami: kontakt z wynikiem od 20 punktów albo taki, który kliknie, trafia do etapu \"sales-ready\", a obsługa dostaje powiadomienie; pozostali dostają tag \"nurture-finished\"."),
        new("Nurture leads at the pace they engage and hand the ready ones to sales at the right moment.",
            "Prowadzić kontakty w tempie ich zaangażowania i przekazać gotowe do zakupu we właściwym momencie."),
        $$"""
        {
          "schemaVersion": 1, "id": "lead-nurturing-advanced", "version": 1,
          "settings": { "audience": {{SubscribersOnly}}, "reEntry": { "mode": "onceEver" } },
          "goal": {{PurchasedGoal}},
          "exitConditions": {{UnsubscribedExit}},
          "nodes": [
            { "type": "start", "id": "start", "trigger": { "event": "tag_added", "tag": "lead" }, "next": "warm" },
            { "type": "filter", "id": "warm", "title": "Already engaged?", "condition": { "type": "funnelStage", "stages": ["engaged"] }, "yes": "benefits", "no": "intro" },
            { "type": "action", "id": "intro", "action": { "type": "sendEmail", "template": "CustomFlows.NurturePlus.Intro" }, "next": "opened-intro" },
            { "type": "wait", "id": "opened-intro", "untilEvent": { "event": "email_opened", "nodeId": "intro" }, "timeout": "3d", "onEvent": "score-intro", "next": "resend-intro" },
            { "type": "jump", "id": "resend-intro", "target": "intro", "maxRepetitions": 1, "next": "benefits" },
            { "type": "action", "id": "score-intro", "action": { "type": "changeScore", "delta": 5 }, "next": "benefits" },
            { "type": "action", "id": "benefits", "action": { "type": "sendEmail", "template": "CustomFlows.NurturePlus.Benefits" }, "next": "opened-benefits" },
            { "type": "wait", "id": "opened-benefits", "untilEvent": { "event": "email_opened", "nodeId": "benefits" }, "timeout": "3d", "onEvent": "score-benefits", "next": "viewed" },
            { "type": "action", "id": "score-benefits", "action": { "type": "changeScore", "delta": 5 }, "next": "viewed" },
            { "type": "action", "id": "viewed", "action": { "type": "sendEmail", "template": "CustomFlows.NurturePlus.Viewed" }, "next": "three-days" },
            { "type": "wait", "id": "three-days", "delay": "3d", "untilTimeOfDay": "10:00", "next": "hot" },
            { "type": "filter", "id": "hot", "title": "Score 20+ or clicked?",
              "condition": { "type": "any", "conditions": [
                { "type": "score", "op": "gte", "value": 20 },
                { "type": "emailEngagement", "nodeId": "viewed", "engagement": "clicked" } ] },
              "yes": "sales-ready", "no": "again" },
            { "type": "jump", "id": "again", "target": "viewed", "maxRepetitions": 2, "next": "finished" },
            { "type": "action", "id": "sales-ready", "action": { "type": "setFunnelStage", "stage": "sales-ready" }, "next": "tell-staff" },
            { "type": "action", "id": "tell-staff", "action": { "type": "alertStaff", "message": "Lead nurturing: a contact is ready to buy (score 20+ or clicked the products)." }, "next": "end" },
            { "type": "action", "id": "finished", "action": { "type": "addTag", "tag": "nurture-finished" }, "next": "end" },
            { "type": "end", "id": "end" }
          ]
        }
        """,
        [
            TemplateMessage.Email("CustomFlows.NurturePlus.Intro",
                new("Nice to meet you, %Customer.FirstName%",
                    "<p>Thanks for your interest in %Store.Name%. We'll keep our e-mails short and useful: how our products are made, what they are good for, and what fits you best.</p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Unsubscribe</a></p>"),
                new("Miło nam Cię poznać, %Customer.FirstName%",
                    "<p>Dziękujemy za zainteresowanie %Store.Name%. Nasze wiadomości będą krótkie i konkretne: jak powstają nasze produkty, do czego się przydają i co najlepiej do Ciebie pasuje.</p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Wypisz mnie</a></p>")),
            TemplateMessage.Email("CustomFlows.NurturePlus.Benefits",
                new("Why customers choose us",
                    "<p>%Customer.FirstName%, quality you can check, honest advice and a guarantee that covers real use. Here is where most people start:</p>%CustomFlows.RecommendedProducts%<p><a href=\"%CustomFlows.UnsubscribeUrl%\">Unsubscribe</a></p>"),
                new("Dlaczego klienci nas wybierają",
                    "<p>%Customer.FirstName%, jakość, którą można sprawdzić, uczciwe doradztwo i gwarancja obejmująca prawdziwe użytkowanie. Od tych produktów zaczyna większość osób:</p>%CustomFlows.RecommendedProducts%<p><a href=\"%CustomFlows.UnsubscribeUrl%\">Wypisz mnie</a></p>")),
            TemplateMessage.Email("CustomFlows.NurturePlus.Viewed",
                new("Still interested in these?",
                    "<p>%Customer.FirstName%, you looked at these recently. If you have a question about any of them, just reply to this e-mail.</p>%CustomFlows.ViewedProducts%<p><a href=\"%CustomFlows.UnsubscribeUrl%\">Unsubscribe</a></p>"),
                new("Nadal Cię interesują?",
                    "<p>%Customer.FirstName%, te produkty oglądałeś ostatnio. Jeśli masz pytanie o któryś z nich, po prostu odpisz na tę wiadomość.</p>%CustomFlows.ViewedProducts%<p><a href=\"%CustomFlows.UnsubscribeUrl%\">Wypisz mnie</a></p>"))
        ]);
}
