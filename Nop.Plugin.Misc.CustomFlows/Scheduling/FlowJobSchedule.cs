using Nop.Plugin.Misc.CustomFlows.Scheduling.Jobs;
using Quartz;

namespace Nop.Plugin.Misc.CustomFlows.Scheduling;

/// <summary>
/// The plugin's four jobs and when each fires, built from the settings
/// </summary>
public static class FlowJobSchedule
{
    /// <summary>
    /// The Quartz group of every job and trigger of the plugin
    /// </summary>
    public const string Group = "CustomFlows";

    /// <summary>
    /// The key under which a trigger's data map keeps its <see cref="FlowJobDefinition.ScheduleSignature"/>
    /// </summary>
    public const string ScheduleSignatureKey = "ScheduleSignature";

    /// <summary>Key of the inbox job</summary>
    public static readonly JobKey DrainInbox = new("DrainInbox", Group);

    /// <summary>Key of the due-runs job</summary>
    public static readonly JobKey AdvanceDueRuns = new("AdvanceDueRuns", Group);

    /// <summary>Key of the daily date-trigger job</summary>
    public static readonly JobKey StartDateTriggeredFlows = new("StartDateTriggeredFlows", Group);

    /// <summary>Key of the daily housekeeping job</summary>
    public static readonly JobKey Housekeeping = new("Housekeeping", Group);

    /// <summary>
    /// Builds the jobs and triggers for the given settings
    /// </summary>
    /// <param name="settings">The scheduler settings</param>
    /// <param name="nowUtc">The current time, from the injected clock</param>
    /// <returns>The four job definitions</returns>
    public static IReadOnlyList<FlowJobDefinition> Create(FlowSchedulerSettings settings, DateTimeOffset nowUtc)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var zone = string.IsNullOrEmpty(settings.TimeZoneId)
            ? TimeZoneInfo.Utc
            : TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZoneId);

        // The two frequent jobs start a few seconds apart, so a node coming up does not hit the
        // database with both in the same instant.
        var firstFiring = nowUtc + settings.StartupDelay;
        return
        [
            Every(DrainInbox, typeof(DrainFlowInboxJob), settings.InboxInterval, firstFiring),
            Every(AdvanceDueRuns, typeof(AdvanceDueFlowRunsJob), settings.DueRunsInterval, firstFiring + TimeSpan.FromSeconds(5)),
            DailyAt(StartDateTriggeredFlows, typeof(StartDateTriggeredFlowsJob), settings.DateTriggerHour, zone, nowUtc),
            DailyAt(Housekeeping, typeof(FlowHousekeepingJob), settings.HousekeepingHour, zone, nowUtc)
        ];
    }

    private static FlowJobDefinition Every(JobKey key, Type jobType, TimeSpan interval, DateTimeOffset firstFiring)
    {
        if (interval <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(interval), interval, $"The interval of job {key.Name} must be positive.");

        var signature = $"every {interval:c}";
        // After downtime the missed firings are dropped and the job simply fires at its next slot:
        // one batch per slot is the catch-up pace, never a burst of all the missed firings.
        var trigger = NewTrigger(key, signature)
            .StartAt(firstFiring)
            .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever().WithMisfireHandlingInstructionNextWithRemainingCount())
            .Build();

        return new FlowJobDefinition(NewJob(key, jobType), trigger, signature);
    }

    private static FlowJobDefinition DailyAt(JobKey key, Type jobType, int hour, TimeZoneInfo zone, DateTimeOffset nowUtc)
    {
        if (hour is < 0 or > 23)
            throw new ArgumentOutOfRangeException(nameof(hour), hour, $"The hour of job {key.Name} must be between 0 and 23.");

        var cron = $"0 0 {hour} * * ?";
        var signature = $"cron {cron} {zone.Id}";
        // A day missed during downtime is made up once, as soon as the scheduler is back.
        var trigger = NewTrigger(key, signature)
            .StartAt(nowUtc)
            .WithCronSchedule(cron, c => c.InTimeZone(zone).WithMisfireHandlingInstructionFireAndProceed())
            .Build();

        return new FlowJobDefinition(NewJob(key, jobType), trigger, signature);
    }

    private static TriggerBuilder NewTrigger(JobKey key, string signature)
    {
        return TriggerBuilder.Create()
            .WithIdentity(key.Name, key.Group)
            .ForJob(key)
            .UsingJobData(ScheduleSignatureKey, signature);
    }

    private static IJobDetail NewJob(JobKey key, Type jobType)
    {
        // Durable, so replacing the trigger after a settings change never deletes the job with it.
        return JobBuilder.Create(jobType)
            .WithIdentity(key)
            .StoreDurably()
            .Build();
    }
}
