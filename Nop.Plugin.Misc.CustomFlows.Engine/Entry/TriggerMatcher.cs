using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Triggers;
using Nop.Plugin.Misc.CustomFlows.Engine.Facts;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Entry;

/// <summary>
/// Whether an event fires a trigger: event type, cart change, product scope, date, tag or name, and the event filters.
/// Allocation-free, as it runs for every candidate flow of every event.
/// </summary>
public static class TriggerMatcher
{
    /// <summary>
    /// Whether the event fires the trigger.
    /// </summary>
    public static bool Matches(FlowTrigger trigger, FlowEvent flowEvent)
    {
        if (trigger.Event != flowEvent.Type)
            return false;

        var matchesType = trigger.Event switch
        {
            FlowEventType.CartUpdated => CartChangeMatches(trigger, flowEvent),
            FlowEventType.Date => DateMatches(trigger, flowEvent),
            FlowEventType.TagAdded => string.Equals(trigger.Tag, flowEvent.Tag, StringComparison.OrdinalIgnoreCase),
            FlowEventType.Custom => string.Equals(trigger.EventName, flowEvent.EventName, StringComparison.OrdinalIgnoreCase),
            _ => true
        };

        return matchesType
            && ProductScopeMatcher.Matches(trigger.Scope, flowEvent.ProductIds, flowEvent.CategoryIds, flowEvent.AncestorCategoryIds)
            && FiltersMatch(trigger.Filters, flowEvent);
    }

    /// <summary>
    /// Whether a date event is the day the trigger waits for: the customer's local date minus the
    /// offset is the date (or, for a yearly date, its day and month; 29 February counts on 28 February in other years).
    /// </summary>
    public static bool DateMatches(FlowTrigger trigger, FlowEvent flowEvent)
    {
        if (!string.Equals(trigger.DateField, flowEvent.DateField, StringComparison.OrdinalIgnoreCase)
            || flowEvent.DateValue is not { } date || flowEvent.LocalDate is not { } today)
            return false;

        return IsOnDay(date, today.AddDays(-trigger.OffsetDays), trigger.Annual);
    }

    /// <summary>
    /// Whether a customer's date falls on a day: the same day, or for a yearly date the same day and month
    /// (29 February counts on 28 February in other years).
    /// </summary>
    /// <param name="date">The customer's date</param>
    /// <param name="day">The day in question</param>
    /// <param name="annual">Whether only day and month count</param>
    public static bool IsOnDay(DateOnly date, DateOnly day, bool annual)
    {
        if (!annual)
            return day == date;

        if (date.Month == 2 && date.Day == 29 && !DateTime.IsLeapYear(day.Year))
            return day.Month == 2 && day.Day == 28;
        return day.Month == date.Month && day.Day == date.Day;
    }

    private static bool CartChangeMatches(FlowTrigger trigger, FlowEvent flowEvent) => trigger.CartChange switch
    {
        CartChange.ItemAdded => flowEvent.CartChange == CartChange.ItemAdded,
        CartChange.ItemRemoved => flowEvent.CartChange == CartChange.ItemRemoved,
        // an emptied cart cannot be abandoned
        CartChange.Abandoned => flowEvent.Quantity > 0,
        _ => true
    };

    private static bool FiltersMatch(TriggerFilters filters, FlowEvent flowEvent)
    {
        if (filters == null)
            return true;

        return (filters.MinValue == null || flowEvent.Value >= filters.MinValue)
            && (filters.MaxValue == null || flowEvent.Value <= filters.MaxValue)
            && (filters.MinQuantity == null || flowEvent.Quantity >= filters.MinQuantity)
            && (filters.MaxQuantity == null || flowEvent.Quantity <= filters.MaxQuantity)
            && (filters.StoreIds == null || filters.StoreIds.Count == 0 || filters.StoreIds.Contains(flowEvent.StoreId));
    }
}
