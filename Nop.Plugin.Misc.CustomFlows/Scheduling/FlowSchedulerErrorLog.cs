using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Quartz.Listener;
using NopLogger = Nop.Services.Logging.ILogger;

namespace Nop.Plugin.Misc.CustomFlows.Scheduling;

/// <summary>
/// Writes failures of the flow jobs and of the scheduler itself (a lost database connection, a broken trigger) to
/// nopCommerce's log, where the shop admin looks, instead of only to Quartz's own logging. A failure that repeats
/// at every firing is written once per <see cref="ReportInterval"/>, with the number of repeats in between.
/// </summary>
public sealed class FlowSchedulerErrorLog
{
    #region Fields

    /// <summary>
    /// The least time between two log entries about the same job or the scheduler
    /// </summary>
    public static readonly TimeSpan ReportInterval = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, Throttle> _throttles = new(StringComparer.Ordinal);
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public FlowSchedulerErrorLog(IServiceScopeFactory scopeFactory, TimeProvider timeProvider)
    {
        _scopeFactory = scopeFactory ?? throw new ArgumentNullException(nameof(scopeFactory));
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        JobListener = new JobFailures(this);
        SchedulerListener = new SchedulerErrors(this);
    }

    #endregion

    #region Properties

    /// <summary>
    /// Gets the listener to add for the flow jobs
    /// </summary>
    public IJobListener JobListener { get; }

    /// <summary>
    /// Gets the listener to add for the scheduler
    /// </summary>
    public ISchedulerListener SchedulerListener { get; }

    #endregion

    #region Methods

    /// <summary>
    /// Writes a failure to nopCommerce's log unless the same source was reported within <see cref="ReportInterval"/>
    /// </summary>
    /// <param name="source">What failed, e.g. the job's key; repeats are counted per source</param>
    /// <param name="message">What happened</param>
    /// <param name="exception">The cause</param>
    /// <returns>Whether an entry was written</returns>
    public async Task<bool> ReportAsync(string source, string message, Exception exception)
    {
        var now = _timeProvider.GetUtcNow();
        var throttle = _throttles.GetOrAdd(source, _ => new Throttle());
        int repeats;
        lock (throttle)
        {
            if (throttle.LastReported is { } last && now - last < ReportInterval)
            {
                throttle.Suppressed++;
                return false;
            }

            repeats = throttle.Suppressed;
            throttle.Suppressed = 0;
            throttle.LastReported = now;
        }

        var text = repeats > 0
            ? $"Custom Flows: {message} (failed {repeats} more time(s) since the last entry)"
            : $"Custom Flows: {message}";
        try
        {
            await using var scope = _scopeFactory.CreateAsyncScope();
            var logger = scope.ServiceProvider.GetService<NopLogger>();
            if (logger is null)
                return false;

            await logger.ErrorAsync(text, exception);
            return true;
        }
        catch (Exception)
        {
            //the log itself is unavailable (the same database outage, most likely): Quartz carries on regardless
            return false;
        }
    }

    #endregion

    #region Utilities

    /// <summary>
    /// The exception that started it, below Quartz's wrappers
    /// </summary>
    private static Exception RootCause(Exception exception)
    {
        var cause = exception;
        while (cause is SchedulerException && cause.InnerException is not null)
            cause = cause.InnerException;

        return cause;
    }

    #endregion

    #region Nested classes

    private sealed class Throttle
    {
        public DateTimeOffset? LastReported { get; set; }

        public int Suppressed { get; set; }
    }

    private sealed class JobFailures(FlowSchedulerErrorLog log) : JobListenerSupport
    {
        public override string Name => "CustomFlows.JobFailures";

        public override Task JobWasExecuted(IJobExecutionContext context, JobExecutionException jobException, CancellationToken cancellationToken = default)
        {
            if (jobException is null)
                return Task.CompletedTask;

            var cause = RootCause(jobException);
            return log.ReportAsync($"job:{context.JobDetail.Key}",
                $"the scheduled job {context.JobDetail.Key.Name} failed and runs again at its next firing: {cause.Message}", cause);
        }
    }

    private sealed class SchedulerErrors(FlowSchedulerErrorLog log) : SchedulerListenerSupport
    {
        public override Task SchedulerError(string msg, SchedulerException cause, CancellationToken cancellationToken = default)
        {
            //a job's own failure is also announced here; the job listener has written it already
            if (cause is Quartz.Core.JobExecutionProcessException || cause is JobExecutionException)
                return Task.CompletedTask;

            return log.ReportAsync("scheduler", $"the flow scheduler reported an error: {msg}", RootCause(cause));
        }
    }

    #endregion
}
