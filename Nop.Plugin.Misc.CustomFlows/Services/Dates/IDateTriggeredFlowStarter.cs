namespace Nop.Plugin.Misc.CustomFlows.Services.Dates;

/// <summary>
/// Starts flows whose start trigger is a calendar date of the customer (birthday and similar).
/// Called once a day by the date-trigger job.
/// </summary>
public interface IDateTriggeredFlowStarter
{
    /// <summary>
    /// Starts the date-triggered flows for the customers whose date falls on <paramref name="localDate"/>.
    /// Must be idempotent per date (a run's entry key includes the date), because after downtime the
    /// job fires once late for the date it missed, and a retried firing may repeat a date.
    /// </summary>
    /// <param name="localDate">The day being handled, in the scheduler's configured time zone: the day of
    /// the scheduled firing, not of the moment the job happened to run</param>
    /// <param name="cancellationToken">Signals that the scheduler is shutting down</param>
    /// <returns>The number of runs started</returns>
    Task<int> StartFlowsForDateAsync(DateOnly localDate, CancellationToken cancellationToken);
}
