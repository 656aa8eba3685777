using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Entry;

/// <summary>
/// Creates the state of a run entering a flow.
/// </summary>
public static class FlowRunFactory
{
    /// <summary>
    /// A new run at the start step, pinned to the flow version, with run id 0: the run store gives
    /// the id on insert, before the first step (effects' idempotency keys contain it).
    /// </summary>
    public static FlowRunState Create(CompiledFlow flow, FlowEvent flowEvent, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(flowEvent);
        return new FlowRunState
        {
            FlowId = flow.Id,
            FlowVersion = flow.Version,
            CustomerId = flowEvent.CustomerId,
            StoreId = flowEvent.StoreId,
            Status = RunStatus.Active,
            NodeId = flow.Start.Id,
            EnteredOnUtc = nowUtc,
            DueOnUtc = nowUtc,
            Visits = new Dictionary<string, int> { [flow.Start.Id] = 1 },
            Trigger = TriggerSnapshot.From(flowEvent)
        };
    }
}
