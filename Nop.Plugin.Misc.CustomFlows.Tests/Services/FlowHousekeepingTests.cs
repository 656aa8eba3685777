using Moq;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Services.Maintenance;
using Nop.Plugin.Misc.CustomFlows.Tests.Support;
using Nop.Services.Configuration;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Services;

[TestFixture]
public class FlowHousekeepingTests
{
    private sealed class FixedClock(DateTime utcNow) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(utcNow, TimeSpan.Zero);
    }

    private static readonly DateTime Now = new(2026, 11, 23, 3, 0, 0, DateTimeKind.Utc);

    private InMemoryRepository<FlowRun> _runs;
    private InMemoryRepository<FlowActionLog> _logs;
    private InMemoryRepository<FlowInboxEvent> _inbox;
    private InMemoryRepository<PendingPopup> _popups;
    private FlowHousekeeping _housekeeping;

    [SetUp]
    public void SetUp()
    {
        _runs = new InMemoryRepository<FlowRun>();
        _logs = new InMemoryRepository<FlowActionLog>();
        _inbox = new InMemoryRepository<FlowInboxEvent>();
        _popups = new InMemoryRepository<PendingPopup>();
        var settings = new Mock<ISettingService>();
        settings.Setup(s => s.LoadSettingAsync<CustomFlowsSettings>(0)).ReturnsAsync(new CustomFlowsSettings { Enabled = true, RetentionDays = 30 });
        _housekeeping = new FlowHousekeeping(_logs, _inbox, _popups, _runs, settings.Object, new FixedClock(Now));
    }

    private Task<FlowRun> RunAsync(int id, DateTime? ended)
    {
        var run = new FlowRun { FlowId = 1, CustomerId = id, EntryKey = "", ActiveKey = $"k{id}", CurrentNodeId = "n", EndedOnUtc = ended, StatusId = ended == null ? (int)FlowRunStatus.Waiting : (int)FlowRunStatus.Completed };
        return _runs.InsertAsync(run).ContinueWith(_ => run);
    }

    [Test]
    public async Task Runs_that_ended_before_the_retention_period_are_deleted_and_the_rest_stay()
    {
        await RunAsync(1, Now.AddDays(-31));
        var recent = await RunAsync(2, Now.AddDays(-29));
        var waiting = await RunAsync(3, null);

        await _housekeeping.RunHousekeepingAsync(CancellationToken.None);

        Assert.That(_runs.Table.Select(r => r.Id), Is.EquivalentTo(new[] { recent.Id, waiting.Id }), "a waiting run is never deleted, however old");
    }

    [Test]
    public async Task More_old_rows_than_one_batch_are_all_deleted()
    {
        for (var i = 0; i < FlowHousekeeping.BatchSize * 2 + 7; i++)
            await _logs.InsertAsync(new FlowActionLog { IdempotencyKey = $"k{i}", CreatedOnUtc = Now.AddDays(-40), NodeId = "n" });
        await _logs.InsertAsync(new FlowActionLog { IdempotencyKey = "recent", CreatedOnUtc = Now.AddDays(-1), NodeId = "n" });

        await _housekeeping.RunHousekeepingAsync(CancellationToken.None);

        Assert.That(_logs.Table.Select(l => l.IdempotencyKey), Is.EqualTo(new[] { "recent" }));
    }

    [Test]
    public async Task Old_log_rows_of_a_run_still_waiting_are_kept_and_those_of_ended_runs_go()
    {
        var waiting = await RunAsync(1, null);
        var ended = await RunAsync(2, Now.AddDays(-5));
        await _logs.InsertAsync(new FlowActionLog { IdempotencyKey = "waiting-coupon", FlowRunId = waiting.Id, CreatedOnUtc = Now.AddDays(-200), NodeId = "coupon" });
        await _logs.InsertAsync(new FlowActionLog { IdempotencyKey = "ended-mail", FlowRunId = ended.Id, CreatedOnUtc = Now.AddDays(-40), NodeId = "mail" });
        await _logs.InsertAsync(new FlowActionLog { IdempotencyKey = "gone-run", FlowRunId = 999, CreatedOnUtc = Now.AddDays(-40), NodeId = "mail" });

        await _housekeeping.RunHousekeepingAsync(CancellationToken.None);

        Assert.That(_logs.Table.Select(l => l.IdempotencyKey), Is.EqualTo(new[] { "waiting-coupon" }));
    }

    [Test]
    public async Task Old_processed_and_quarantined_events_go_but_an_old_event_awaiting_retry_is_kept()
    {
        await _inbox.InsertAsync(new FlowInboxEvent { EventType = "order_placed", CreatedOnUtc = Now.AddDays(-60), ProcessedOnUtc = Now.AddDays(-60) });
        await _inbox.InsertAsync(new FlowInboxEvent { EventType = "order_placed", CreatedOnUtc = Now.AddDays(-60), QuarantinedOnUtc = Now.AddDays(-45) });
        var retrying = new FlowInboxEvent { EventType = "order_placed", CreatedOnUtc = Now.AddDays(-60), Attempts = 3, NextAttemptOnUtc = Now.AddHours(1) };
        await _inbox.InsertAsync(retrying);

        await _housekeeping.RunHousekeepingAsync(CancellationToken.None);

        Assert.That(_inbox.Table.Select(e => e.Id), Is.EqualTo(new[] { retrying.Id }));
    }

    [Test]
    public async Task Expired_popups_are_removed_and_open_ones_stay()
    {
        await _popups.InsertAsync(new PendingPopup { CustomerId = 1, NodeId = "p", CreatedOnUtc = Now.AddDays(-2), ExpiresOnUtc = Now.AddMinutes(-1) });
        var open = new PendingPopup { CustomerId = 1, NodeId = "p", CreatedOnUtc = Now.AddDays(-2), ExpiresOnUtc = Now.AddDays(1) };
        await _popups.InsertAsync(open);

        await _housekeeping.RunHousekeepingAsync(CancellationToken.None);

        Assert.That(_popups.Table.Select(p => p.Id), Is.EqualTo(new[] { open.Id }));
    }

    [Test]
    public async Task A_popup_seen_and_left_unanswered_goes_after_the_retention_period_since_it_was_last_shown()
    {
        await _popups.InsertAsync(new PendingPopup { CustomerId = 1, NodeId = "p", CreatedOnUtc = Now.AddDays(-90), ShownOnUtc = Now.AddDays(-80), ShowCount = 3, LastShownOnUtc = Now.AddDays(-31) });
        var seenLately = new PendingPopup { CustomerId = 1, NodeId = "p", CreatedOnUtc = Now.AddDays(-90), ShownOnUtc = Now.AddDays(-80), ShowCount = 1, LastShownOnUtc = Now.AddDays(-29) };
        var neverShown = new PendingPopup { CustomerId = 1, NodeId = "p", CreatedOnUtc = Now.AddDays(-90) };
        await _popups.InsertAsync(seenLately);
        await _popups.InsertAsync(neverShown);

        await _housekeeping.RunHousekeepingAsync(CancellationToken.None);

        Assert.That(_popups.Table.Select(p => p.Id), Is.EquivalentTo(new[] { seenLately.Id, neverShown.Id }), "a pop-up not yet seen waits for the customer");
    }

    [Test]
    public async Task Switched_off_the_plugin_deletes_nothing()
    {
        var settings = new Mock<ISettingService>();
        settings.Setup(s => s.LoadSettingAsync<CustomFlowsSettings>(0)).ReturnsAsync(new CustomFlowsSettings { Enabled = false, RetentionDays = 30 });
        var housekeeping = new FlowHousekeeping(_logs, _inbox, _popups, _runs, settings.Object, new FixedClock(Now));
        await RunAsync(1, Now.AddDays(-400));

        await housekeeping.RunHousekeepingAsync(CancellationToken.None);

        Assert.That(_runs.Table.Count(), Is.EqualTo(1));
    }
}
