using Nop.Plugin.Misc.CustomFlows.Scheduling.Schema;

namespace Nop.Plugin.Misc.CustomFlows.Scheduling;

/// <summary>
/// How the flow scheduler runs: where Quartz keeps its state and how often each flow job fires.
/// </summary>
/// <remarks>
/// A plain object on purpose: the plugin's nopCommerce settings are mapped onto it at start-up, so the
/// scheduling room does not depend on nopCommerce.
/// </remarks>
public class FlowSchedulerSettings
{
    /// <summary>
    /// Gets or sets the Quartz scheduler name. Every node of one shop must use the same name, because the
    /// clustered store groups its rows by it; a name of its own keeps the plugin apart from any other
    /// Quartz scheduler living in the same process or database.
    /// </summary>
    public string SchedulerName { get; set; } = "CustomFlows";

    /// <summary>
    /// Gets or sets a value indicating whether the scheduler keeps its state in the shop's database
    /// (Quartz clustered AdoJobStore) instead of in memory. Needed for a web farm: each job then runs on
    /// one node at a time and moves to another node when one stops.
    /// </summary>
    public bool UseClusteredStore { get; set; }

    /// <summary>
    /// Gets or sets the database of the clustered store
    /// </summary>
    public SchedulerDatabase Database { get; set; } = SchedulerDatabase.SqlServer;

    /// <summary>
    /// Gets or sets the connection string of the clustered store (usually the shop's own)
    /// </summary>
    public string ConnectionString { get; set; }

    /// <summary>
    /// Gets or sets the prefix of the Quartz tables. The plugin's own default keeps them apart from
    /// the <c>QRTZ_</c> tables a shop may already have for another Quartz installation.
    /// </summary>
    public string TablePrefix { get; set; } = QuartzSchema.DefaultTablePrefix;

    /// <summary>
    /// Gets or sets this node's instance id; <c>null</c> lets Quartz generate a unique one (AUTO).
    /// </summary>
    public string InstanceId { get; set; }

    /// <summary>
    /// Gets or sets how often a clustered node reports that it is alive; a node silent for longer is
    /// considered gone and its work is taken over.
    /// </summary>
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(7.5);

    /// <summary>
    /// Gets or sets how much later than its check-in interval a node may check in before the others
    /// declare it dead, release what it had claimed and re-run its recoverable jobs. Covers pauses such
    /// as garbage collection or a slow database.
    /// </summary>
    public TimeSpan ClusterFailureGrace { get; set; } = TimeSpan.FromSeconds(7.5);

    /// <summary>
    /// Gets or sets how late a firing may be before Quartz treats it as misfired and applies the
    /// trigger's misfire rule.
    /// </summary>
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Gets or sets how many misfired triggers one pass of the misfire handler may touch. Small, so the
    /// catch-up after downtime is spread over several short transactions.
    /// </summary>
    public int MaxMisfiresToHandleAtATime { get; set; } = 5;

    /// <summary>
    /// Gets or sets how long an idle scheduler sleeps before looking for new work in the database
    /// </summary>
    public TimeSpan IdleWaitTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets the number of jobs one node may run at the same time
    /// </summary>
    public int MaxConcurrency { get; set; } = 2;

    /// <summary>
    /// Gets or sets how long after start-up the first firings happen, so a node that just started
    /// (or restarted after downtime) does not run every job in the same second as the shop warms up.
    /// </summary>
    public TimeSpan StartupDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Gets or sets how often the event inbox is drained
    /// </summary>
    public TimeSpan InboxInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Gets or sets how often waiting runs whose time has come are advanced
    /// </summary>
    public TimeSpan DueRunsInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets the local hour (0-23) at which date triggers such as birthdays start their flows
    /// </summary>
    public int DateTriggerHour { get; set; } = 9;

    /// <summary>
    /// Gets or sets the local hour (0-23) of the daily housekeeping (retention, pop-up expiry, statistics)
    /// </summary>
    public int HousekeepingHour { get; set; } = 3;

    /// <summary>
    /// Gets or sets the time zone of the daily hours (a system time zone id); <c>null</c> means UTC.
    /// The shop maps its default store time zone onto this.
    /// </summary>
    public string TimeZoneId { get; set; }
}
