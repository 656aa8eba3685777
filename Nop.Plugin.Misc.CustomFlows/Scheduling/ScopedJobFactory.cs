using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Quartz.Spi;

namespace Nop.Plugin.Misc.CustomFlows.Scheduling;

/// <summary>
/// Creates each job inside a DI scope of its own, like a web request: the services a job resolves
/// (repositories, nopCommerce services) are scoped, and one firing must not share them with another.
/// </summary>
public sealed class ScopedJobFactory : IJobFactory
{
    #region Fields

    private readonly IServiceScopeFactory _scopeFactory;

    #endregion

    #region Ctor

    public ScopedJobFactory(IServiceScopeFactory scopeFactory)
    {
        _scopeFactory = scopeFactory ?? throw new ArgumentNullException(nameof(scopeFactory));
    }

    #endregion

    #region Methods

    /// <summary>
    /// Opens a scope and creates the job from it
    /// </summary>
    /// <param name="bundle">What fired</param>
    /// <param name="scheduler">The scheduler</param>
    /// <returns>The job, which closes its scope when it has run</returns>
    public IJob NewJob(TriggerFiredBundle bundle, IScheduler scheduler)
    {
        var jobType = bundle.JobDetail.JobType;
        var scope = _scopeFactory.CreateAsyncScope();
        try
        {
            var job = (IJob)ActivatorUtilities.CreateInstance(scope.ServiceProvider, jobType);
            return new ScopedJob(scope, job);
        }
        catch (Exception exception)
        {
            scope.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw new SchedulerException($"Job {bundle.JobDetail.Key} of type {jobType} could not be created from the service provider.", exception);
        }
    }

    /// <summary>
    /// Closes the job's scope if running the job did not already (a vetoed firing never runs)
    /// </summary>
    /// <param name="job">The job from <see cref="NewJob"/></param>
    public void ReturnJob(IJob job)
    {
        if (job is ScopedJob scopedJob)
            scopedJob.DisposeScope().AsTask().GetAwaiter().GetResult();
    }

    #endregion

    #region Nested class

    private sealed class ScopedJob : IJob
    {
        private readonly IJob _job;
        private readonly AsyncServiceScope _scope;
        private int _disposed;

        public ScopedJob(AsyncServiceScope scope, IJob job)
        {
            _scope = scope;
            _job = job;
        }

        public async Task Execute(IJobExecutionContext context)
        {
            try
            {
                await _job.Execute(context);
            }
            finally
            {
                await DisposeScope();
            }
        }

        public ValueTask DisposeScope()
        {
            return Interlocked.Exchange(ref _disposed, 1) == 0 ? _scope.DisposeAsync() : ValueTask.CompletedTask;
        }
    }

    #endregion
}
