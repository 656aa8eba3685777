namespace Nop.Plugin.Misc.CustomFlows.Tests.Engine;

/// <summary>
/// Flow documents shared by the engine tests; the abandoned cart one is also the example in docs/flow-definition.md.
/// </summary>
internal static class SampleFlows
{
    public const string AbandonedCart = """
        {
          "schemaVersion": 1,
          "id": "abandoned-cart",
          "version": 3,
          "name": "Abandoned cart",
          "settings": {
            "audience": { "type": "newsletterConsent", "subscribed": true },
            "reEntry": { "mode": "oncePerPeriod", "period": "7d" },
            "frequencyCap": { "max": 3, "period": "7d" },
            "storeIds": [1],
            "priority": 10,
            "whenBudgetExceeded": "postpone"
          },
          "goal": { "name": "purchased", "condition": { "type": "ordersCount", "op": "gte", "value": 1, "sinceEntry": true } },
          "exitConditions": [ { "name": "unsubscribed", "condition": { "type": "newsletterConsent", "subscribed": false } } ],
          "nodes": [
            { "type": "start", "id": "start",
              "trigger": { "event": "cart_updated", "cartChange": "abandoned", "abandonedAfterMinutes": 60,
                           "scope": { "kind": "category", "id": 5, "includeSubcategories": true },
                           "filters": { "minValue": 100, "storeIds": [1] } },
              "next": "big-cart" },
            { "type": "filter", "id": "big-cart",
              "condition": { "type": "all", "conditions": [
                { "type": "cartValue", "op": "gte", "value": 500 },
                { "type": "not", "condition": { "type": "hasTag", "tag": "vip" } } ] },
              "yes": "alert", "no": "split" },
            { "type": "action", "id": "alert", "action": { "type": "alertStaff", "message": "Big cart left" }, "next": "split" },
            { "type": "split", "id": "split", "branches": [
              { "name": "A", "weight": 45, "next": "mail-1" },
              { "name": "B", "weight": 45, "next": "coupon" },
              { "name": "control", "weight": 10, "holdout": true, "next": "mail-1" } ] },
            { "type": "action", "id": "coupon", "action": { "type": "createCoupon", "percent": 10, "validFor": "7d" }, "next": "mail-1" },
            { "type": "action", "id": "mail-1", "action": { "type": "sendEmail", "template": "CustomFlows.CartReminder", "category": "marketing" }, "next": "wait-click" },
            { "type": "wait", "id": "wait-click", "untilEvent": { "event": "email_clicked", "nodeId": "mail-1" }, "timeout": "1d", "next": "evening", "onEvent": "end" },
            { "type": "wait", "id": "evening", "delay": "1d", "untilTimeOfDay": "18:00", "onWeekdays": ["monday", "tuesday", "wednesday", "thursday", "friday"], "next": "repeat" },
            { "type": "jump", "id": "repeat", "target": "mail-1", "maxRepetitions": 2, "next": "end" },
            { "type": "end", "id": "end" }
          ]
        }
        """;

    /// <summary>
    /// A birthday flow that uses every condition type and every action type once, for the validator and fuzz tests.
    /// </summary>
    public const string EveryKind = """
        {
          "schemaVersion": 1,
          "id": "every-kind",
          "settings": { "reEntry": { "mode": "onceEver" } },
          "nodes": [
            { "type": "start", "id": "start", "trigger": { "event": "date", "dateField": "birthday", "offsetDays": -2, "annual": true }, "next": "popup" },
            { "type": "action", "id": "popup", "action": { "type": "showPopup", "template": "CustomFlows.Popup", "expiresAfter": "2d" }, "next": "check" },
            { "type": "filter", "id": "check", "condition": { "type": "any", "conditions": [
              { "type": "ordersCount", "op": "gt", "value": 2, "withinDays": 365 },
              { "type": "amountSpent", "op": "gte", "value": 500 },
              { "type": "daysSinceLastOrder", "op": "lte", "value": 30 },
              { "type": "purchasedSinceEntry", "scope": { "kind": "product", "id": 3 } },
              { "type": "hasTag", "tag": "vip" },
              { "type": "score", "op": "gte", "value": 50 },
              { "type": "funnelStage", "stages": ["loyal"] },
              { "type": "newsletterConsent", "subscribed": true },
              { "type": "country", "countries": ["PL"] },
              { "type": "language", "languages": ["pl"] },
              { "type": "store", "storeIds": [1] },
              { "type": "customerRole", "roles": ["Registered"] },
              { "type": "registered", "registered": true },
              { "type": "cartValue", "op": "gt", "value": 0 },
              { "type": "cartContains", "scope": { "kind": "category", "id": 4 } },
              { "type": "emailEngagement", "nodeId": "mail", "engagement": "opened" },
              { "type": "popupEngagement", "nodeId": "popup", "engagement": "dismissed" },
              { "type": "randomPercent", "percent": 50 },
              { "type": "eventValue", "op": "gte", "value": 0 },
              { "type": "eventContains", "scope": { "kind": "any" } },
              { "type": "not", "condition": { "type": "all", "conditions": [] } } ] },
              "yes": "coupon", "no": "end" },
            { "type": "action", "id": "coupon", "action": { "type": "createCoupon", "percent": 15, "validFor": "14d", "maxDiscountAmount": 100 }, "next": "mail" },
            { "type": "action", "id": "mail", "action": { "type": "sendEmail", "template": "CustomFlows.Thanks", "category": "transactional" }, "next": "hook" },
            { "type": "action", "id": "hook", "action": { "type": "webhook", "url": "https://example.com/hook", "eventName": "birthday" }, "next": "tag" },
            { "type": "action", "id": "tag", "action": { "type": "addTag", "tag": "birthday-sent" }, "next": "untag" },
            { "type": "action", "id": "untag", "action": { "type": "removeTag", "tag": "cold" }, "next": "score" },
            { "type": "action", "id": "score", "action": { "type": "changeScore", "delta": 5 }, "next": "stage" },
            { "type": "action", "id": "stage", "action": { "type": "setFunnelStage", "stage": "loyal" }, "next": "alert" },
            { "type": "action", "id": "alert", "action": { "type": "alertStaff", "message": "Birthday offer sent" }, "next": "end" },
            { "type": "end", "id": "end" }
          ]
        }
        """;
}
