namespace Nop.Plugin.Misc.CustomFlows.Engine.Templates.Scenarios;

/// <summary>
/// JSON pieces many templates share, so "purchased" means the same in every template.
/// </summary>
internal static class FlowParts
{
    /// <summary>Goal: the customer placed an order after entering the flow.</summary>
    public const string PurchasedGoal = """{ "name": "purchased", "condition": { "type": "ordersCount", "op": "gte", "value": 1, "sinceEntry": true } }""";

    /// <summary>Exit: the customer withdrew newsletter consent, so marketing stops at once.</summary>
    public const string UnsubscribedExit = """[ { "name": "unsubscribed", "condition": { "type": "newsletterConsent", "subscribed": false } } ]""";

    /// <summary>Audience: customers who agreed to marketing e-mail.</summary>
    public const string SubscribersOnly = """{ "type": "newsletterConsent", "subscribed": true }""";
}
