namespace Nop.Plugin.Misc.CustomFlows.Services.Maintenance;

/// <summary>
/// The plugin's daily clean-up. Called once a day by the housekeeping job.
/// </summary>
public interface IFlowHousekeeping
{
    /// <summary>
    /// Deletes finished runs, action logs and processed inbox events older than the retention setting
    /// (in batches), expires pending pop-ups past their end, and rolls per-node statistics up into
    /// daily rows.
    /// </summary>
    /// <param name="cancellationToken">Signals that the scheduler is shutting down; stop between batches</param>
    Task RunHousekeepingAsync(CancellationToken cancellationToken);
}
