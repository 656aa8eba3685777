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
}
