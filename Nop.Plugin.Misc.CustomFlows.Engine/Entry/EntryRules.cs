using Nop.Plugin.Misc.CustomFlows.Engine.Conditions;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using Nop.Plugin.Misc.CustomFlows.Engine.Guardrails;
using Nop.Plugin.Misc.CustomFlows.Engine.Ports;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Entry;

/// <summary>
/// Decides whether an event lets a customer into a flow: pause, stores, trigger, re-entry rule, audience,
/// cheapest checks first.
/// </summary>
public static class EntryRules
{
    /// <summary>
    /// Decides entry.
    /// </summary>
    /// <param name="flow">The flow version live now.</param>
    /// <param name="flowEvent">The event.</param>
    /// <param name="facts">The customer's facts, for the audience.</param>
    /// <param name="history">The customer's earlier runs of this flow.</param>
    /// <param name="guardrails">Shop-wide limits (pause).</param>
    /// <param name="nowUtc">Now.</param>
    public static EntryDecision Decide(CompiledFlow flow, FlowEvent flowEvent, ICustomerFacts facts, EntryHistory history, GuardrailSettings guardrails, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(flowEvent);
        ArgumentNullException.ThrowIfNull(facts);
        history ??= EntryHistory.None;

        if (guardrails?.PauseAll == true)
            return EntryDecision.Paused;
        if (!RunsInStore(flow, flowEvent.StoreId))
            return EntryDecision.OtherStore;
        if (!TriggerMatcher.Matches(flow.Trigger, flowEvent))
            return EntryDecision.NotTriggered;

        var reEntry = ReEntry(flow, history, nowUtc);
        if (reEntry != EntryDecision.Enter)
            return reEntry;

        if (flow.Settings.Audience != null)
        {
            var candidate = FlowRunFactory.Create(flow, flowEvent, nowUtc);
            if (!ConditionEvaluator.Evaluate(flow.Settings.Audience, new ConditionContext(facts, candidate, nowUtc, "audience")))
                return EntryDecision.NotInAudience;
        }

        return EntryDecision.Enter;
    }

    /// <summary>
    /// Whether the flow runs in the store (no stores listed: every store).
    /// </summary>
    public static bool RunsInStore(CompiledFlow flow, int storeId) =>
        flow.Settings.StoreIds == null || flow.Settings.StoreIds.Count == 0 || flow.Settings.StoreIds.Contains(storeId);

    private static EntryDecision ReEntry(CompiledFlow flow, EntryHistory history, DateTime nowUtc)
    {
        switch (flow.Settings.ReEntry.Mode)
        {
            case ReEntryMode.EveryTime:
                return EntryDecision.Enter;
            case ReEntryMode.OnceEver:
                return history.LastEnteredOnUtc == null ? EntryDecision.Enter : EntryDecision.EnteredBefore;
            case ReEntryMode.OncePerPeriod:
                if (history.HasOpenRun)
                    return EntryDecision.AlreadyInFlow;
                return history.LastEnteredOnUtc == null || nowUtc - history.LastEnteredOnUtc.Value >= flow.ReEntryPeriod
                    ? EntryDecision.Enter
                    : EntryDecision.TooSoon;
            default:
                return history.HasOpenRun ? EntryDecision.AlreadyInFlow : EntryDecision.Enter;
        }
    }
}
