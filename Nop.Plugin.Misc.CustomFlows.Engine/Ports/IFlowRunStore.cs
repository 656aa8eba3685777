using Nop.Plugin.Misc.CustomFlows.Engine.Entry;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Ports;

/// <summary>
/// Where runs live between steps. The engine owns no persistence: the shop implements this with a
/// table indexed on (status, due time) and an outbox of actions, the simulator in memory.
/// </summary>
public interface IFlowRunStore
{
    /// <summary>
    /// What entry rules need to know about a customer's earlier runs of a flow (any version).
    /// </summary>
    Task<EntryHistory> GetEntryHistoryAsync(string flowId, int customerId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Whether the customer already has a run of the flow, open or ended, started under the entry key
    /// (an event handled again after a failure must not start the same run twice).
    /// </summary>
    Task<bool> HasEntryKeyAsync(string flowId, int customerId, string entryKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// The customer's runs that have not ended, oldest first, so events can reach the runs waiting for them.
    /// </summary>
    Task<IReadOnlyList<FlowRunState>> GetOpenRunsAsync(int customerId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="maxCount"/> open runs due at or before <paramref name="nowUtc"/>, earliest first,
    /// claimed so another node does not step them at the same time. Runs of paused flows are left out.
    /// </summary>
    Task<IReadOnlyList<FlowRunState>> ClaimDueRunsAsync(DateTime nowUtc, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a new run under its entry key (empty for flows a customer is in once at a time) and gives it its
    /// <see cref="FlowRunState.RunId"/>: effects' idempotency keys contain it.
    /// </summary>
    Task<FlowRunState> InsertAsync(FlowRunState run, string entryKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves a step in one atomic write: the run's new state and every effect the step produced, recorded under
    /// its idempotency key as not yet performed (an outbox). The save is conditional on the state this store
    /// handed out for the run: when someone else saved the run since, nothing is written and
    /// <see cref="RunChangedException"/> is thrown. Performing the recorded effects is the effect sink's work.
    /// </summary>
    Task CommitAsync(RunCommit commit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves an open run's due time after a step failed, keeping its state (nothing of the step was saved).
    /// </summary>
    Task PostponeAsync(FlowRunState run, DateTime dueOnUtc, string reason, CancellationToken cancellationToken = default);
}

/// <summary>
/// One step to save: the run's new state and its effects (to record as the outbox). Revenue is not part of a
/// step: orders are credited to flows by <see cref="Processing.OrderAttribution"/>, outside the runs.
/// </summary>
/// <param name="Run">The new state.</param>
/// <param name="Effects">The effects of the step, in order.</param>
public sealed record RunCommit(FlowRunState Run, IReadOnlyList<FlowEffect> Effects);

/// <summary>
/// A run was saved by someone else (another job or node) after it was read for this step; the step is dropped.
/// </summary>
public class RunChangedException : Exception
{
    /// <summary>
    /// Creates the exception for a run.
    /// </summary>
    public RunChangedException(long runId)
        : base($"Flow run {runId} was saved elsewhere after it was read; this step is dropped.")
    {
        RunId = runId;
    }

    /// <summary>The run.</summary>
    public long RunId { get; }
}
