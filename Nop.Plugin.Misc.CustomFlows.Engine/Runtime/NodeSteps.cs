using Nop.Plugin.Misc.CustomFlows.Engine.Conditions;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Nodes;
using Nop.Plugin.Misc.CustomFlows.Engine.Time;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Runtime;

/// <summary>
/// What each kind of step does when a run is at it.
/// </summary>
internal sealed class NodeSteps
{
    private readonly ActionStep _actions = new();

    /// <summary>
    /// Checks the goal, then the exit conditions; ends the run when one holds.
    /// </summary>
    public bool GoalOrExitReached(RunPass pass)
    {
        var definition = pass.Flow.Definition;
        if (definition.Goal?.Condition != null && ConditionEvaluator.Evaluate(definition.Goal.Condition, pass.ConditionContext("goal")))
        {
            pass.End(RunStatus.Converted, StepKind.Converted, definition.Goal.Name ?? "goal");
            return true;
        }

        foreach (var exit in definition.ExitConditions ?? [])
        {
            if (ConditionEvaluator.Evaluate(exit.Condition, pass.ConditionContext("exit")))
            {
                pass.End(RunStatus.Exited, StepKind.Exited, exit.Name);
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Executes the step the run is at.
    /// </summary>
    /// <param name="pass">The call's state.</param>
    /// <param name="node">The step.</param>
    /// <param name="resuming">Whether the run was waiting here and is now due.</param>
    /// <returns>Whether the run moved on and the next step should follow in this call.</returns>
    public bool Execute(RunPass pass, CompiledNode node, bool resuming)
    {
        switch (node.Node)
        {
            case StartNode start:
                return Start(pass, start, resuming);
            case FilterNode filter:
                var yes = ConditionEvaluator.Evaluate(filter.Condition, pass.ConditionContext(filter.Id));
                pass.Record(filter.Id, yes ? StepKind.PassedYes : StepKind.PassedNo);
                pass.MoveTo(yes ? filter.Yes : filter.No);
                return true;
            case WaitNode { UntilEvent: not null } eventWait:
                return EventWait(pass, eventWait, node, resuming);
            case WaitNode wait:
                return TimeWait(pass, wait, node, resuming);
            case SplitNode split:
                return Split(pass, split, node);
            case ActionNode action:
                return _actions.Execute(pass, action);
            case JumpNode jump:
                var again = pass.Run.VisitsOf(jump.Id) <= jump.MaxRepetitions;
                pass.Record(jump.Id, again ? StepKind.Jumped : StepKind.JumpExhausted);
                pass.MoveTo(again ? jump.Target : jump.Next);
                return true;
            case EndNode end:
                pass.End(RunStatus.Completed, StepKind.Completed, end.Id);
                return false;
            default:
                throw new InvalidOperationException($"Step \"{node.Node.Id}\" is of a kind the interpreter does not know.");
        }
    }

    private static bool Start(RunPass pass, StartNode start, bool resuming)
    {
        var trigger = start.Trigger;
        if (!resuming && trigger.CartChange == CartChange.Abandoned)
        {
            var due = pass.Run.Trigger.OccurredOnUtc.AddMinutes(trigger.AbandonedAfterMinutes ?? 0);
            if (due > pass.Now)
            {
                pass.Hold(due, WaitReason.CartAbandonment);
                return false;
            }
        }

        pass.MoveTo(start.Next);
        return true;
    }

    private static bool TimeWait(RunPass pass, WaitNode wait, CompiledNode node, bool resuming)
    {
        if (!resuming)
        {
            var due = WaitSchedule.NextAllowed(pass.Now + node.Delay, node.TimeOfDay, node.WeekdayMask, pass.Context.CustomerTimeZone);
            if (due > pass.Now)
            {
                pass.Hold(due, WaitReason.WaitStep);
                return false;
            }
        }

        pass.Record(wait.Id, StepKind.WaitEnded);
        pass.MoveTo(wait.Next);
        return true;
    }

    private static bool EventWait(RunPass pass, WaitNode wait, CompiledNode node, bool resuming)
    {
        if (resuming)
        {
            pass.Record(wait.Id, StepKind.TimedOut);
            pass.MoveTo(wait.Next);
            return true;
        }

        // the customer may have clicked before the run reached the wait; that click counts
        var suffix = EngagementKey.FromEvent(wait.UntilEvent.Event);
        if (suffix != null && EngagementKey.Contains(pass.Run.Engagements, wait.UntilEvent.NodeId, suffix))
        {
            pass.Record(wait.Id, StepKind.EventReceived, wait.UntilEvent.Event.ToString());
            pass.MoveTo(wait.OnEvent);
            return true;
        }

        pass.Hold(pass.Now + node.Timeout, WaitReason.WaitStep);
        return false;
    }

    private static bool Split(RunPass pass, SplitNode split, CompiledNode node)
    {
        var run = pass.Run;
        // per customer, not per run: a customer who enters again sees the same variant
        var bucket = StableHash.Bucket(StableHash.Of(run.FlowId, split.Id, run.CustomerId), node.TotalWeight);
        var chosen = split.Branches[^1];
        foreach (var branch in split.Branches)
        {
            if (bucket < branch.Weight)
            {
                chosen = branch;
                break;
            }

            bucket -= branch.Weight;
        }

        run.Variant = chosen.Name;
        run.Holdout |= chosen.Holdout;
        pass.Record(split.Id, StepKind.Branched, chosen.Name);
        pass.MoveTo(chosen.Next);
        return true;
    }
}
