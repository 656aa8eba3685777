using Nop.Plugin.Misc.CustomFlows.Services.Runs;
using Quartz;

namespace Nop.Plugin.Misc.CustomFlows.Scheduling.Jobs;

/// <summary>
/// Drains the event inbox: storefront events become flow runs here, never in the shopper's request
/// </summary>
/// <remarks>
/// Never concurrent, also across a cluster: two nodes draining the same batch would start a flow twice.
/// </remarks>
[DisallowConcurrentExecution]
public class DrainFlowInboxJob : IJob
{
    #region Fields

    private readonly IFlowInboxProcessor _inboxProcessor;

    #endregion

    #region Ctor

    public DrainFlowInboxJob(IFlowInboxProcessor inboxProcessor)
    {
        _inboxProcessor = inboxProcessor;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Processes one inbox batch
    /// </summary>
    /// <param name="context">The Quartz execution context</param>
    public async Task Execute(IJobExecutionContext context)
    {
        var handled = await _inboxProcessor.ProcessInboxBatchAsync(context.CancellationToken);
        context.Result = handled;
    }

    #endregion
}
