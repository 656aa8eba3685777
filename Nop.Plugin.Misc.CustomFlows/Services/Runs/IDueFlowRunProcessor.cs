namespace Nop.Plugin.Misc.CustomFlows.Services.Runs;

/// <summary>
/// Advances waiting flow runs whose time has come. Called by the due-runs job on one node at a time.
/// </summary>
public interface IDueFlowRunProcessor
{
    /// <summary>
    /// Claims a bounded batch of waiting runs whose <c>DueOnUtc</c> has passed (oldest first) and steps
    /// each of them. Keeping the batch bounded is what spreads the catch-up after downtime: the backlog
    /// is worked off one batch per firing instead of in one long transaction.
    /// </summary>
    /// <param name="cancellationToken">Signals that the scheduler is shutting down; stop after the current run</param>
    /// <returns>The number of runs advanced in this batch</returns>
    Task<int> AdvanceDueRunsAsync(CancellationToken cancellationToken);
}
