using static Nop.Plugin.Misc.CustomFlows.Engine.Templates.Scenarios.FlowParts;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Templates.Scenarios;

/// <summary>
/// Remarketing after viewing products: visitors who looked but did not buy are shown what they looked at.
/// </summary>
internal static class RemarketingTemplates
{
    public static FlowTemplate Basic { get; } = new(
        "remarketing-basic", "remarketing", TemplateLevel.Basic, TemplateCategory.Recovery,
        new("Viewed products reminder", "Przypomnienie o oglądanych produktach"),
        new("Four hours after a customer views a product without ordering, they get an e-mail with the products they viewed and similar ones, and are tagged \"remarketed\". At most once a week per customer.",
            "Cztery godziny po obejrzeniu produktu bez zamówienia klient dostaje e-mail z oglądanymi i podobnymi produktami oraz tag \"remarketed\". Najwyżej raz w tygodniu dla jednego klienta."),
        new("Bring visitors back to the products they showed interest in.",
            "Sprowadzić odwiedzających z powrotem do produktów, którymi się zainteresowali."),
        $$"""
        {
          "schemaVersion": 1, "id": "remarketing-basic", "version": 1,
          "settings": { "audience": {{SubscribersOnly}}, "reEntry": { "mode": "oncePerPeriod", "period": "7d" } },
          "goal": {{PurchasedGoal}},
          "exitConditions": {{UnsubscribedExit}},
          "nodes": [
            { "type": "start", "id": "start", "trigger": { "event": "product_viewed" }, "next": "four-hours" },
            { "type": "wait", "id": "four-hours", "delay": "4h", "next": "viewed" },
            { "type": "action", "id": "viewed", "action": { "type": "sendEmail", "template": "CustomFlows.Remarketing.Viewed" }, "next": "tag" },
            { "type": "action", "id": "tag", "action": { "type": "addTag", "tag": "remarketed" }, "next": "end" },
            { "type": "end", "id": "end" }
          ]
        }
        """,
        [
            TemplateMessage.Email("CustomFlows.Remarketing.Viewed",
                new("Still on your mind?",
                    "<p>Hi %Customer.FirstName%,</p><p>here are the products you were looking at, plus a few similar ones:</p>%CustomFlows.ViewedProducts%%CustomFlows.RecommendedProducts%<p><a href=\"%CustomFlows.UnsubscribeUrl%\">Unsubscribe</a></p>"),
                new("Wciąż o nich myślisz?",
                    "<p>Cześć %Customer.FirstName%,</p><p>oto produkty, które oglądałeś, i kilka podobnych:</p>%CustomFlows.ViewedProducts%%CustomFlows.RecommendedProducts%<p><a href=\"%CustomFlows.UnsubscribeUrl%\">Wypisz mnie</a></p>"))
        ]);

    public static FlowTemplate Advanced { get; } = new(
        "remarketing-advanced", "remarketing", TemplateLevel.Advanced, TemplateCategory.Recovery,
        new("Multichannel remarketing", "Remarketing wielokanałowy"),
        new("Two hours after a product view: customers with something in the cart are left to the cart flow. The others see a pop-up with the viewed products on their next visit and are sent to the ad audience (webhook); the next evening at 18:00 an e-mail with the products follows, three days later at 18:00 a 5% code valid for 5 days. No order five days later: tagged \"remarketing-no-response\".",
            "Dwie godziny po obejrzeniu produktu: klientów z czymś w koszyku zostawiamy procesowi koszykowemu. Pozostali przy następnej wizycie widzą pop-up z oglądanymi produktami i trafiają do grupy reklamowej (webhook); następnego dnia o 18:00 dostają e-mail z produktami, a trzy dni później o 18:00 kod -5% ważny 5 dni. Gdy po pięciu dniach nadal nie ma zamówienia, dostają tag \"remarketing-no-response\"."),
        new("Turn browsing into orders by following up in several channels, without competing with the abandoned cart flow.",
            "Zamieniać przeglądanie w zamówienia, kontaktując się kilkoma kanałami, bez wchodzenia w drogę procesowi porzuconego koszyka."),
        $$"""
        {
          "schemaVersion": 1, "id": "remarketing-advanced", "version": 1,
          "settings": {
            "audience": {{SubscribersOnly}},
            "reEntry": { "mode": "oncePerPeriod", "period": "14d" },
            "frequencyCap": { "max": 3, "period": "7d" }
          },
          "goal": {{PurchasedGoal}},
          "exitConditions": {{UnsubscribedExit}},
          "nodes": [
            { "type": "start", "id": "start", "trigger": { "event": "product_viewed" }, "next": "two-hours" },
            { "type": "wait", "id": "two-hours", "delay": "2h", "next": "has-cart" },
            { "type": "filter", "id": "has-cart", "title": "Something in the cart?", "condition": { "type": "cartContains" }, "yes": "in-cart", "no": "popup" },
            { "type": "action", "id": "popup", "action": { "type": "showPopup", "template": "CustomFlows.RemarketingPlus.Popup", "expiresAfter": "2d" }, "next": "ad-audience" },
            { "type": "action", "id": "ad-audience", "action": { "type": "webhook", "url": "https://ads.example.com/audiences/viewed-products", "eventName": "remarketing.audience.add" }, "next": "next-evening" },
            { "type": "wait", "id": "next-evening", "delay": "1d", "untilTimeOfDay": "18:00", "next": "viewed" },
            { "type": "action", "id": "viewed", "action": { "type": "sendEmail", "template": "CustomFlows.RemarketingPlus.Viewed" }, "next": "three-days" },
            { "type": "wait", "id": "three-days", "delay": "3d", "untilTimeOfDay": "18:00", "next": "coupon" },
            { "type": "action", "id": "coupon", "action": { "type": "createCoupon", "percent": 5, "validFor": "5d" }, "next": "code" },
            { "type": "action", "id": "code", "action": { "type": "sendEmail", "template": "CustomFlows.RemarketingPlus.Code" }, "next": "five-days" },
            { "type": "wait", "id": "five-days", "delay": "5d", "next": "no-response" },
            { "type": "action", "id": "no-response", "action": { "type": "addTag", "tag": "remarketing-no-response" }, "next": "end" },
            { "type": "end", "id": "in-cart" },
            { "type": "end", "id": "end" }
          ]
        }
        """,
        [
            TemplateMessage.Popup("CustomFlows.RemarketingPlus.Popup",
                new("Pick up where you left off", "The products you viewed are one click away.", "Show them"),
                new("Wróć tam, gdzie skończyłeś", "Oglądane produkty są o jedno kliknięcie stąd.", "Pokaż je")),
            TemplateMessage.Email("CustomFlows.RemarketingPlus.Viewed",
                new("%Customer.FirstName%, the products you viewed",
                    "<p>You spent some time with these, so we saved them for you:</p>%CustomFlows.ViewedProducts%<p>Customers who viewed them also liked:</p>%CustomFlows.RecommendedProducts%<p><a href=\"%CustomFlows.UnsubscribeUrl%\">Unsubscribe</a></p>"),
                new("%Customer.FirstName%, oglądane przez Ciebie produkty",
                    "<p>Poświęciłeś im trochę czasu, więc zachowaliśmy je dla Ciebie:</p>%CustomFlows.ViewedProducts%<p>Osobom, które je oglądały, spodobały się też:</p>%CustomFlows.RecommendedProducts%<p><a href=\"%CustomFlows.UnsubscribeUrl%\">Wypisz mnie</a></p>")),
            TemplateMessage.Email("CustomFlows.RemarketingPlus.Code",
                new("%CustomFlows.CouponValue% off what caught your eye",
                    "<p>%Customer.FirstName%, here is a small push: code <strong>%CustomFlows.CouponCode%</strong> gives %CustomFlows.CouponValue% off until %CustomFlows.CouponExpiresOn%.</p>%CustomFlows.ViewedProducts%<p><a href=\"%CustomFlows.UnsubscribeUrl%\">Unsubscribe</a></p>"),
                new("%CustomFlows.CouponValue% taniej na to, co wpadło Ci w oko",
                    "<p>%Customer.FirstName%, mała zachęta: kod <strong>%CustomFlows.CouponCode%</strong> daje %CustomFlows.CouponValue% rabatu do %CustomFlows.CouponExpiresOn%.</p>%CustomFlows.ViewedProducts%<p><a href=\"%CustomFlows.UnsubscribeUrl%\">Wypisz mnie</a></p>"))
        ]);
}
