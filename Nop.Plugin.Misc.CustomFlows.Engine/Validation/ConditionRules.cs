using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Conditions;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Nodes;
using Nop.Plugin.Misc.CustomFlows.Engine.Conditions;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Validation;

/// <summary>
/// Checks a condition tree.
/// </summary>
internal static class ConditionRules
{
    private const int MaxDepth = 32;

    public static void Check(FlowCondition condition, RuleContext context, string nodeId, string path, int depth = 0)
    {
        if (condition == null)
        {
            context.Missing("A condition", nodeId, path);
            return;
        }

        if (depth > MaxDepth)
        {
            context.Invalid($"Conditions are nested more than {MaxDepth} deep.", nodeId, path);
            return;
        }

        switch (condition)
        {
            case AllCondition all:
                CheckList(all.Conditions, context, nodeId, path, depth);
                break;
            case AnyCondition any:
                CheckList(any.Conditions, context, nodeId, path, depth);
                break;
            case NotCondition not:
                Check(not.Condition, context, nodeId, path + ".condition", depth + 1);
                break;
            case OrdersCountCondition orders:
                CheckPeriod(orders.WithinDays, orders.SinceEntry, context, nodeId, path);
                CheckNonNegative(orders.Value, context, nodeId, path);
                break;
            case AmountSpentCondition spent:
                CheckPeriod(spent.WithinDays, spent.SinceEntry, context, nodeId, path);
                CheckNonNegative(spent.Value, context, nodeId, path);
                break;
            case DaysSinceLastOrderCondition days:
                CheckNonNegative(days.Value, context, nodeId, path);
                break;
            case PurchasedSinceEntryCondition purchased:
                ScopeRules.Check(purchased.Scope, context, nodeId, path + ".scope");
                break;
            case HasTagCondition tag when string.IsNullOrWhiteSpace(tag.Tag):
                context.Missing("The tag", nodeId, path + ".tag");
                break;
            case FunnelStageCondition stage:
                CheckTexts(stage.Stages, "stages", context, nodeId, path);
                break;
            case CountryCondition country:
                CheckTexts(country.Countries, "countries", context, nodeId, path);
                break;
            case LanguageCondition language:
                CheckTexts(language.Languages, "languages", context, nodeId, path);
                break;
            case CustomerRoleCondition role:
                CheckTexts(role.Roles, "roles", context, nodeId, path);
                break;
            case StoreCondition store when store.StoreIds == null || store.StoreIds.Count == 0 || store.StoreIds.Any(id => id <= 0):
                context.Invalid("List one or more store ids (positive numbers).", nodeId, path + ".storeIds");
                break;
            case CartContainsCondition cart:
                ScopeRules.Check(cart.Scope, context, nodeId, path + ".scope");
                break;
            case EventContainsCondition eventContains:
                ScopeRules.Check(eventContains.Scope, context, nodeId, path + ".scope");
                break;
            case RandomPercentCondition random when random.Percent < 0 || random.Percent > 100:
                context.Invalid("percent must be between 0 and 100.", nodeId, path + ".percent");
                break;
            case EmailEngagementCondition email:
                if (EngagementKey.EmailSuffix(email.Engagement) == null)
                    context.Invalid("An e-mail can be opened or clicked.", nodeId, path + ".engagement");
                CheckMessageStep<SendEmailAction>(email.NodeId, "a send-e-mail action", context, nodeId, path + ".nodeId");
                break;
            case PopupEngagementCondition popup:
                if (EngagementKey.PopupSuffix(popup.Engagement) == null)
                    context.Invalid("A pop-up can be shown, clicked or dismissed.", nodeId, path + ".engagement");
                CheckMessageStep<ShowPopupAction>(popup.NodeId, "a show-pop-up action", context, nodeId, path + ".nodeId");
                break;
        }
    }

    /// <summary>
    /// Checks that a referenced step exists and sends the right kind of message.
    /// </summary>
    public static void CheckMessageStep<TAction>(string referencedId, string kind, RuleContext context, string nodeId, string path)
        where TAction : FlowAction
    {
        if (referencedId == null || context.OpaqueNodeIds.Contains(referencedId))
            return;

        if (!context.NodesById.TryGetValue(referencedId, out var node))
            context.Problems.Add(ProblemCodes.UnknownTarget, $"There is no step {Excerpt.Quote(referencedId)}.", nodeId, path);
        else if (node is not ActionNode { Action: TAction })
            context.Problems.Add(ProblemCodes.BadNodeReference, $"Step {Excerpt.Quote(referencedId)} is not {kind}.", nodeId, path);
    }

    private static void CheckList(List<FlowCondition> conditions, RuleContext context, string nodeId, string path, int depth)
    {
        if (conditions == null)
        {
            context.Missing("conditions", nodeId, path + ".conditions");
            return;
        }

        for (var i = 0; i < conditions.Count; i++)
            Check(conditions[i], context, nodeId, $"{path}.conditions[{i}]", depth + 1);
    }

    private static void CheckPeriod(int? withinDays, bool sinceEntry, RuleContext context, string nodeId, string path)
    {
        if (withinDays is <= 0)
            context.Invalid("withinDays must be 1 or more.", nodeId, path + ".withinDays");
        if (withinDays != null && sinceEntry)
            context.Invalid("Use withinDays or sinceEntry, not both.", nodeId, path + ".sinceEntry");
    }

    private static void CheckNonNegative(decimal value, RuleContext context, string nodeId, string path)
    {
        if (value < 0)
            context.Invalid("value cannot be negative.", nodeId, path + ".value");
    }

    private static void CheckTexts(List<string> values, string property, RuleContext context, string nodeId, string path)
    {
        if (values == null || values.Count == 0 || values.Any(string.IsNullOrWhiteSpace))
            context.Invalid($"List one or more {property}, none empty.", nodeId, $"{path}.{property}");
    }
}
