using Nop.Plugin.Misc.CustomFlows.Services.Runs;
using Nop.Plugin.Misc.CustomFlows.Services.Dates;
using Nop.Plugin.Misc.CustomFlows.Services.Maintenance;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Nop.Plugin.Misc.CustomFlows.Scheduling;
using Nop.Plugin.Misc.CustomFlows.Tests.Channels;
using NopLogger = Nop.Services.Logging.ILogger;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Scheduling;

[TestFixture]
public class FlowSchedulerErrorLogTests
{
    private static readonly TimeSpan _bound = TimeSpan.FromSeconds(10);

    private static ServiceProvider Services(Mock<NopLogger> logger, FailingInbox inbox)
    {
        var services = new ServiceCollection();
        if (logger is not null)
            services.AddScoped(_ => logger.Object);
        if (inbox is not null)
        {
            services.AddSingleton(inbox);
            services.AddScoped<IFlowInboxProcessor>(provider => provider.GetRequiredService<FailingInbox>());
            services.AddScoped<IDueFlowRunProcessor, Idle>();
            services.AddScoped<IDateTriggeredFlowStarter, Idle>();
            services.AddScoped<IFlowHousekeeping, Idle>();
        }
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    [Test]
    public async Task A_job_that_keeps_failing_under_the_real_scheduler_is_written_to_the_shop_log_once_with_its_cause()
    {
        var logger = new Mock<NopLogger>();
        var inbox = new FailingInbox();
        await using var services = Services(logger, inbox);
        //the schedule starts on the injected clock, so it is the real time; it stands still, which keeps every repeat in one interval
        var clock = new TestClock(DateTime.UtcNow);
        var settings = new FlowSchedulerSettings
        {
            StartupDelay = TimeSpan.Zero,
            InboxInterval = TimeSpan.FromMilliseconds(100),
            DueRunsInterval = TimeSpan.FromHours(1),
            IdleWaitTime = TimeSpan.FromSeconds(1)
        };
        await using var host = new FlowSchedulerHost(settings, services.GetRequiredService<IServiceScopeFactory>(), clock);

        await host.StartAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow + _bound;
        while (inbox.Calls < 3)
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail("The inbox job did not fire three times");
            await Task.Delay(20);
        }
        await host.StopAsync(CancellationToken.None);

        logger.Verify(l => l.ErrorAsync(
            It.Is<string>(m => m.StartsWith("Custom Flows:") && m.Contains(FlowJobSchedule.DrainInbox.Name) && m.Contains("database is gone")),
            It.Is<Exception>(e => e is InvalidOperationException && e.Message == "database is gone"),
            null), Times.Once, "within one interval repeats are counted, not written");
        Assert.That(logger.Invocations, Has.Count.EqualTo(1), "the scheduler's own announcement of the job failure is not written a second time");
    }

    [Test]
    public async Task Repeats_within_the_interval_are_counted_into_the_next_entry()
    {
        var logger = new Mock<NopLogger>();
        var messages = new List<string>();
        logger.Setup(l => l.ErrorAsync(It.IsAny<string>(), It.IsAny<Exception>(), null))
            .Callback<string, Exception, Nop.Core.Domain.Customers.Customer>((message, _, _) => messages.Add(message))
            .Returns(Task.CompletedTask);
        await using var services = Services(logger, null);
        var clock = new TestClock(new DateTime(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc));
        var log = new FlowSchedulerErrorLog(services.GetRequiredService<IServiceScopeFactory>(), clock);
        var failure = new TimeoutException("timeout");

        Assert.That(await log.ReportAsync("job:a", "job a failed", failure), Is.True);
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.That(await log.ReportAsync("job:a", "job a failed", failure), Is.False);
        Assert.That(await log.ReportAsync("job:a", "job a failed", failure), Is.False);
        Assert.That(await log.ReportAsync("scheduler", "scheduler failed", failure), Is.True, "another source has its own interval");
        clock.Advance(FlowSchedulerErrorLog.ReportInterval);
        Assert.That(await log.ReportAsync("job:a", "job a failed", failure), Is.True);

        Assert.That(messages, Is.EqualTo(new[]
        {
            "Custom Flows: job a failed",
            "Custom Flows: scheduler failed",
            "Custom Flows: job a failed (failed 2 more time(s) since the last entry)"
        }));
    }

    [Test]
    public async Task A_log_that_fails_itself_or_is_missing_never_reaches_the_scheduler()
    {
        var broken = new Mock<NopLogger>();
        broken.Setup(l => l.ErrorAsync(It.IsAny<string>(), It.IsAny<Exception>(), null)).ThrowsAsync(new InvalidOperationException("log table locked"));
        await using var withBrokenLog = Services(broken, null);
        await using var withoutLog = Services(null, null);
        var clock = new TestClock(new DateTime(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc));

        var first = new FlowSchedulerErrorLog(withBrokenLog.GetRequiredService<IServiceScopeFactory>(), clock);
        var second = new FlowSchedulerErrorLog(withoutLog.GetRequiredService<IServiceScopeFactory>(), clock);

        Assert.That(await first.ReportAsync("job:a", "failed", new Exception()), Is.False);
        Assert.That(await second.ReportAsync("job:a", "failed", new Exception()), Is.False);
    }

    public sealed class FailingInbox : IFlowInboxProcessor
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public Task<int> ProcessInboxBatchAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            throw new InvalidOperationException("database is gone");
        }
    }

    private sealed class Idle : IDueFlowRunProcessor, IDateTriggeredFlowStarter, IFlowHousekeeping
    {
        public Task<int> AdvanceDueRunsAsync(CancellationToken cancellationToken) => Task.FromResult(0);

        public Task<int> StartFlowsForDateAsync(DateOnly localDate, CancellationToken cancellationToken) => Task.FromResult(0);

        public Task RunHousekeepingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
