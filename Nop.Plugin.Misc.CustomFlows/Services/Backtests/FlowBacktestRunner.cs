using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;

namespace Nop.Plugin.Misc.CustomFlows.Services.Backtests;

/// <summary>
/// Runs backtests in the background, each in a service scope of its own, so the admin's request returns at once and
/// the page polls the progress. Results are kept in this application's memory for an hour; at most two backtests run
/// at once, one per flow
/// </summary>
public class FlowBacktestRunner
{
    #region Fields

    /// <summary>How long a finished backtest can be read</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(1);

    /// <summary>Backtests running at the same time</summary>
    public const int MaxRunning = 2;

    private readonly ConcurrentDictionary<Guid, FlowBacktestJob> _jobs = new();
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public FlowBacktestRunner(IServiceScopeFactory scopeFactory, TimeProvider timeProvider)
    {
        _scopeFactory = scopeFactory;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Starts a backtest after checking the request (the flow version exists and reads, the window is allowed)
    /// </summary>
    /// <param name="request">What to backtest</param>
    /// <param name="service">The calling request's service, to check the request before anything starts</param>
    /// <returns>The job; its Task completes when the backtest is done</returns>
    public async Task<FlowBacktestJob> StartAsync(FlowBacktestRequest request, FlowBacktestService service)
    {
        ArgumentNullException.ThrowIfNull(request);
        Forget();
        await service.LoadFlowAsync(request);

        lock (_jobs)
        {
            var running = _jobs.Values.Where(job => !job.IsFinished).ToList();
            if (running.FirstOrDefault(job => job.Request.FlowId == request.FlowId) is { } same)
                return same;
            if (running.Count >= MaxRunning)
                throw new FlowBacktestException("Plugins.Misc.CustomFlows.Backtest.Busy", "Two backtests are running already; try again when one is done.");

            var job = new FlowBacktestJob(Guid.NewGuid(), request, _timeProvider.GetUtcNow().UtcDateTime);
            _jobs[job.Id] = job;
            job.Task = Task.Run(() => RunAsync(job));
            return job;
        }
    }

    /// <summary>
    /// Gets a backtest by id; null when unknown or forgotten
    /// </summary>
    public FlowBacktestJob Get(Guid id) => _jobs.GetValueOrDefault(id);

    #endregion

    #region Utilities

    private async Task RunAsync(FlowBacktestJob job)
    {
        try
        {
            await using var scope = _scopeFactory.CreateAsyncScope();
            var service = scope.ServiceProvider.GetRequiredService<FlowBacktestService>();
            job.Result = await service.RunAsync(job.Request, new Progress(job), job.Cancellation.Token);
        }
        catch (FlowBacktestException exception)
        {
            job.Error = exception;
        }
        catch (Exception exception)
        {
            job.Error = new FlowBacktestException("Plugins.Misc.CustomFlows.Backtest.Failed", exception.Message);
        }
        finally
        {
            job.FinishedOnUtc = _timeProvider.GetUtcNow().UtcDateTime;
        }
    }

    private void Forget()
    {
        var before = _timeProvider.GetUtcNow().UtcDateTime - KeptFor;
        foreach (var job in _jobs.Values.Where(job => job.FinishedOnUtc < before))
            _jobs.TryRemove(job.Id, out _);
    }

    private sealed class Progress(FlowBacktestJob job) : IProgress<FlowBacktestProgress>
    {
        public void Report(FlowBacktestProgress value) => job.Progress = value;
    }

    #endregion
}

/// <summary>
/// A backtest running or done
/// </summary>
public sealed class FlowBacktestJob
{
    /// <summary>
    /// Creates the job
    /// </summary>
    public FlowBacktestJob(Guid id, FlowBacktestRequest request, DateTime startedOnUtc)
    {
        Id = id;
        Request = request;
        StartedOnUtc = startedOnUtc;
    }

    /// <summary>The id the page polls with</summary>
    public Guid Id { get; }

    /// <summary>What is backtested</summary>
    public FlowBacktestRequest Request { get; }

    /// <summary>When it started</summary>
    public DateTime StartedOnUtc { get; }

    /// <summary>When it ended; null while running</summary>
    public DateTime? FinishedOnUtc { get; set; }

    /// <summary>How far it is</summary>
    public FlowBacktestProgress Progress { get; set; } = new(0, "reading");

    /// <summary>The result once done</summary>
    public FlowBacktestResult Result { get; set; }

    /// <summary>Why it failed</summary>
    public FlowBacktestException Error { get; set; }

    /// <summary>Whether it ended</summary>
    public bool IsFinished => FinishedOnUtc != null;

    /// <summary>The background work</summary>
    public Task Task { get; set; } = Task.CompletedTask;

    /// <summary>Stops it when the application stops</summary>
    public CancellationTokenSource Cancellation { get; } = new();
}
