using Nop.Plugin.Misc.CustomFlows.Services.Runs;
using Quartz;

namespace Nop.Plugin.Misc.CustomFlows.Scheduling.Jobs;

/// <summary>
/// Advances waiting runs whose time has come (waits are data, so this one job serves every waiting customer)
/// </summary>
/// <remarks>
/// Never concurrent, also across a cluster, so a run is never stepped by two nodes at once.
/// </remarks>
[DisallowConcurrentExecution]
public class AdvanceDueFlowRunsJob : IJob
{
    #region Fields

    private readonly IDueFlowRunProcessor _dueRunProcessor;

    #endregion

    #region Ctor

    public AdvanceDueFlowRunsJob(IDueFlowRunProcessor dueRunProcessor)
    {
        _dueRunProcessor = dueRunProcessor;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Advances one batch of due runs
    /// </summary>
    /// <param name="context">The Quartz execution context</param>
    public async Task Execute(IJobExecutionContext context)
    {
        var advanced = await _dueRunProcessor.AdvanceDueRunsAsync(context.CancellationToken);
        context.Result = advanced;
    }

    #endregion
}
