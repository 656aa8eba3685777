using Nop.Plugin.Misc.CustomFlows.Services.Runs;
using Nop.Plugin.Misc.CustomFlows.Services.Dates;
using Nop.Plugin.Misc.CustomFlows.Services.Maintenance;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Nop.Plugin.Misc.CustomFlows.Scheduling;
using Nop.Plugin.Misc.CustomFlows.Scheduling.Jobs;
using Quartz;
using Quartz.Spi;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Scheduling;

[TestFixture]
public class ScopedJobFactoryTests
{
    private static TriggerFiredBundle Fired<TJob>() where TJob : IJob
    {
        var job = JobBuilder.Create<TJob>().WithIdentity("job", "test").Build();
        return new TriggerFiredBundle(job, Mock.Of<IOperableTrigger>(), null, false, DateTimeOffset.UtcNow, null, null, null);
    }

    [Test]
    public void A_job_whose_service_is_not_registered_fails_with_the_job_named_and_leaves_no_scope_open()
    {
        var disposals = 0;
        var services = new ServiceCollection();
        services.AddScoped(_ => new DisposalCounter(() => disposals++));
        using var provider = services.BuildServiceProvider();
        var factory = new ScopedJobFactory(new CountingScopeFactory(provider));

        var exception = Assert.Throws<SchedulerException>(() => factory.NewJob(Fired<DrainFlowInboxJob>(), Mock.Of<IScheduler>()));

        Assert.That(exception!.Message, Does.Contain("test.job").And.Contain(nameof(DrainFlowInboxJob)));
        Assert.That(exception.InnerException, Is.InstanceOf<InvalidOperationException>(), "the container's own explanation is kept");
        Assert.That(disposals, Is.EqualTo(1), "the scope opened for the job was closed again");
    }

    [Test]
    public async Task A_job_that_ran_has_closed_its_scope_before_Quartz_returns_it()
    {
        var disposals = 0;
        var services = new ServiceCollection();
        services.AddScoped(_ => new DisposalCounter(() => disposals++));
        // The job's service lives in the job's scope together with a disposable that counts the scope's end.
        services.AddScoped<IFlowHousekeeping>(sp =>
        {
            sp.GetRequiredService<DisposalCounter>();
            return new Housekeeping();
        });
        using var provider = services.BuildServiceProvider();
        var factory = new ScopedJobFactory(provider.GetRequiredService<IServiceScopeFactory>());
        var context = new Mock<IJobExecutionContext>();

        var job = factory.NewJob(Fired<FlowHousekeepingJob>(), Mock.Of<IScheduler>());
        await job.Execute(context.Object);
        Assert.That(disposals, Is.EqualTo(1));
        factory.ReturnJob(job);

        Assert.That(disposals, Is.EqualTo(1), "returning the job does not close the scope a second time");
    }

    #region Fakes

    private sealed class DisposalCounter(Action onDispose) : IDisposable
    {
        public void Dispose() => onDispose();
    }

    private sealed class Housekeeping : IFlowHousekeeping
    {
        public Task RunHousekeepingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    // Resolves a scoped service into every new scope, so closing the scope is observable.
    private sealed class CountingScopeFactory(IServiceProvider provider) : IServiceScopeFactory
    {
        public IServiceScope CreateScope()
        {
            var scope = provider.GetRequiredService<IServiceScopeFactory>().CreateScope();
            scope.ServiceProvider.GetRequiredService<DisposalCounter>();
            return scope;
        }
    }

    #endregion
}
