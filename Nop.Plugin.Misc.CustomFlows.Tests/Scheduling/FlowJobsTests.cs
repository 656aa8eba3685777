using Nop.Plugin.Misc.CustomFlows.Services.Runs;
using Nop.Plugin.Misc.CustomFlows.Services.Dates;
using Nop.Plugin.Misc.CustomFlows.Services.Maintenance;
using Moq;
using Nop.Plugin.Misc.CustomFlows.Scheduling;
using Nop.Plugin.Misc.CustomFlows.Scheduling.Jobs;
using Quartz;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Scheduling;

[TestFixture]
public class FlowJobsTests
{
    private static Mock<IJobExecutionContext> Firing(CancellationToken cancellationToken = default, ITrigger trigger = null,
        DateTimeOffset? scheduledUtc = null, DateTimeOffset? firedUtc = null)
    {
        var context = new Mock<IJobExecutionContext>();
        context.SetupGet(c => c.CancellationToken).Returns(cancellationToken);
        context.SetupGet(c => c.Trigger).Returns(trigger ?? Mock.Of<ITrigger>());
        context.SetupGet(c => c.ScheduledFireTimeUtc).Returns(scheduledUtc);
        context.SetupGet(c => c.FireTimeUtc).Returns(firedUtc ?? DateTimeOffset.UnixEpoch);
        context.SetupProperty(c => c.Result);
        return context;
    }

    private static ICronTrigger DailyTriggerIn(string timeZoneId)
    {
        var trigger = new Mock<ICronTrigger>();
        trigger.SetupGet(t => t.TimeZone).Returns(TimeZoneInfo.FindSystemTimeZoneById(timeZoneId));
        return trigger.Object;
    }

    [Test]
    public async Task The_inbox_job_processes_exactly_one_batch_per_firing_and_hands_on_the_shutdown_signal()
    {
        using var shutdown = new CancellationTokenSource();
        var inbox = new Mock<IFlowInboxProcessor>();
        inbox.Setup(p => p.ProcessInboxBatchAsync(shutdown.Token)).ReturnsAsync(7);
        var context = Firing(shutdown.Token);

        await new DrainFlowInboxJob(inbox.Object).Execute(context.Object);

        inbox.Verify(p => p.ProcessInboxBatchAsync(shutdown.Token), Times.Once);
        inbox.VerifyNoOtherCalls();
        Assert.That(context.Object.Result, Is.EqualTo(7), "the count is left for listeners and logs");
    }

    [Test]
    public async Task The_due_runs_job_advances_exactly_one_batch_per_firing()
    {
        using var shutdown = new CancellationTokenSource();
        var dueRuns = new Mock<IDueFlowRunProcessor>();
        dueRuns.Setup(p => p.AdvanceDueRunsAsync(shutdown.Token)).ReturnsAsync(3);

        await new AdvanceDueFlowRunsJob(dueRuns.Object).Execute(Firing(shutdown.Token).Object);

        dueRuns.Verify(p => p.AdvanceDueRunsAsync(shutdown.Token), Times.Once);
        dueRuns.VerifyNoOtherCalls();
    }

    [Test]
    public async Task The_housekeeping_job_runs_the_housekeeping_once_per_firing()
    {
        var housekeeping = new Mock<IFlowHousekeeping>();
        housekeeping.Setup(h => h.RunHousekeepingAsync(It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        await new FlowHousekeepingJob(housekeeping.Object).Execute(Firing().Object);

        housekeeping.Verify(h => h.RunHousekeepingAsync(It.IsAny<CancellationToken>()), Times.Once);
        housekeeping.VerifyNoOtherCalls();
    }

    [Test]
    public async Task The_date_job_starts_the_flows_of_the_local_day_the_firing_was_scheduled_for()
    {
        // Scheduled for 9:00 in Warsaw on 31 May (07:00 UTC), but the node was down and the firing is
        // made up at 00:30 local on 1 June: birthdays of 31 May are the ones still owed.
        var starter = new Mock<IDateTriggeredFlowStarter>();
        var context = Firing(trigger: DailyTriggerIn("Europe/Warsaw"),
            scheduledUtc: new DateTimeOffset(2026, 5, 31, 7, 0, 0, TimeSpan.Zero),
            firedUtc: new DateTimeOffset(2026, 5, 31, 22, 30, 0, TimeSpan.Zero));

        await new StartDateTriggeredFlowsJob(starter.Object).Execute(context.Object);

        starter.Verify(s => s.StartFlowsForDateAsync(new DateOnly(2026, 5, 31), It.IsAny<CancellationToken>()), Times.Once);
        starter.VerifyNoOtherCalls();
    }

    [Test]
    public async Task The_date_job_uses_the_local_date_of_its_trigger_zone_not_the_UTC_date()
    {
        // 23:30 UTC on 1 March is already 2 March in Warsaw.
        var starter = new Mock<IDateTriggeredFlowStarter>();
        var context = Firing(trigger: DailyTriggerIn("Europe/Warsaw"), scheduledUtc: new DateTimeOffset(2026, 3, 1, 23, 30, 0, TimeSpan.Zero));

        await new StartDateTriggeredFlowsJob(starter.Object).Execute(context.Object);

        starter.Verify(s => s.StartFlowsForDateAsync(new DateOnly(2026, 3, 2), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public void A_failing_service_fails_the_firing_so_Quartz_records_it()
    {
        var inbox = new Mock<IFlowInboxProcessor>();
        inbox.Setup(p => p.ProcessInboxBatchAsync(It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("database down"));

        var exception = Assert.ThrowsAsync<InvalidOperationException>(() => new DrainFlowInboxJob(inbox.Object).Execute(Firing().Object));

        Assert.That(exception!.Message, Is.EqualTo("database down"));
    }

    [TestCase(typeof(DrainFlowInboxJob))]
    [TestCase(typeof(AdvanceDueFlowRunsJob))]
    [TestCase(typeof(StartDateTriggeredFlowsJob))]
    [TestCase(typeof(FlowHousekeepingJob))]
    public void Every_flow_job_refuses_to_run_twice_at_once_even_across_a_cluster(Type jobType)
    {
        Assert.That(jobType.IsDefined(typeof(DisallowConcurrentExecutionAttribute), inherit: true), Is.True);
    }
}
