using static Nop.Plugin.Misc.CustomFlows.Engine.Templates.Scenarios.FlowParts;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Templates.Scenarios;

/// <summary>
/// NPS survey: ask customers after a paid order how likely they are to recommend the shop.
/// The survey page raises the custom event "nps_answered" when the customer answers.
/// </summary>
internal static class NpsSurveyTemplates
{
    public static FlowTemplate Basic { get; } = new(
        "nps-survey-basic", "nps-survey", TemplateLevel.Basic, TemplateCategory.Feedback,
        new("NPS survey after an order", "Ankieta NPS po zakupie"),
        new("A week after an order is paid, at 10:00, the customer gets the one-question survey: returning customers (two or more orders) a version that thanks them for their loyalty, first-time buyers a version about their first experience. At most once every 90 days.",
            "Tydzień po opłaceniu zamówienia, o 10:00, klient dostaje jednopytaniową ankietę: stali klienci (co najmniej dwa zamówienia) wersję z podziękowaniem za lojalność, nowi wersję o pierwszych wrażeniach. Najwyżej raz na 90 dni."),
        new("Learn how customers rate the shop and split them into promoters and detractors.",
            "Poznać ocenę sklepu przez klientów i podzielić ich na promotorów i krytyków."),
        $$"""
        {
          "schemaVersion": 1, "id": "nps-survey-basic", "version": 1,
          "settings": { "audience": {{SubscribersOnly}}, "reEntry": { "mode": "oncePerPeriod", "period": "90d" } },
          "exitConditions": {{UnsubscribedExit}},
          "nodes": [
            { "type": "start", "id": "start", "trigger": { "event": "order_paid" }, "next": "one-week" },
            { "type": "wait", "id": "one-week", "delay": "7d", "untilTimeOfDay": "10:00", "next": "returning" },
            { "type": "filter", "id": "returning", "title": "Two or more orders?", "condition": { "type": "ordersCount", "op": "gte", "value": 2 }, "yes": "survey-regular", "no": "survey-first" },
            { "type": "action", "id": "survey-regular", "action": { "type": "sendEmail", "template": "CustomFlows.Nps.Regular" }, "next": "end" },
            { "type": "action", "id": "survey-first", "action": { "type": "sendEmail", "template": "CustomFlows.Nps.First" }, "next": "end" },
            { "type": "end", "id": "end" }
          ]
        }
        """,
        [
            TemplateMessage.Email("CustomFlows.Nps.Regular",
                new("One question for a loyal customer",
                    "<p>%Customer.FirstName%, you have shopped with us several times, thank you. How likely are you to recommend %Store.Name% to a friend, from 0 to 10?</p><p><a href=\"%CustomFlows.SurveyUrl%\">Answer in one click</a></p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Unsubscribe</a></p>"),
                new("Jedno pytanie do stałego klienta",
                    "<p>%Customer.FirstName%, robisz u nas zakupy nie pierwszy raz, dziękujemy. Jak bardzo, w skali od 0 do 10, poleciłbyś %Store.Name% znajomym?</p><p><a href=\"%CustomFlows.SurveyUrl%\">Odpowiedz jednym kliknięciem</a></p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Wypisz mnie</a></p>")),
            TemplateMessage.Email("CustomFlows.Nps.First",
                new("How was your first order?",
                    "<p>%Customer.FirstName%, your first order from %Store.Name% should have arrived by now. On a scale from 0 to 10, how likely are you to recommend us?</p><p><a href=\"%CustomFlows.SurveyUrl%\">Rate us</a></p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Unsubscribe</a></p>"),
                new("Jak wypadło pierwsze zamówienie?",
                    "<p>%Customer.FirstName%, Twoje pierwsze zamówienie z %Store.Name% powinno już dotrzeć. Jak bardzo, w skali od 0 do 10, poleciłbyś nas innym?</p><p><a href=\"%CustomFlows.SurveyUrl%\">Oceń nas</a></p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Wypisz mnie</a></p>"))
        ]);

    public static FlowTemplate Advanced { get; } = new(
        "nps-survey-advanced", "nps-survey", TemplateLevel.Advanced, TemplateCategory.Feedback,
        new("NPS survey with reminders", "Ankieta NPS z przypomnieniami"),
        new("Five days after payment, at 10:00, the survey goes out by e-mail. Without an answer in 4 days it is shown as a pop-up; 4 days later the customer joins the ad audience (webhook) and gets a last e-mail. Answering at any point scores +10, moves the customer to the \"surveyed\" stage and tags them; no answer after the last e-mail alerts the account manager.",
            "Pięć dni po płatności, o 10:00, ankieta wychodzi e-mailem. Bez odpowiedzi w ciągu 4 dni pokazuje się jako pop-up; po kolejnych 4 dniach klient trafia do grupy reklamowej (webhook) i dostaje ostatni e-mail. Odpowiedź na dowolnym etapie daje +10 punktów, etap \"surveyed\" i tag; brak odpowiedzi po ostatnim e-mailu powiadamia opiekuna klienta."),
        new("Get more survey answers by asking again in other channels, and hand silent customers to a person.",
            "Zebrać więcej odpowiedzi, ponawiając prośbę innymi kanałami, a milczących klientów przekazać opiekunowi."),
        $$"""
        {
          "schemaVersion": 1, "id": "nps-survey-advanced", "version": 1,
          "settings": { "audience": {{SubscribersOnly}}, "reEntry": { "mode": "oncePerPeriod", "period": "90d" } },
          "exitConditions": {{UnsubscribedExit}},
          "nodes": [
            { "type": "start", "id": "start", "trigger": { "event": "order_paid" }, "next": "five-days" },
            { "type": "wait", "id": "five-days", "delay": "5d", "untilTimeOfDay": "10:00", "next": "survey" },
            { "type": "action", "id": "survey", "action": { "type": "sendEmail", "template": "CustomFlows.NpsPlus.Survey" }, "next": "answer-1" },
            { "type": "wait", "id": "answer-1", "untilEvent": { "event": "custom", "eventName": "nps_answered" }, "timeout": "4d", "onEvent": "score", "next": "popup" },
            { "type": "action", "id": "popup", "action": { "type": "showPopup", "template": "CustomFlows.NpsPlus.Popup", "expiresAfter": "4d" }, "next": "answer-2" },
            { "type": "wait", "id": "answer-2", "untilEvent": { "event": "custom", "eventName": "nps_answered" }, "timeout": "4d", "onEvent": "score", "next": "ad-audience" },
            { "type": "action", "id": "ad-audience", "action": { "type": "webhook", "url": "https://ads.example.com/audiences/nps-reminder", "eventName": "nps.audience.add" }, "next": "last-ask" },
            { "type": "action", "id": "last-ask", "action": { "type": "sendEmail", "template": "CustomFlows.NpsPlus.LastAsk" }, "next": "answer-3" },
            { "type": "wait", "id": "answer-3", "untilEvent": { "event": "custom", "eventName": "nps_answered" }, "timeout": "5d", "onEvent": "score", "next": "tell-manager" },
            { "type": "action", "id": "score", "action": { "type": "changeScore", "delta": 10 }, "next": "stage" },
            { "type": "action", "id": "stage", "action": { "type": "setFunnelStage", "stage": "surveyed" }, "next": "answered" },
            { "type": "action", "id": "answered", "action": { "type": "addTag", "tag": "nps-answered" }, "next": "end" },
            { "type": "action", "id": "tell-manager", "action": { "type": "alertStaff", "message": "NPS: the customer did not answer the survey after three requests; a personal call may help." }, "next": "no-answer" },
            { "type": "action", "id": "no-answer", "action": { "type": "addTag", "tag": "nps-no-answer" }, "next": "end" },
            { "type": "end", "id": "end" }
          ]
        }
        """,
        [
            TemplateMessage.Email("CustomFlows.NpsPlus.Survey",
                new("%Customer.FirstName%, would you recommend us?",
                    "<p>We'd love to hear how your order went. One question, ten seconds: how likely are you to recommend %Store.Name% to a friend?</p><p><a href=\"%CustomFlows.SurveyUrl%\">Answer the question</a></p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Unsubscribe</a></p>"),
                new("%Customer.FirstName%, poleciłbyś nas?",
                    "<p>Chcemy wiedzieć, jak przebiegło Twoje zamówienie. Jedno pytanie, dziesięć sekund: jak chętnie poleciłbyś %Store.Name% znajomym?</p><p><a href=\"%CustomFlows.SurveyUrl%\">Odpowiadam</a></p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Wypisz mnie</a></p>")),
            TemplateMessage.Popup("CustomFlows.NpsPlus.Popup",
                new("Got ten seconds?", "Tell us how likely you are to recommend us. It helps us improve.", "Answer now"),
                new("Masz dziesięć sekund?", "Powiedz, jak chętnie poleciłbyś nas innym. To pomaga nam się poprawiać.", "Odpowiedz teraz")),
            TemplateMessage.Email("CustomFlows.NpsPlus.LastAsk",
                new("Last chance to tell us what you think",
                    "<p>%Customer.FirstName%, this is our last request, promise. Your rating, good or bad, tells us what to fix.</p><p><a href=\"%CustomFlows.SurveyUrl%\">Rate %Store.Name%</a></p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Unsubscribe</a></p>"),
                new("Ostatnia okazja, by podzielić się opinią",
                    "<p>%Customer.FirstName%, to nasza ostatnia prośba, obiecujemy. Twoja ocena, dobra czy zła, pokazuje nam, co poprawić.</p><p><a href=\"%CustomFlows.SurveyUrl%\">Oceń %Store.Name%</a></p><p><a href=\"%CustomFlows.UnsubscribeUrl%\">Wypisz mnie</a></p>"))
        ]);
}
