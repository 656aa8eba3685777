using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Nodes;
using Nop.Plugin.Misc.CustomFlows.Engine.Time;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Validation;

/// <summary>
/// Checks what each kind of step needs, apart from where its exits lead (see <see cref="GraphRules"/>).
/// </summary>
internal static class NodeRules
{
    /// <summary>Most split branches; more is almost certainly a mistake and makes reports unreadable.</summary>
    public const int MaxBranches = 20;

    /// <summary>Most repetitions of a jump.</summary>
    public const int MaxRepetitions = 100;

    public static void Check(FlowNode node, RuleContext context, string path)
    {
        var id = node.Id;
        switch (node)
        {
            case StartNode start:
                TriggerRules.Check(start.Trigger, context, id, path + ".trigger");
                break;
            case FilterNode filter:
                ConditionRules.Check(filter.Condition, context, id, path + ".condition");
                break;
            case WaitNode wait:
                CheckWait(wait, context, path);
                break;
            case SplitNode split:
                CheckSplit(split, context, path);
                break;
            case ActionNode action:
                ActionRules.Check(action.Action, context, id, path + ".action");
                break;
            case JumpNode { MaxRepetitions: null }:
                context.Problems.Add(ProblemCodes.JumpWithoutLimit, "A jump needs maxRepetitions, so the flow cannot repeat forever.", id, path + ".maxRepetitions");
                break;
            case JumpNode jump when jump.MaxRepetitions is < 1 or > MaxRepetitions:
                context.Problems.Add(ProblemCodes.JumpWithoutLimit, $"maxRepetitions must be between 1 and {MaxRepetitions}.", id, path + ".maxRepetitions");
                break;
        }
    }

    private static void CheckWait(WaitNode wait, RuleContext context, string path)
    {
        // which kind of wait it is, and so what it needs, depends on every one of its properties
        if (context.Problems.AnySettledWithin(path))
            return;

        var id = wait.Id;
        var hasTimeParts = wait.Delay != null || wait.UntilTimeOfDay != null || wait.OnWeekdays is { Count: > 0 };
        if (wait.UntilEvent != null)
        {
            if (hasTimeParts)
                context.Invalid("An event wait takes a timeout, not delay, untilTimeOfDay or onWeekdays.", id, path + ".untilEvent");
            context.Duration(wait.Timeout, required: true, mustBePositive: true, id, path + ".timeout");
            CheckWaitEvent(wait.UntilEvent, context, id, path + ".untilEvent");
            return;
        }

        if (wait.Timeout != null)
            context.Invalid("timeout only applies to an event wait (untilEvent).", id, path + ".timeout");
        if (wait.OnEvent != null)
            context.Invalid("onEvent only applies to an event wait (untilEvent).", id, path + ".onEvent");
        if (!hasTimeParts)
            context.Problems.Add(ProblemCodes.BadDuration, "A wait needs a delay, untilTimeOfDay, onWeekdays or untilEvent.", id, path + ".delay");

        context.Duration(wait.Delay, required: false, mustBePositive: false, id, path + ".delay");
        if (wait.UntilTimeOfDay != null && !TimeOfDayText.TryParse(wait.UntilTimeOfDay, out _))
            context.Problems.Add(ProblemCodes.BadTimeOfDay, $"{Excerpt.Quote(wait.UntilTimeOfDay)} is not a time of day: use 24-hour \"HH:mm\".", id, path + ".untilTimeOfDay");
        if (wait.OnWeekdays != null && wait.OnWeekdays.Any(day => !Enum.IsDefined(day)))
            context.Invalid("onWeekdays holds a day that does not exist.", id, path + ".onWeekdays");
    }

    private static void CheckWaitEvent(WaitEvent waitEvent, RuleContext context, string nodeId, string path)
    {
        ScopeRules.Check(waitEvent.Scope, context, nodeId, path + ".scope");
        var isEmail = waitEvent.Event is Definition.FlowEventType.EmailOpened or Definition.FlowEventType.EmailClicked;
        var isPopup = waitEvent.Event is Definition.FlowEventType.PopupShown or Definition.FlowEventType.PopupClicked or Definition.FlowEventType.PopupDismissed;
        if (isEmail)
            ConditionRules.CheckMessageStep<SendEmailAction>(waitEvent.NodeId, "a send-e-mail action", context, nodeId, path + ".nodeId");
        else if (isPopup)
            ConditionRules.CheckMessageStep<ShowPopupAction>(waitEvent.NodeId, "a show-pop-up action", context, nodeId, path + ".nodeId");
        else if (waitEvent.NodeId != null)
            context.Invalid("nodeId only applies to e-mail and pop-up events.", nodeId, path + ".nodeId");

        if (waitEvent.Event == Definition.FlowEventType.Custom && string.IsNullOrWhiteSpace(waitEvent.EventName))
            context.Missing("eventName (for a custom event)", nodeId, path + ".eventName");
    }

    private static void CheckSplit(SplitNode split, RuleContext context, string path)
    {
        var id = split.Id;
        if (split.Branches == null || split.Branches.Count < 2 || split.Branches.Count > MaxBranches)
        {
            context.Invalid($"A split needs 2 to {MaxBranches} branches.", id, path + ".branches");
            return;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < split.Branches.Count; i++)
        {
            var branch = split.Branches[i];
            var branchPath = $"{path}.branches[{i}]";
            if (branch == null)
            {
                context.Missing("The branch", id, branchPath);
                continue;
            }

            if (string.IsNullOrWhiteSpace(branch.Name))
                context.Missing("The branch name", id, branchPath + ".name");
            else if (!names.Add(branch.Name))
                context.Invalid($"Two branches are named {Excerpt.Quote(branch.Name)}.", id, branchPath + ".name");
            if (branch.Weight is < 1 or > 10000)
                context.Invalid("weight must be between 1 and 10000.", id, branchPath + ".weight");
        }

        if (split.Branches.Count(b => b?.Holdout == true) > 1)
            context.Invalid("A split has at most one holdout branch.", id, path + ".branches");
    }
}
