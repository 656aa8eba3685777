namespace Nop.Plugin.Misc.CustomFlows.Services.Runs;

/// <summary>
/// Turns storefront events waiting in the inbox into flow runs. Called by the inbox job on one node at a time.
/// </summary>
public interface IFlowInboxProcessor
{
    /// <summary>
    /// Processes one batch of unprocessed inbox events: matches each to the flow versions live at that
    /// moment, applies the entry rules, creates the runs and steps them until they wait or end. An event
    /// whose processing fails is retried later with back-off and quarantined after too many attempts;
    /// it must not stop the rest of the batch.
    /// </summary>
    /// <param name="cancellationToken">Signals that the scheduler is shutting down; stop after the current event</param>
    /// <returns>The number of events handled in this batch (0 when the inbox was empty)</returns>
    Task<int> ProcessInboxBatchAsync(CancellationToken cancellationToken);
}
