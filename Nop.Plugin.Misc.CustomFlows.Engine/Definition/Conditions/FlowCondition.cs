using System.Text.Json.Serialization;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Definition.Conditions;

/// <summary>
/// A yes / no question about the customer, the run or the triggering event. Conditions nest
/// through all / any / not. The JSON property "type" tells which question.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(AllCondition), "all")]
[JsonDerivedType(typeof(AnyCondition), "any")]
[JsonDerivedType(typeof(NotCondition), "not")]
[JsonDerivedType(typeof(OrdersCountCondition), "ordersCount")]
[JsonDerivedType(typeof(AmountSpentCondition), "amountSpent")]
[JsonDerivedType(typeof(DaysSinceLastOrderCondition), "daysSinceLastOrder")]
[JsonDerivedType(typeof(PurchasedSinceEntryCondition), "purchasedSinceEntry")]
[JsonDerivedType(typeof(HasTagCondition), "hasTag")]
[JsonDerivedType(typeof(ScoreCondition), "score")]
[JsonDerivedType(typeof(FunnelStageCondition), "funnelStage")]
[JsonDerivedType(typeof(NewsletterConsentCondition), "newsletterConsent")]
[JsonDerivedType(typeof(CountryCondition), "country")]
[JsonDerivedType(typeof(LanguageCondition), "language")]
[JsonDerivedType(typeof(StoreCondition), "store")]
[JsonDerivedType(typeof(CustomerRoleCondition), "customerRole")]
[JsonDerivedType(typeof(RegisteredCondition), "registered")]
[JsonDerivedType(typeof(CartValueCondition), "cartValue")]
[JsonDerivedType(typeof(CartContainsCondition), "cartContains")]
[JsonDerivedType(typeof(EmailEngagementCondition), "emailEngagement")]
[JsonDerivedType(typeof(PopupEngagementCondition), "popupEngagement")]
[JsonDerivedType(typeof(RandomPercentCondition), "randomPercent")]
[JsonDerivedType(typeof(EventValueCondition), "eventValue")]
[JsonDerivedType(typeof(EventContainsCondition), "eventContains")]
public abstract class FlowCondition
{
}

/// <summary>
/// True when every inner condition is true (and when there are none).
/// </summary>
public sealed class AllCondition : FlowCondition
{
    /// <summary>The inner conditions.</summary>
    public List<FlowCondition> Conditions { get; set; } = new();
}

/// <summary>
/// True when at least one inner condition is true.
/// </summary>
public sealed class AnyCondition : FlowCondition
{
    /// <summary>The inner conditions.</summary>
    public List<FlowCondition> Conditions { get; set; } = new();
}

/// <summary>
/// True when the inner condition is false.
/// </summary>
public sealed class NotCondition : FlowCondition
{
    /// <summary>The inner condition.</summary>
    public FlowCondition Condition { get; set; }
}
