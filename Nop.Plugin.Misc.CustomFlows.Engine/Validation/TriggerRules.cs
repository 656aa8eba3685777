using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using Nop.Plugin.Misc.CustomFlows.Engine.Serialization;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Triggers;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Validation;

/// <summary>
/// Checks a start trigger: each event type needs its own fields and refuses the others.
/// </summary>
internal static class TriggerRules
{
    public static void Check(FlowTrigger trigger, RuleContext context, string nodeId, string path)
    {
        if (trigger == null)
        {
            context.Missing("The trigger", nodeId, path);
            return;
        }

        if (!Enum.IsDefined(trigger.Event) || IsMessageEvent(trigger.Event))
            context.Invalid($"{Excerpt.Quote(FlowJson.NameOf(trigger.Event))} cannot start a flow; message events are for waits and conditions.", nodeId, path + ".event");

        var productEvent = trigger.Event is FlowEventType.ProductViewed or FlowEventType.CartUpdated or FlowEventType.OrderPlaced or FlowEventType.OrderPaid;
        if (trigger.Scope != null && !productEvent)
            context.Invalid("Only product, cart and order triggers take a scope.", nodeId, path + ".scope");
        ScopeRules.Check(trigger.Scope, context, nodeId, path + ".scope");

        CheckCart(trigger, context, nodeId, path);
        CheckOnlyFor(trigger.Event == FlowEventType.Date, trigger.DateField, "dateField", "date", context, nodeId, path);
        CheckOnlyFor(trigger.Event == FlowEventType.TagAdded, trigger.Tag, "tag", "tag_added", context, nodeId, path);
        CheckOnlyFor(trigger.Event == FlowEventType.Custom, trigger.EventName, "eventName", "custom", context, nodeId, path);
        if (trigger.Event != FlowEventType.Date && (trigger.OffsetDays != 0 || trigger.Annual))
            context.Invalid("offsetDays and annual only apply to a date trigger.", nodeId, path + ".offsetDays");
        if (trigger.Event == FlowEventType.Date && Math.Abs(trigger.OffsetDays) > 366)
            context.Invalid("offsetDays must be within a year (-366 to 366).", nodeId, path + ".offsetDays");

        CheckFilters(trigger.Filters, context, nodeId, path + ".filters");
    }

    /// <summary>
    /// Whether an event is about a message a flow sent rather than something the customer did in the shop.
    /// </summary>
    public static bool IsMessageEvent(FlowEventType type) =>
        type is FlowEventType.EmailOpened or FlowEventType.EmailClicked
            or FlowEventType.PopupShown or FlowEventType.PopupClicked or FlowEventType.PopupDismissed;

    private static void CheckCart(FlowTrigger trigger, RuleContext context, string nodeId, string path)
    {
        if (trigger.Event != FlowEventType.CartUpdated)
        {
            if (trigger.CartChange != null || trigger.AbandonedAfterMinutes != null)
                context.Invalid("cartChange and abandonedAfterMinutes only apply to a cart_updated trigger.", nodeId, path + ".cartChange");
            return;
        }

        if (trigger.CartChange == CartChange.Abandoned)
        {
            if (trigger.AbandonedAfterMinutes is null or <= 0 or > 60 * 24 * 60)
                context.Problems.Add(ProblemCodes.BadDuration, "abandonedAfterMinutes must be between 1 and 86400 (60 days).", nodeId, path + ".abandonedAfterMinutes");
        }
        else if (trigger.AbandonedAfterMinutes != null)
        {
            context.Invalid("abandonedAfterMinutes only applies with cartChange \"abandoned\".", nodeId, path + ".abandonedAfterMinutes");
        }
    }

    private static void CheckOnlyFor(bool applies, string value, string property, string eventName, RuleContext context, string nodeId, string path)
    {
        if (applies && string.IsNullOrWhiteSpace(value))
            context.Missing($"{property} (for a {eventName} trigger)", nodeId, $"{path}.{property}");
        else if (!applies && value != null)
            context.Invalid($"{property} only applies to a {eventName} trigger.", nodeId, $"{path}.{property}");
    }

    private static void CheckFilters(TriggerFilters filters, RuleContext context, string nodeId, string path)
    {
        if (filters == null)
            return;

        if (filters.MinValue < 0 || filters.MaxValue < 0)
            context.Invalid("Values cannot be negative.", nodeId, path + ".minValue");
        if (filters.MinValue > filters.MaxValue)
            context.Invalid("minValue is larger than maxValue.", nodeId, path + ".maxValue");
        if (filters.MinQuantity < 0 || filters.MaxQuantity < 0)
            context.Invalid("Quantities cannot be negative.", nodeId, path + ".minQuantity");
        if (filters.MinQuantity > filters.MaxQuantity)
            context.Invalid("minQuantity is larger than maxQuantity.", nodeId, path + ".maxQuantity");
        if (filters.StoreIds != null && filters.StoreIds.Any(id => id <= 0))
            context.Invalid("Store ids are positive numbers.", nodeId, path + ".storeIds");
    }
}
