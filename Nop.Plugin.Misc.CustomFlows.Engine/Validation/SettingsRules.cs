using Nop.Plugin.Misc.CustomFlows.Engine.Definition;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Validation;

/// <summary>
/// Checks flow settings: audience, re-entry, frequency cap, stores.
/// </summary>
internal static class SettingsRules
{
    public static void Check(FlowSettings settings, RuleContext context)
    {
        if (settings == null)
        {
            context.Missing("settings", null, "$.settings");
            return;
        }

        if (settings.Audience != null)
            ConditionRules.Check(settings.Audience, context, null, "$.settings.audience");

        var reEntry = settings.ReEntry;
        if (reEntry == null)
        {
            context.Missing("reEntry", null, "$.settings.reEntry");
        }
        else if (!Enum.IsDefined(reEntry.Mode))
        {
            context.Invalid("Unknown re-entry mode.", null, "$.settings.reEntry.mode");
        }
        else if (reEntry.Mode == ReEntryMode.OncePerPeriod)
        {
            context.Duration(reEntry.Period, required: true, mustBePositive: true, null, "$.settings.reEntry.period");
        }
        else if (reEntry.Period != null)
        {
            context.Invalid("period only applies to the oncePerPeriod mode.", null, "$.settings.reEntry.period");
        }

        if (settings.FrequencyCap != null)
        {
            if (settings.FrequencyCap.Max < 1)
                context.Invalid("frequencyCap.max must be 1 or more.", null, "$.settings.frequencyCap.max");
            context.Duration(settings.FrequencyCap.Period, required: true, mustBePositive: true, null, "$.settings.frequencyCap.period");
        }

        if (settings.StoreIds != null && settings.StoreIds.Any(id => id <= 0))
            context.Invalid("Store ids are positive numbers.", null, "$.settings.storeIds");
        if (!Enum.IsDefined(settings.WhenBudgetExceeded))
            context.Invalid("whenBudgetExceeded is postpone or skip.", null, "$.settings.whenBudgetExceeded");
    }
}
