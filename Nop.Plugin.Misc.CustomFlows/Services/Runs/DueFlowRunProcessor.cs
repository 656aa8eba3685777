using Nop.Plugin.Misc.CustomFlows.Scheduling;

namespace Nop.Plugin.Misc.CustomFlows.Services.Runs;

/// <summary>
/// Advances waiting runs whose time has come, a bounded batch per firing so a backlog after
/// downtime is worked off in short steps
/// </summary>
public class DueFlowRunProcessor : IDueFlowRunProcessor
{
    #region Fields

    /// <summary>Runs advanced per firing</summary>
    public const int BatchSize = 200;

    /// <summary>How long a run whose step failed waits before the next try</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromMinutes(5);

    private readonly IFlowCatalog _flowCatalog;
    private readonly FlowRunPump _pump;
    private readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public DueFlowRunProcessor(IFlowCatalog flowCatalog, FlowRunPump pump, TimeProvider timeProvider)
    {
        _flowCatalog = flowCatalog;
        _pump = pump;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Methods

    /// <inheritdoc />
    public async Task<int> AdvanceDueRunsAsync(CancellationToken cancellationToken)
    {
        var settings = await _pump.GetSettingsAsync();
        //switched off or paused: runs keep their place and nothing is sent
        if (!settings.Enabled || settings.PauseAll)
            return 0;

        using var turn = await _pump.Gate.EnterAsync(cancellationToken);
        var due = await _pump.Runs.ClaimDueRunsAsync(_timeProvider.GetUtcNow().UtcDateTime, BatchSize, cancellationToken);
        var advanced = 0;
        foreach (var run in due)
        {
            if (cancellationToken.IsCancellationRequested)
                break;

            var flow = await _flowCatalog.GetVersionAsync(run.FlowId, run.FlowVersion);
            if (flow == null)
            {
                //the version the run is pinned to is gone or unreadable: end the run rather than retry forever
                var orphan = FlowRunStore.Ended(run, "flow version no longer available", _timeProvider.GetUtcNow().UtcDateTime);
                try
                {
                    await _pump.Runs.UpdateAsync(orphan, cancellationToken);
                }
                catch (FlowRunChangedException)
                {
                    //handled elsewhere meanwhile
                }
                continue;
            }

            try
            {
                var context = await _pump.CreateContextAsync(run.CustomerId, run.StoreId, settings, cancellationToken);
                var result = FlowRunPump.Interpreter.Advance(run, flow, context);
                await _pump.CompleteStepAsync(result, flow, cancellationToken);
                advanced++;
            }
            catch (FlowRunChangedException)
            {
                //the inbox job moved the run on meanwhile (an order converted it, a click ended its wait): its save stands
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                //one run's trouble (an action held elsewhere, a failing service) must not stop the others;
                //the run keeps its state and comes back a little later instead of on every firing
                await _pump.Runs.PostponeAsync(run.RunId, _timeProvider.GetUtcNow().UtcDateTime + RetryDelay, exception.Message);
            }
        }

        return advanced;
    }

    #endregion
}
