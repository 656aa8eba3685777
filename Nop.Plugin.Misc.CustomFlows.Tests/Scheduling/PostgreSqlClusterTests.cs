using Nop.Plugin.Misc.CustomFlows.Services.Runs;
using Nop.Plugin.Misc.CustomFlows.Services.Dates;
using Nop.Plugin.Misc.CustomFlows.Services.Maintenance;
using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Misc.CustomFlows.Scheduling;
using Nop.Plugin.Misc.CustomFlows.Scheduling.Schema;
using Npgsql;
using Quartz;
using Quartz.Impl.Calendar;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Scheduling;

/// <summary>
/// Two flow scheduler nodes sharing a real PostgreSQL job store, created from the plugin's own DDL.
/// Needs CUSTOMFLOWS_PG (set by `eval "$(bash .ci/postgres.sh)"`).
/// </summary>
[TestFixture]
[Category("PostgreSql")]
[NonParallelizable]
public class PostgreSqlClusterTests
{
    private const string ConnectionVariable = "CUSTOMFLOWS_PG";
    private static readonly TimeSpan _bound = TimeSpan.FromSeconds(30);

    private string _connectionString;
    private string _schema;
    private ServiceProvider _services;
    private Recorder _recorder;
    private readonly List<FlowSchedulerHost> _hosts = [];

    [OneTimeSetUp]
    public async Task CreateTheJobStoreFromThePluginsDdl()
    {
        var baseConnection = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (string.IsNullOrWhiteSpace(baseConnection))
            Assert.Ignore($"{ConnectionVariable} is not set: run `eval \"$(bash .ci/postgres.sh)\"` to start PostgreSQL for the cluster tests.");

        // A schema of its own per run, so reruns and parallel CI jobs never see each other's rows.
        _schema = $"cf_cluster_{Guid.NewGuid():N}"[..24];
        await using (var connection = new NpgsqlConnection(baseConnection))
        {
            await connection.OpenAsync();
            await Execute(connection, $"CREATE SCHEMA {_schema}");
        }

        _connectionString = new NpgsqlConnectionStringBuilder(baseConnection) { SearchPath = _schema }.ConnectionString;
        await using (var connection = new NpgsqlConnection(_connectionString))
        {
            await connection.OpenAsync();
            foreach (var statement in QuartzSchema.CreateStatements(SchedulerDatabase.PostgreSql))
                await Execute(connection, statement);
        }
    }

    [OneTimeTearDown]
    public async Task DropTheSchema()
    {
        if (_schema is null)
            return;

        await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable(ConnectionVariable));
        await connection.OpenAsync();
        await Execute(connection, $"DROP SCHEMA {_schema} CASCADE");
    }

    [SetUp]
    public void NewServices()
    {
        _recorder = new Recorder();
        var services = new ServiceCollection();
        services.AddSingleton(_recorder);
        services.AddScoped<IFlowInboxProcessor, CountingInbox>();
        services.AddScoped<IDueFlowRunProcessor, IdleFlowServices>();
        services.AddScoped<IDateTriggeredFlowStarter, IdleFlowServices>();
        services.AddScoped<IFlowHousekeeping, IdleFlowServices>();
        _services = services.BuildServiceProvider();
    }

    [TearDown]
    public async Task StopEveryNode()
    {
        _recorder.ReleaseHang();
        foreach (var host in _hosts)
            await host.StopAsync(CancellationToken.None);
        _hosts.Clear();
        await _services.DisposeAsync();
    }

    [Test]
    public async Task Two_busy_nodes_share_the_firings_of_a_due_job_and_run_each_exactly_once()
    {
        // One worker thread per node and firings that take longer than the interval: neither node can
        // keep up alone, so both must take firings, and every one of them is contested.
        const int firings = 20;
        var cluster = $"cf-exactly-once-{Guid.NewGuid():N}";
        var nodeA = await StartNode(cluster, "node-a", maxConcurrency: 1);
        await StartNode(cluster, "node-b", maxConcurrency: 1);

        await ScheduleProbe<ProbeJob>(nodeA, TimeSpan.FromMilliseconds(100), firings);

        await Until(() => _recorder.Executions.Count >= firings, $"{firings} firings");
        // Long enough for a duplicate to show up: a node repeating a firing would do so within its next
        // acquisition, which the one-second idle wait bounds.
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        var executions = _recorder.Executions.ToList();
        var perNode = executions.GroupBy(e => e.Node).ToDictionary(g => g.Key, g => g.Count());
        TestContext.Out.WriteLine(string.Join(", ", perNode.Select(p => $"{p.Key}: {p.Value}")));
        Assert.Multiple(() =>
        {
            Assert.That(executions, Has.Count.EqualTo(firings), "every firing ran, none twice");
            Assert.That(executions.Select(e => e.ScheduledUtc).Distinct().Count(), Is.EqualTo(firings), "no scheduled time ran twice");
            Assert.That(executions.Select(e => e.FireInstanceId).Distinct().Count(), Is.EqualTo(firings), "no duplicate firing ids");
            Assert.That(perNode.Keys, Is.EquivalentTo(new[] { "node-a", "node-b" }), "both nodes took firings");
        });
    }

    [Test]
    public async Task A_job_that_disallows_concurrency_never_runs_on_two_nodes_at_once()
    {
        const int firings = 8;
        var cluster = $"cf-nonconcurrent-{Guid.NewGuid():N}";
        var nodeA = await StartNode(cluster, "node-a");
        await StartNode(cluster, "node-b");

        await ScheduleProbe<NonConcurrentProbeJob>(nodeA, TimeSpan.FromMilliseconds(40), firings);

        await Until(() => _recorder.Executions.Count >= firings, $"{firings} firings");
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        Assert.That(_recorder.MostAtOnce, Is.EqualTo(1), "firings due while one runs wait for it, on whichever node");
        Assert.That(_recorder.Executions, Has.Count.EqualTo(firings));
    }

    [Test]
    public async Task Stopping_a_node_moves_its_work_to_the_other_node()
    {
        var cluster = $"cf-failover-{Guid.NewGuid():N}";
        var nodeA = await StartNode(cluster, "node-a");
        await ScheduleProbe<NonConcurrentProbeJob>(nodeA, TimeSpan.FromMilliseconds(200));
        await Until(() => _recorder.Executions.Count(e => e.Node == "node-a") >= 3, "node-a working alone");

        await StartNode(cluster, "node-b");
        await nodeA.StopAsync(CancellationToken.None);
        var stoppedAt = DateTimeOffset.UtcNow;
        await Until(() => _recorder.Executions.Count(e => e.StartedUtc > stoppedAt) >= 5, "five firings after node-a stopped");

        var afterStop = _recorder.Executions.Where(e => e.StartedUtc > stoppedAt).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(afterStop.Select(e => e.Node), Is.All.EqualTo("node-b"));
            Assert.That(_recorder.Executions.Select(e => e.ScheduledUtc).Distinct().Count(), Is.EqualTo(_recorder.Executions.Count), "no firing ran twice during the hand-over");
        });
    }

    [Test]
    public async Task A_node_that_dies_in_the_middle_of_a_firing_does_not_block_the_job_for_the_other_node()
    {
        // node-a is stopped without waiting while its firing hangs, as if the process died: its check-ins
        // stop and its row in the scheduler state stays. node-b must notice, release the job node-a held
        // (a non-concurrent job is blocked while it runs) and carry on firing it.
        var cluster = $"cf-crash-{Guid.NewGuid():N}";
        _recorder.HangOn = "node-a";
        var nodeA = await StartNode(cluster, "node-a");
        await ScheduleProbe<NonConcurrentProbeJob>(nodeA, TimeSpan.FromMilliseconds(200));
        await Until(() => _recorder.Executions.Any(e => e.Node == "node-a"), "node-a inside a firing");

        await StartNode(cluster, "node-b");
        var dying = nodeA.Scheduler;
        _hosts.Remove(nodeA);
        await dying.Shutdown(waitForJobsToComplete: false);
        var diedAt = Stopwatch.StartNew();

        try
        {
            await Until(() => _recorder.Executions.Count(e => e.Node == "node-b") >= 2, "node-b firing the job node-a held");
            TestContext.Out.WriteLine($"node-b took over after {diedAt.Elapsed.TotalSeconds:F1} s");
            Assert.That(_recorder.Executions.Count(e => e.Node == "node-a"), Is.EqualTo(1), "node-a never got past its hanging firing");
        }
        finally
        {
            _recorder.ReleaseHang();
        }
    }

    [Test]
    public async Task The_flow_jobs_and_their_string_job_data_are_stored_in_the_database()
    {
        var cluster = $"cf-stored-{Guid.NewGuid():N}";
        await StartNode(cluster, "node-a");

        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT t.trigger_name, convert_from(t.job_data, 'UTF8') FROM cf_qrtz_triggers t WHERE t.sched_name = @cluster ORDER BY 1", connection);
        command.Parameters.AddWithValue("cluster", cluster);
        var rows = new Dictionary<string, string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                rows[reader.GetString(0)] = reader.GetString(1);

        Assert.That(rows.Keys, Is.EquivalentTo(new[] { "AdvanceDueRuns", "DrainInbox", "Housekeeping", "StartDateTriggeredFlows" }));
        Assert.That(rows["DrainInbox"], Does.Contain("\"kind\":\"properties\"").And.Contain("every 00:00:10"),
            "job data is readable JSON written by the plugin's serializer");
    }

    [Test]
    public async Task A_restarted_node_keeps_the_stored_trigger_instead_of_resetting_its_time()
    {
        var cluster = $"cf-restart-{Guid.NewGuid():N}";
        var first = await StartNode(cluster, "node-a");
        var key = new TriggerKey(FlowJobSchedule.DrainInbox.Name, FlowJobSchedule.Group);
        var firstStart = (await first.Scheduler.GetTrigger(key))!.StartTimeUtc;
        await first.StopAsync(CancellationToken.None);

        var restarted = await StartNode(cluster, "node-a", startupDelay: TimeSpan.FromHours(2));

        Assert.That((await restarted.Scheduler.GetTrigger(key))!.StartTimeUtc, Is.EqualTo(firstStart));
    }

    [Test]
    public async Task After_an_hour_of_downtime_the_inbox_job_resumes_at_its_pace_instead_of_replaying_the_missed_firings()
    {
        var cluster = $"cf-downtime-{Guid.NewGuid():N}";
        var node = await StartNode(cluster, "node-a", startupDelay: TimeSpan.FromHours(1), inboxInterval: TimeSpan.FromSeconds(1));
        await node.StopAsync(CancellationToken.None);
        _hosts.Remove(node);

        // As if the shop had been down for an hour: the stored trigger was due an hour ago.
        var hourAgo = DateTimeOffset.UtcNow.AddHours(-1).UtcTicks;
        await using (var connection = new NpgsqlConnection(_connectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "UPDATE cf_qrtz_triggers SET start_time = @due, next_fire_time = @due WHERE sched_name = @cluster AND trigger_name = 'DrainInbox'", connection);
            command.Parameters.AddWithValue("due", hourAgo);
            command.Parameters.AddWithValue("cluster", cluster);
            Assert.That(await command.ExecuteNonQueryAsync(), Is.EqualTo(1));
        }

        await StartNode(cluster, "node-a", startupDelay: TimeSpan.FromHours(1), inboxInterval: TimeSpan.FromSeconds(1));
        await Until(() => _recorder.InboxBatches >= 1, "the inbox job firing again");
        var resumed = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(2.5));

        // 3600 firings were missed; at its one-second pace the job may fire about three times in 2.5 s.
        TestContext.Out.WriteLine($"{_recorder.InboxBatches} inbox batches in {resumed.Elapsed.TotalSeconds:F1} s after resuming");
        Assert.That(_recorder.InboxBatches, Is.InRange(1, 5));
    }

    [Test]
    public async Task A_node_whose_tables_were_never_created_fails_to_start_and_leaves_nothing_running()
    {
        var settings = new FlowSchedulerSettings
        {
            SchedulerName = $"cf-no-tables-{Guid.NewGuid():N}",
            UseClusteredStore = true,
            Database = SchedulerDatabase.PostgreSql,
            ConnectionString = _connectionString,
            TablePrefix = "NEVER_CREATED_"
        };
        var host = new FlowSchedulerHost(settings, _services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System);

        Assert.CatchAsync<SchedulerException>(() => host.StartAsync(CancellationToken.None));
        Assert.That(host.Scheduler, Is.Null);
    }

    [Test]
    public async Task A_calendar_stored_by_one_node_is_read_back_by_the_other_through_the_plugins_serializer()
    {
        var cluster = $"cf-calendar-{Guid.NewGuid():N}";
        var nodeA = await StartNode(cluster, "node-a");
        var nodeB = await StartNode(cluster, "node-b");
        var holidays = new HolidayCalendar(new WeeklyCalendar()) { Description = "Shop closed" };
        holidays.AddExcludedDate(new DateTime(2026, 12, 24));

        await nodeA.Scheduler.AddCalendar("shop-closed", holidays, replace: true, updateTriggers: false);
        var copy = await nodeB.Scheduler.GetCalendar("shop-closed") as HolidayCalendar;

        Assert.That(copy, Is.Not.Null);
        Assert.That(copy!.ExcludedDates, Is.EquivalentTo(new[] { new DateTime(2026, 12, 24) }));
        Assert.That(copy.CalendarBase, Is.InstanceOf<WeeklyCalendar>());
        Assert.That(copy.Description, Is.EqualTo("Shop closed"));
    }

    [Test]
    public async Task The_drop_statements_remove_every_table_the_create_statements_made()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        var scratch = $"{_schema}_drop";
        await Execute(connection, $"CREATE SCHEMA {scratch}; SET search_path TO {scratch}");
        try
        {
            foreach (var statement in QuartzSchema.CreateStatements(SchedulerDatabase.PostgreSql, "UNINSTALL_ME_"))
                await Execute(connection, statement);
            var created = await CountTables(connection, scratch);

            foreach (var statement in QuartzSchema.DropStatements(SchedulerDatabase.PostgreSql, "UNINSTALL_ME_"))
                await Execute(connection, statement);

            Assert.That(created, Is.EqualTo(QuartzTables.All.Count));
            Assert.That(await CountTables(connection, scratch), Is.Zero);
        }
        finally
        {
            await Execute(connection, $"DROP SCHEMA {scratch} CASCADE");
        }
    }

    #region Utilities

    private async Task<FlowSchedulerHost> StartNode(string cluster, string instanceId, TimeSpan? startupDelay = null, int maxConcurrency = 2,
        TimeSpan? inboxInterval = null)
    {
        var settings = new FlowSchedulerSettings
        {
            SchedulerName = cluster,
            UseClusteredStore = true,
            Database = SchedulerDatabase.PostgreSql,
            ConnectionString = _connectionString,
            InstanceId = instanceId,
            ClusterCheckinInterval = TimeSpan.FromSeconds(1),
            ClusterFailureGrace = TimeSpan.FromSeconds(1),
            IdleWaitTime = TimeSpan.FromSeconds(1),
            // The flow jobs themselves stay out of the way of the probe job.
            StartupDelay = startupDelay ?? TimeSpan.FromHours(1),
            MaxConcurrency = maxConcurrency,
            InboxInterval = inboxInterval ?? TimeSpan.FromSeconds(10)
        };
        var host = new FlowSchedulerHost(settings, _services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System);
        _hosts.Add(host);
        await host.StartAsync(CancellationToken.None);
        return host;
    }

    /// <summary>
    /// Schedules a probe job through one node; <paramref name="firings"/> <c>null</c> repeats it forever
    /// </summary>
    private static Task ScheduleProbe<TJob>(FlowSchedulerHost node, TimeSpan interval, int? firings = null) where TJob : IJob
    {
        var trigger = TriggerBuilder.Create()
            .WithIdentity("probe-trigger", "cluster-test")
            .StartAt(DateTimeOffset.UtcNow.AddMilliseconds(300))
            .WithSimpleSchedule(s =>
            {
                s.WithInterval(interval);
                if (firings is { } count)
                    s.WithRepeatCount(count - 1);
                else
                    s.RepeatForever();
            })
            .Build();

        return node.Scheduler.ScheduleJob(JobBuilder.Create<TJob>().WithIdentity("probe", "cluster-test").Build(), trigger);
    }

    private static async Task Until(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > _bound)
                Assert.Fail($"Timed out after {_bound.TotalSeconds} s waiting for: {what}");
            await Task.Delay(50);
        }
    }

    private static async Task<long> CountTables(NpgsqlConnection connection, string schema)
    {
        await using var command = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = @schema", connection);
        command.Parameters.AddWithValue("schema", schema);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    #endregion

    #region Fakes

    private sealed record Execution(string Node, string FireInstanceId, DateTimeOffset ScheduledUtc, DateTimeOffset StartedUtc);

    private sealed class Recorder
    {
        private int _running, _mostAtOnce;

        public ConcurrentQueue<Execution> Executions { get; } = new();

        public int MostAtOnce => Volatile.Read(ref _mostAtOnce);

        private int _inboxBatches;

        public int InboxBatches => Volatile.Read(ref _inboxBatches);

        public void InboxBatch() => Interlocked.Increment(ref _inboxBatches);

        /// <summary>The node whose firings hang until <see cref="ReleaseHang"/>, like a process that died mid-job</summary>
        public string HangOn { get; set; }

        private readonly TaskCompletionSource _hangReleased = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void ReleaseHang() => _hangReleased.TrySetResult();

        public async Task Run(IJobExecutionContext context)
        {
            var running = Interlocked.Increment(ref _running);
            int most;
            while (running > (most = Volatile.Read(ref _mostAtOnce)) && Interlocked.CompareExchange(ref _mostAtOnce, running, most) != most)
            {
            }

            Executions.Enqueue(new Execution(context.Scheduler.SchedulerInstanceId, context.FireInstanceId,
                context.ScheduledFireTimeUtc!.Value, DateTimeOffset.UtcNow));
            if (context.Scheduler.SchedulerInstanceId == HangOn)
                await _hangReleased.Task;
            // Longer than the probes' intervals, so a firing that could overlap another would.
            await Task.Delay(300);
            Interlocked.Decrement(ref _running);
        }
    }

    private sealed class ProbeJob(Recorder recorder) : IJob
    {
        public Task Execute(IJobExecutionContext context) => recorder.Run(context);
    }

    [DisallowConcurrentExecution]
    private sealed class NonConcurrentProbeJob(Recorder recorder) : IJob
    {
        public Task Execute(IJobExecutionContext context) => recorder.Run(context);
    }

    private sealed class CountingInbox(Recorder recorder) : IFlowInboxProcessor
    {
        public Task<int> ProcessInboxBatchAsync(CancellationToken cancellationToken)
        {
            recorder.InboxBatch();
            return Task.FromResult(0);
        }
    }

    private sealed class IdleFlowServices : IDueFlowRunProcessor, IDateTriggeredFlowStarter, IFlowHousekeeping
    {
        public Task<int> AdvanceDueRunsAsync(CancellationToken cancellationToken) => Task.FromResult(0);

        public Task<int> StartFlowsForDateAsync(DateOnly localDate, CancellationToken cancellationToken) => Task.FromResult(0);

        public Task RunHousekeepingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    #endregion
}
