using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Nodes;
using Nop.Plugin.Misc.CustomFlows.Engine.Guardrails;
using Nop.Plugin.Misc.CustomFlows.Engine.Ports;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Runtime;

/// <summary>
/// An action step: holdout, then, for a marketing message, quiet hours and blackout dates, the
/// shop-wide message budget and the flow's frequency cap; if all allow, the action is emitted as an
/// effect. Transactional messages pass every guardrail, and neither budget nor cap counts them.
/// </summary>
internal sealed class ActionStep
{
    public bool Execute(RunPass pass, ActionNode node)
    {
        var run = pass.Run;
        var action = node.Action;
        if (run.Holdout)
        {
            pass.Record(node.Id, StepKind.ActionSuppressed);
            pass.MoveTo(node.Next);
            return true;
        }

        var guardrails = pass.Context.Guardrails ?? new GuardrailSettings();
        if (action.IsMarketingMessage)
        {
            var heldUntil = GuardrailCheck.HeldBackUntil(pass.Now, pass.Context.CustomerTimeZone, guardrails, quietHoursApply: action.Channel == ActionChannel.Email);
            if (heldUntil != null)
                return Postpone(pass, node, heldUntil.Value, "quietHoursOrBlackout");

            if (BudgetFreesAt(pass, action, guardrails) is { } budgetFree)
                return Exceeded(pass, node, budgetFree, "budget");

            if (pass.Flow.Settings.FrequencyCap is { } cap && CapFreesAt(pass, cap.Max) is { } capFree)
                return Exceeded(pass, node, capFree, "frequencyCap");
        }

        Emit(pass, node);
        pass.MoveTo(node.Next);
        return true;
    }

    private static void Emit(RunPass pass, ActionNode node)
    {
        var run = pass.Run;
        var visit = run.VisitsOf(node.Id);
        pass.Emit(new FlowEffect
        {
            IdempotencyKey = FlowEffect.KeyOf(run.RunId, node.Id, visit),
            RunId = run.RunId,
            FlowId = run.FlowId,
            FlowVersion = run.FlowVersion,
            NodeId = node.Id,
            Visit = visit,
            CustomerId = run.CustomerId,
            StoreId = run.StoreId,
            CreatedOnUtc = pass.Now,
            Variant = run.Variant,
            Action = node.Action
        });
        if (node.Action.IsMessage)
            pass.SentThisPass.Add(new SentMessage(pass.Now, node.Action.Channel, node.Action.IsMarketingMessage, run.FlowId));
        pass.Record(node.Id, StepKind.ActionEmitted, node.Action.Channel.ToString());
    }

    private static bool Exceeded(RunPass pass, ActionNode node, DateTime freesAt, string reason)
    {
        if (pass.Flow.Settings.WhenBudgetExceeded == BudgetExceededBehaviour.Postpone)
            return Postpone(pass, node, freesAt, reason);

        pass.Record(node.Id, StepKind.ActionSkipped, reason);
        pass.MoveTo(node.Next);
        return true;
    }

    private static bool Postpone(RunPass pass, ActionNode node, DateTime until, string reason)
    {
        pass.Record(node.Id, StepKind.ActionPostponed, reason);
        pass.Hold(until, WaitReason.Postponed);
        return false;
    }

    private static DateTime? BudgetFreesAt(RunPass pass, FlowAction action, GuardrailSettings guardrails)
    {
        DateTime? latest = null;
        foreach (var rule in guardrails.MessageBudget ?? [])
        {
            if (rule.Channel != null && rule.Channel != action.Channel)
                continue;

            var times = SentTimes(pass, message => message.Marketing && (rule.Channel == null || message.Channel == rule.Channel));
            var freesAt = GuardrailCheck.LimitFreesAt(times, rule.Max, rule.Period, pass.Now);
            if (freesAt > (latest ?? DateTime.MinValue))
                latest = freesAt;
        }

        return latest;
    }

    private static DateTime? CapFreesAt(RunPass pass, int max)
    {
        var flowId = pass.Flow.Id;
        var times = SentTimes(pass, message => message.Marketing && message.FlowId == flowId);
        return GuardrailCheck.LimitFreesAt(times, max, pass.Flow.FrequencyCapPeriod, pass.Now);
    }

    private static List<DateTime> SentTimes(RunPass pass, Func<SentMessage, bool> counts)
    {
        var times = new List<DateTime>();
        foreach (var message in pass.Context.Facts.RecentMessages ?? [])
        {
            if (counts(message))
                times.Add(message.SentOnUtc);
        }

        foreach (var message in pass.SentThisPass)
        {
            if (counts(message))
                times.Add(message.SentOnUtc);
        }

        return times;
    }
}
