using Nop.Plugin.Misc.CustomFlows.Services.Runs;
using Nop.Plugin.Misc.CustomFlows.Services.Dates;
using Nop.Plugin.Misc.CustomFlows.Services.Maintenance;
using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Misc.CustomFlows.Scheduling;
using Quartz;
using Quartz.Impl.Matchers;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Scheduling;

[TestFixture]
public class FlowSchedulerHostTests
{
    private static readonly TimeSpan _bound = TimeSpan.FromSeconds(10);

    private static FlowSchedulerSettings FastSettings() => new()
    {
        StartupDelay = TimeSpan.Zero,
        InboxInterval = TimeSpan.FromMilliseconds(100),
        DueRunsInterval = TimeSpan.FromHours(1),
        IdleWaitTime = TimeSpan.FromSeconds(1)
    };

    private static ServiceProvider Services(InboxProbe probe)
    {
        var services = new ServiceCollection();
        services.AddSingleton(probe);
        services.AddScoped<IFlowInboxProcessor, ScopedInboxProcessor>();
        services.AddScoped<IDueFlowRunProcessor, IdleFlowServices>();
        services.AddScoped<IDateTriggeredFlowStarter, IdleFlowServices>();
        services.AddScoped<IFlowHousekeeping, IdleFlowServices>();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    private static async Task Until(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + _bound;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"Timed out after {_bound.TotalSeconds} s waiting for: {what}");
            await Task.Delay(20);
        }
    }

    [Test]
    public async Task The_in_memory_scheduler_keeps_draining_the_inbox_each_firing_in_a_scope_of_its_own()
    {
        var probe = new InboxProbe();
        await using var services = Services(probe);
        await using var host = new FlowSchedulerHost(FastSettings(), services.GetRequiredService<IServiceScopeFactory>(), new FixedTimeProvider(DateTimeOffset.UtcNow));

        await host.StartAsync(CancellationToken.None);
        await Until(() => probe.Calls >= 3, "three inbox batches");
        await host.StopAsync(CancellationToken.None);

        Assert.That(probe.ScopeIds.Distinct().Count(), Is.EqualTo(probe.ScopeIds.Count), "no two firings share a scope");
        await Until(() => probe.Disposed == probe.Calls, "every scope closed after its firing");
    }

    [Test]
    public async Task Start_registers_the_four_flow_jobs_with_their_triggers()
    {
        await using var services = Services(new InboxProbe());
        await using var host = new FlowSchedulerHost(new FlowSchedulerSettings(), services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System);

        await host.StartAsync(CancellationToken.None);
        var jobKeys = await host.Scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(FlowJobSchedule.Group));

        Assert.That(jobKeys, Is.EquivalentTo(new[]
        {
            FlowJobSchedule.DrainInbox, FlowJobSchedule.AdvanceDueRuns, FlowJobSchedule.StartDateTriggeredFlows, FlowJobSchedule.Housekeeping
        }));
        foreach (var key in jobKeys)
            Assert.That(await host.Scheduler.GetTriggersOfJob(key), Has.Count.EqualTo(1), key.ToString());
        Assert.That(host.Scheduler.SchedulerName, Is.EqualTo("CustomFlows"));
    }

    [Test]
    public async Task The_first_firing_waits_for_the_startup_delay_measured_on_the_injected_clock()
    {
        // The injected clock runs an hour ahead of the real one, so a first firing 30 minutes after its
        // "now" lies 90 minutes away in real time: the host took its time from the injected clock.
        var probe = new InboxProbe();
        await using var services = Services(probe);
        var settings = FastSettings();
        settings.StartupDelay = TimeSpan.FromMinutes(30);
        await using var later = new FlowSchedulerHost(settings, services.GetRequiredService<IServiceScopeFactory>(), new FixedTimeProvider(DateTimeOffset.UtcNow.AddHours(1)));

        await later.StartAsync(CancellationToken.None);
        var trigger = await later.Scheduler.GetTrigger(new TriggerKey(FlowJobSchedule.DrainInbox.Name, FlowJobSchedule.Group));

        Assert.That(trigger!.GetNextFireTimeUtc(), Is.GreaterThan(DateTimeOffset.UtcNow.AddMinutes(89)));
        await Task.Delay(300);
        Assert.That(probe.Calls, Is.Zero);
    }

    [Test]
    public async Task Stopping_waits_for_the_running_firing_and_then_nothing_fires_any_more()
    {
        var probe = new InboxProbe { Delay = TimeSpan.FromMilliseconds(300) };
        await using var services = Services(probe);
        var host = new FlowSchedulerHost(FastSettings(), services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System);

        await host.StartAsync(CancellationToken.None);
        await Until(() => probe.Started >= 1, "a firing in progress");
        await host.StopAsync(CancellationToken.None);
        var callsAtStop = probe.Calls;
        await Task.Delay(400);

        Assert.That(probe.Running, Is.Zero, "stop returned only after the firing ended");
        Assert.That(probe.Calls, Is.EqualTo(callsAtStop));
        Assert.That(host.Scheduler, Is.Null);
    }

    [Test]
    public async Task Two_hosts_in_one_process_get_two_schedulers_even_with_the_same_name()
    {
        await using var services = Services(new InboxProbe());
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        await using var first = new FlowSchedulerHost(new FlowSchedulerSettings(), scopes, TimeProvider.System);
        await using var second = new FlowSchedulerHost(new FlowSchedulerSettings(), scopes, TimeProvider.System);

        await first.StartAsync(CancellationToken.None);
        await second.StartAsync(CancellationToken.None);

        Assert.That(second.Scheduler, Is.Not.SameAs(first.Scheduler));
        await first.StopAsync(CancellationToken.None);
        Assert.That(second.Scheduler.IsShutdown, Is.False);
    }

    [Test]
    public void A_clustered_host_without_a_connection_string_refuses_to_start()
    {
        using var services = Services(new InboxProbe());
        var host = new FlowSchedulerHost(new FlowSchedulerSettings { UseClusteredStore = true }, services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System);

        Assert.ThrowsAsync<ArgumentException>(() => host.StartAsync(CancellationToken.None));
    }

    #region Fakes

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class InboxProbe
    {
        private int _calls, _started, _running, _disposed;

        public TimeSpan Delay { get; init; }
        public ConcurrentQueue<Guid> ScopeIds { get; } = new();
        public int Calls => Volatile.Read(ref _calls);
        public int Started => Volatile.Read(ref _started);
        public int Running => Volatile.Read(ref _running);
        public int Disposed => Volatile.Read(ref _disposed);

        public async Task<int> Record(Guid scopeId)
        {
            Interlocked.Increment(ref _started);
            Interlocked.Increment(ref _running);
            ScopeIds.Enqueue(scopeId);
            await Task.Delay(Delay);
            Interlocked.Decrement(ref _running);
            Interlocked.Increment(ref _calls);
            return 0;
        }

        public void ScopeDisposed() => Interlocked.Increment(ref _disposed);
    }

    private sealed class ScopedInboxProcessor(InboxProbe probe) : IFlowInboxProcessor, IDisposable
    {
        private readonly Guid _scopeId = Guid.NewGuid();

        public Task<int> ProcessInboxBatchAsync(CancellationToken cancellationToken) => probe.Record(_scopeId);

        public void Dispose() => probe.ScopeDisposed();
    }

    private sealed class IdleFlowServices : IDueFlowRunProcessor, IDateTriggeredFlowStarter, IFlowHousekeeping
    {
        public Task<int> AdvanceDueRunsAsync(CancellationToken cancellationToken) => Task.FromResult(0);

        public Task<int> StartFlowsForDateAsync(DateOnly localDate, CancellationToken cancellationToken) => Task.FromResult(0);

        public Task RunHousekeepingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    #endregion
}
