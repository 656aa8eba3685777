using Nop.Plugin.Misc.CustomFlows.Scheduling;
using Nop.Plugin.Misc.CustomFlows.Scheduling.Jobs;
using Quartz;
using Quartz.Spi;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Scheduling;

// Two tests swap Quartz's process-wide clock; no running scheduler may read it meanwhile.
[TestFixture]
[NonParallelizable]
public class FlowJobScheduleTests
{
    private static readonly DateTimeOffset _now = new(2026, 3, 28, 10, 0, 0, TimeSpan.Zero);

    private static FlowJobDefinition Definition(FlowSchedulerSettings settings, JobKey key)
    {
        return FlowJobSchedule.Create(settings, _now).Single(definition => definition.Job.Key.Equals(key));
    }

    [Test]
    public void There_is_one_durable_job_per_flow_task_each_with_its_own_trigger()
    {
        var definitions = FlowJobSchedule.Create(new FlowSchedulerSettings(), _now);

        Assert.That(definitions.Select(d => d.Job.JobType), Is.EquivalentTo(new[]
        {
            typeof(DrainFlowInboxJob), typeof(AdvanceDueFlowRunsJob), typeof(StartDateTriggeredFlowsJob), typeof(FlowHousekeepingJob)
        }));
        Assert.That(definitions.Select(d => d.Job.Durable), Is.All.True);
        Assert.That(definitions.Select(d => d.Trigger.JobKey), Is.EqualTo(definitions.Select(d => d.Job.Key)));
    }

    [Test]
    public void The_frequent_jobs_first_fire_after_the_startup_delay_a_few_seconds_apart()
    {
        var settings = new FlowSchedulerSettings { StartupDelay = TimeSpan.FromSeconds(20), InboxInterval = TimeSpan.FromSeconds(10) };

        var inbox = Definition(settings, FlowJobSchedule.DrainInbox).Trigger;
        var dueRuns = Definition(settings, FlowJobSchedule.AdvanceDueRuns).Trigger;

        Assert.That(inbox.StartTimeUtc, Is.EqualTo(_now.AddSeconds(20)));
        Assert.That(dueRuns.StartTimeUtc, Is.EqualTo(_now.AddSeconds(25)));
        Assert.That(inbox.GetFireTimeAfter(inbox.StartTimeUtc), Is.EqualTo(_now.AddSeconds(30)), "then every 10 seconds");
    }

    [Test]
    public void Birthdays_start_at_the_configured_local_hour_also_across_a_daylight_saving_change()
    {
        // Warsaw moves to summer time in the night to 29 March 2026: 9:00 local is 08:00 UTC on the
        // 28th and 07:00 UTC on the 29th.
        var settings = new FlowSchedulerSettings { DateTriggerHour = 9, TimeZoneId = "Europe/Warsaw" };
        var dayBefore = new DateTimeOffset(2026, 3, 27, 12, 0, 0, TimeSpan.Zero);
        var trigger = FlowJobSchedule.Create(settings, dayBefore).Single(d => d.Job.Key.Equals(FlowJobSchedule.StartDateTriggeredFlows)).Trigger;

        var first = trigger.GetFireTimeAfter(dayBefore);
        var second = trigger.GetFireTimeAfter(first);

        Assert.That(first, Is.EqualTo(new DateTimeOffset(2026, 3, 28, 8, 0, 0, TimeSpan.Zero)));
        Assert.That(second, Is.EqualTo(new DateTimeOffset(2026, 3, 29, 7, 0, 0, TimeSpan.Zero)));
    }

    [Test]
    public void After_downtime_an_interval_job_skips_the_missed_firings_instead_of_bursting_through_them()
    {
        var settings = new FlowSchedulerSettings { StartupDelay = TimeSpan.Zero, InboxInterval = TimeSpan.FromSeconds(10) };
        var trigger = (IOperableTrigger)Definition(settings, FlowJobSchedule.DrainInbox).Trigger;
        trigger.ComputeFirstFireTimeUtc(null);

        var backAfterAnHour = _now.AddHours(1).AddSeconds(3);
        WithQuartzClock(backAfterAnHour, () => trigger.UpdateAfterMisfire(null));

        Assert.That(trigger.GetNextFireTimeUtc(), Is.EqualTo(_now.AddHours(1).AddSeconds(10)),
            "the next regular slot, not the 360 firings that were missed");
    }

    [Test]
    public void After_downtime_a_daily_job_fires_once_at_once_to_make_up_the_missed_day()
    {
        var settings = new FlowSchedulerSettings { HousekeepingHour = 3 };
        var trigger = (IOperableTrigger)Definition(settings, FlowJobSchedule.Housekeeping).Trigger;
        trigger.ComputeFirstFireTimeUtc(null);

        var backTwoDaysLater = _now.AddDays(2);
        WithQuartzClock(backTwoDaysLater, () => trigger.UpdateAfterMisfire(null));

        Assert.That(trigger.GetNextFireTimeUtc(), Is.EqualTo(backTwoDaysLater));
    }

    [Test]
    public void A_change_of_interval_changes_the_schedule_signature_so_the_stored_trigger_is_replaced()
    {
        var before = Definition(new FlowSchedulerSettings { InboxInterval = TimeSpan.FromSeconds(10) }, FlowJobSchedule.DrainInbox);
        var after = Definition(new FlowSchedulerSettings { InboxInterval = TimeSpan.FromSeconds(5) }, FlowJobSchedule.DrainInbox);
        var same = FlowJobSchedule.Create(new FlowSchedulerSettings { InboxInterval = TimeSpan.FromSeconds(10) }, _now.AddDays(1))
            .Single(d => d.Job.Key.Equals(FlowJobSchedule.DrainInbox));

        Assert.That(after.ScheduleSignature, Is.Not.EqualTo(before.ScheduleSignature));
        Assert.That(same.ScheduleSignature, Is.EqualTo(before.ScheduleSignature), "a restart alone must not replace the trigger");
        Assert.That(before.Trigger.JobDataMap.GetString(FlowJobSchedule.ScheduleSignatureKey), Is.EqualTo(before.ScheduleSignature));
    }

    [TestCase(-1)]
    [TestCase(24)]
    public void An_hour_outside_the_day_is_refused(int hour)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FlowJobSchedule.Create(new FlowSchedulerSettings { DateTriggerHour = hour }, _now));
    }

    // Quartz 3 reads "now" for misfire handling from a static clock; it is swapped only for the call.
    private static void WithQuartzClock(DateTimeOffset now, Action action)
    {
        var original = SystemTime.UtcNow;
        SystemTime.UtcNow = () => now;
        try
        {
            action();
        }
        finally
        {
            SystemTime.UtcNow = original;
        }
    }
}
