using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Nodes;
using Nop.Plugin.Misc.CustomFlows.Engine.Facts;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Runtime;

/// <summary>
/// What an event does to a waiting run: ends an event wait, or moves / cancels the abandoned-cart clock.
/// </summary>
internal static class EventRouting
{
    public enum Effect
    {
        None,
        Changed,
        Resumed,
        Ended
    }

    public static Effect Apply(RunPass pass, FlowEvent flowEvent)
    {
        var run = pass.Run;
        if (run.Status != RunStatus.Waiting)
            return Effect.None;

        // the wait ran out before this event happened; the host just has not stepped the run yet,
        // and the result must not depend on whether it did
        if (run.DueOnUtc is { } due && flowEvent.OccurredOnUtc >= due)
            return Effect.None;

        return run.WaitReason switch
        {
            WaitReason.CartAbandonment => ApplyToCartClock(pass, flowEvent),
            WaitReason.WaitStep when pass.Flow.Node(run.NodeId).Node is WaitNode { UntilEvent: not null } wait
                && flowEvent.OccurredOnUtc >= (run.WaitStartedOnUtc ?? DateTime.MinValue)
                && Matches(wait.UntilEvent, flowEvent, run) => Resume(pass, wait),
            _ => Effect.None
        };
    }

    /// <summary>
    /// Whether an event is the one an event wait listens for.
    /// </summary>
    public static bool Matches(WaitEvent waitEvent, FlowEvent flowEvent, FlowRunState run)
    {
        if (waitEvent.Event != flowEvent.Type)
            return false;

        return flowEvent.Type switch
        {
            FlowEventType.EmailOpened or FlowEventType.EmailClicked or FlowEventType.PopupShown
                or FlowEventType.PopupClicked or FlowEventType.PopupDismissed =>
                flowEvent.RunId == run.RunId && (waitEvent.NodeId == null || waitEvent.NodeId == flowEvent.NodeId),
            FlowEventType.Custom => string.Equals(waitEvent.EventName, flowEvent.EventName, StringComparison.OrdinalIgnoreCase),
            _ => ProductScopeMatcher.Matches(waitEvent.Scope, flowEvent.ProductIds, flowEvent.CategoryIds, flowEvent.AncestorCategoryIds)
        };
    }

    private static Effect Resume(RunPass pass, WaitNode wait)
    {
        pass.Record(wait.Id, StepKind.EventReceived, wait.UntilEvent.Event.ToString());
        pass.MoveTo(wait.OnEvent);
        return Effect.Resumed;
    }

    private static Effect ApplyToCartClock(RunPass pass, FlowEvent flowEvent)
    {
        var run = pass.Run;
        if (flowEvent.OccurredOnUtc < run.Trigger.OccurredOnUtc)
            return Effect.None;

        switch (flowEvent.Type)
        {
            case FlowEventType.OrderPlaced:
                pass.End(RunStatus.Exited, StepKind.Exited, "checkedOut");
                return Effect.Ended;
            case FlowEventType.CartUpdated when flowEvent.Quantity <= 0:
                pass.End(RunStatus.Exited, StepKind.Exited, "cartEmptied");
                return Effect.Ended;
            case FlowEventType.CartUpdated:
                // the customer is still shopping: the cart is left only after minutes of silence since the last change
                run.Trigger = TriggerSnapshot.From(flowEvent);
                pass.Hold(flowEvent.OccurredOnUtc.AddMinutes(pass.Flow.Trigger.AbandonedAfterMinutes ?? 0), WaitReason.CartAbandonment);
                return Effect.Changed;
            default:
                return Effect.None;
        }
    }
}
