using Nop.Plugin.Misc.CustomFlows.Services.Dates;
using Quartz;

namespace Nop.Plugin.Misc.CustomFlows.Scheduling.Jobs;

/// <summary>
/// Once a day at the configured local hour: starts birthday and other date-triggered flows
/// </summary>
[DisallowConcurrentExecution]
public class StartDateTriggeredFlowsJob : IJob
{
    #region Fields

    private readonly IDateTriggeredFlowStarter _flowStarter;

    #endregion

    #region Ctor

    public StartDateTriggeredFlowsJob(IDateTriggeredFlowStarter flowStarter)
    {
        _flowStarter = flowStarter;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Starts the flows of the day the firing was scheduled for
    /// </summary>
    /// <param name="context">The Quartz execution context</param>
    public async Task Execute(IJobExecutionContext context)
    {
        // The scheduled time, not the actual one: a firing caught up after midnight still belongs to yesterday.
        var scheduledUtc = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        var zone = (context.Trigger as ICronTrigger)?.TimeZone ?? TimeZoneInfo.Utc;
        var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(scheduledUtc, zone).DateTime);

        context.Result = await _flowStarter.StartFlowsForDateAsync(localDate, context.CancellationToken);
    }

    #endregion
}
