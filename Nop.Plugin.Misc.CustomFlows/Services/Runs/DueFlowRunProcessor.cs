using Nop.Plugin.Misc.CustomFlows.Scheduling;
using NopLogger = Nop.Services.Logging.ILogger;

namespace Nop.Plugin.Misc.CustomFlows.Services.Runs;

/// <summary>
/// Advances waiting runs whose time has come through the engine's loop, a bounded batch per firing so a backlog after
/// downtime is worked off in short steps; first it performs the recorded effects a stopped worker left behind
/// </summary>
public class DueFlowRunProcessor : IDueFlowRunProcessor
{
    #region Fields

    /// <summary>Runs advanced per firing</summary>
    public const int BatchSize = 200;

    /// <summary>Left-over recorded effects performed per firing</summary>
    public const int LeftOverBatchSize = 100;

    private readonly NopLogger _logger;
    private readonly FlowRunPump _pump;

    #endregion

    #region Ctor

    public DueFlowRunProcessor(FlowRunPump pump, NopLogger logger)
    {
        _pump = pump;
        _logger = logger;
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

        //effects committed with their step but not performed (the worker stopped in between) go out first, once
        await _pump.Dispatcher.PerformLeftOverAsync(LeftOverBatchSize, cancellationToken);

        var catalog = await _pump.GetCatalogAsync();
        var processed = await _pump.Processor.ProcessDueRunsAsync(catalog, _pump.EnvironmentOf(settings), BatchSize, cancellationToken);

        //one run's trouble does not stop the others: it was postponed with its cause, which the shop's log gets too
        foreach (var (run, error) in processed.Failures)
            await _logger.WarningAsync($"Custom Flows: run {run.RunId} of flow {run.FlowId} could not take its step and is tried again later: {error.Message}", error);
        foreach (var (step, error) in processed.SinkFailures)
            await _logger.WarningAsync($"Custom Flows: the actions of run {step.Result.Run.RunId} were recorded but not performed yet: {error.Message}", error);

        return processed.Steps.Count;
    }

    #endregion
}
