using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;
using Quartz.Impl.Matchers;

namespace Nop.Plugin.Misc.CustomFlows.Scheduling;

/// <summary>
/// Runs the plugin's Quartz scheduler for the lifetime of the application: registers the flow jobs on
/// start and shuts the scheduler down (letting running jobs finish) on stop.
/// </summary>
public sealed class FlowSchedulerHost : IHostedService, IAsyncDisposable
{
    #region Fields

    private readonly FlowSchedulerSettings _settings;
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly TimeProvider _timeProvider;
    private IScheduler _scheduler;

    #endregion

    #region Ctor

    public FlowSchedulerHost(FlowSchedulerSettings settings, IServiceScopeFactory scopeFactory, TimeProvider timeProvider)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _scopeFactory = scopeFactory ?? throw new ArgumentNullException(nameof(scopeFactory));
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
    }

    #endregion

    #region Properties

    /// <summary>
    /// Gets the running scheduler (for diagnostics, such as the admin's schedule page); <c>null</c> before start
    /// </summary>
    public IScheduler Scheduler => _scheduler;

    #endregion

    #region Methods

    /// <summary>
    /// Creates the scheduler, registers the flow jobs and starts firing
    /// </summary>
    /// <param name="cancellationToken">Aborts the start</param>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_scheduler is not null)
            throw new InvalidOperationException("The flow scheduler is already started.");

        var factory = new IsolatedSchedulerFactory(FlowSchedulerProperties.Build(_settings));
        var scheduler = await factory.GetScheduler(cancellationToken);
        try
        {
            scheduler.JobFactory = new ScopedJobFactory(_scopeFactory);
            var errorLog = new FlowSchedulerErrorLog(_scopeFactory, _timeProvider);
            scheduler.ListenerManager.AddJobListener(errorLog.JobListener, GroupMatcher<JobKey>.GroupEquals(FlowJobSchedule.Group));
            scheduler.ListenerManager.AddSchedulerListener(errorLog.SchedulerListener);

            foreach (var definition in FlowJobSchedule.Create(_settings, _timeProvider.GetUtcNow()))
                await RegisterAsync(scheduler, definition, cancellationToken);

            await scheduler.Start(cancellationToken);
        }
        catch
        {
            // A half-started clustered node would keep checking in and look alive to the others.
            await scheduler.Shutdown(waitForJobsToComplete: false, CancellationToken.None);
            throw;
        }

        _scheduler = scheduler;
    }

    /// <summary>
    /// Stops firing and waits for running jobs; in a cluster the other nodes carry on with the work
    /// </summary>
    /// <param name="cancellationToken">Signals that the application will not wait any longer</param>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var scheduler = Interlocked.Exchange(ref _scheduler, null);
        if (scheduler is not null)
            await scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
    }

    /// <summary>
    /// Stops the scheduler if it still runs
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
    }

    #endregion

    #region Utilities

    private static async Task RegisterAsync(IScheduler scheduler, FlowJobDefinition definition, CancellationToken cancellationToken)
    {
        // In a cluster the job and trigger usually exist already (another node, or this one before a
        // restart). Keeping an unchanged trigger keeps its place in time, so a restart neither skips
        // nor repeats a firing; only a changed schedule replaces it.
        var existing = await scheduler.GetTrigger(definition.Trigger.Key, cancellationToken);
        if (existing is not null && existing.JobDataMap.GetString(FlowJobSchedule.ScheduleSignatureKey) == definition.ScheduleSignature)
            return;

        // Replacing is harmless when two nodes start at the same moment: both write the same job and trigger.
        await scheduler.ScheduleJob(definition.Job, [definition.Trigger], replace: true, cancellationToken);
    }

    #endregion
}
