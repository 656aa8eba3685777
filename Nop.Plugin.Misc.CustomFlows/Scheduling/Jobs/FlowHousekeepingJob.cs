using Nop.Plugin.Misc.CustomFlows.Services.Maintenance;
using Quartz;

namespace Nop.Plugin.Misc.CustomFlows.Scheduling.Jobs;

/// <summary>
/// Once a day: retention, pop-up expiry and statistics roll-up
/// </summary>
[DisallowConcurrentExecution]
public class FlowHousekeepingJob : IJob
{
    #region Fields

    private readonly IFlowHousekeeping _housekeeping;

    #endregion

    #region Ctor

    public FlowHousekeepingJob(IFlowHousekeeping housekeeping)
    {
        _housekeeping = housekeeping;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Runs the daily housekeeping
    /// </summary>
    /// <param name="context">The Quartz execution context</param>
    public Task Execute(IJobExecutionContext context)
    {
        return _housekeeping.RunHousekeepingAsync(context.CancellationToken);
    }

    #endregion
}
