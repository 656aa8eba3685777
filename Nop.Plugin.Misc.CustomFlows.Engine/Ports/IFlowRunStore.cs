using Nop.Plugin.Misc.CustomFlows.Engine.Entry;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Ports;

/// <summary>
/// Where runs live between steps. The engine owns no persistence: the shop implements this with a
/// table indexed on (status, due time), the simulator in memory.
/// </summary>
public interface IFlowRunStore
{
    /// <summary>
    /// What entry rules need to know about a customer's earlier runs of a flow (any version).
    /// </summary>
    Task<EntryHistory> GetEntryHistoryAsync(string flowId, int customerId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The customer's runs that have not ended, so events can reach the runs waiting for them.
    /// </summary>
    Task<IReadOnlyList<FlowRunState>> GetOpenRunsAsync(int customerId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="maxCount"/> open runs due at or before <paramref name="nowUtc"/>, earliest first,
    /// claimed so another node does not step them at the same time.
    /// </summary>
    Task<IReadOnlyList<FlowRunState>> ClaimDueRunsAsync(DateTime nowUtc, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a new run and gives it its <see cref="FlowRunState.RunId"/>.
    /// </summary>
    Task<FlowRunState> InsertAsync(FlowRunState run, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores the new state of an existing run (and releases its claim). The effects of the step
    /// are the caller's to perform; their idempotency keys make a repeat after a crash harmless.
    /// </summary>
    Task UpdateAsync(FlowRunState run, CancellationToken cancellationToken = default);
}
