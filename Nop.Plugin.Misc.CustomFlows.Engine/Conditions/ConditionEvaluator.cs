using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Conditions;
using Nop.Plugin.Misc.CustomFlows.Engine.Facts;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Conditions;

/// <summary>
/// Answers a condition tree. Pure: the same context always gives the same answer, including
/// "random" percentages, which hash the run and step.
/// </summary>
public static class ConditionEvaluator
{
    /// <summary>
    /// Whether the condition holds. A null condition holds (an absent audience lets everyone in).
    /// </summary>
    public static bool Evaluate(FlowCondition condition, in ConditionContext context)
    {
        var facts = context.Facts;
        var run = context.Run;
        switch (condition)
        {
            case null:
                return true;
            case AllCondition all:
                foreach (var inner in all.Conditions)
                {
                    if (!Evaluate(inner, context))
                        return false;
                }
                return true;
            case AnyCondition any:
                foreach (var inner in any.Conditions)
                {
                    if (Evaluate(inner, context))
                        return true;
                }
                return false;
            case NotCondition not:
                return !Evaluate(not.Condition, context);
            case OrdersCountCondition orders:
                return Compare(facts.CountOrders(After(orders.WithinDays, orders.SinceEntry, context)), orders);
            case AmountSpentCondition spent:
                return Compare(facts.SumOrders(After(spent.WithinDays, spent.SinceEntry, context)), spent);
            case DaysSinceLastOrderCondition daysSince:
                var last = facts.LastOrderOnUtc;
                return last != null && Compare((decimal)Math.Floor((context.NowUtc - last.Value).TotalDays), daysSince);
            case PurchasedSinceEntryCondition purchased:
                return facts.Purchased(purchased.Scope, run.EnteredOnUtc);
            case HasTagCondition tag:
                return facts.HasTag(tag.Tag);
            case ScoreCondition score:
                return Compare(facts.Score, score);
            case FunnelStageCondition stage:
                return facts.FunnelStage != null && stage.Stages.Contains(facts.FunnelStage, StringComparer.OrdinalIgnoreCase);
            case NewsletterConsentCondition consent:
                return facts.NewsletterSubscribed == consent.Subscribed;
            case CountryCondition country:
                return facts.CountryCode != null && country.Countries.Contains(facts.CountryCode, StringComparer.OrdinalIgnoreCase);
            case LanguageCondition language:
                return facts.LanguageCode != null && language.Languages.Contains(facts.LanguageCode, StringComparer.OrdinalIgnoreCase);
            case StoreCondition store:
                return store.StoreIds.Contains(run.StoreId);
            case CustomerRoleCondition role:
                return role.Roles.Any(facts.HasRole);
            case RegisteredCondition registered:
                return facts.IsRegistered == registered.Registered;
            case CartValueCondition cartValue:
                return Compare(facts.CartValue, cartValue);
            case CartContainsCondition cart:
                return facts.CartContains(cart.Scope);
            case EmailEngagementCondition email:
                return EngagementKey.Contains(run.Engagements, email.NodeId, EngagementKey.EmailSuffix(email.Engagement));
            case PopupEngagementCondition popup:
                return EngagementKey.Contains(run.Engagements, popup.NodeId, EngagementKey.PopupSuffix(popup.Engagement));
            case RandomPercentCondition random:
                var bucket = StableHash.Bucket(StableHash.Of(run.FlowId, context.NodeId, run.RunId, run.VisitsOf(context.NodeId)), 10000);
                return bucket < random.Percent * 100;
            case EventValueCondition eventValue:
                return Compare(run.Trigger.Value, eventValue);
            case EventContainsCondition eventContains:
                return ProductScopeMatcher.Matches(eventContains.Scope, run.Trigger.ProductIds, run.Trigger.CategoryIds, run.Trigger.AncestorCategoryIds);
            default:
                throw new NotSupportedException($"Condition type {condition.GetType().Name} has no evaluation.");
        }
    }

    private static DateTime? After(int? withinDays, bool sinceEntry, in ConditionContext context)
    {
        if (sinceEntry)
            return context.Run.EnteredOnUtc;
        return withinDays == null ? null : context.NowUtc.AddDays(-withinDays.Value);
    }

    private static bool Compare(decimal actual, NumericCondition condition) => condition.Op switch
    {
        Comparison.Eq => actual == condition.Value,
        Comparison.Ne => actual != condition.Value,
        Comparison.Gt => actual > condition.Value,
        Comparison.Gte => actual >= condition.Value,
        Comparison.Lt => actual < condition.Value,
        Comparison.Lte => actual <= condition.Value,
        _ => false
    };
}
