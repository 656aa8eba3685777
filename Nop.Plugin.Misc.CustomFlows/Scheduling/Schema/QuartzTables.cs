namespace Nop.Plugin.Misc.CustomFlows.Scheduling.Schema;

/// <summary>
/// The one description of the Quartz 3.22 job store tables that every dialect's DDL is rendered from.
/// Table and column names, lengths and keys follow Quartz's documented schema, including the optional
/// columns of 3.17-3.19 (original misfire time, execution group, preferred node), which Quartz detects
/// at start-up and uses when present; the indexes are the 3.20 set, every one led by the scheduler name
/// because every Quartz statement filters on it first.
/// </summary>
public static class QuartzTables
{
    #region Fields

    private const int SchedulerNameLength = 120;
    private const int NameLength = 200;
    private const int DescriptionLength = 250;

    private static readonly string[] _jobKey = ["SCHED_NAME", "JOB_NAME", "JOB_GROUP"];
    private static readonly string[] _triggerKey = ["SCHED_NAME", "TRIGGER_NAME", "TRIGGER_GROUP"];

    #endregion

    #region Properties

    /// <summary>
    /// Gets all tables, each after the tables it references (the creation order)
    /// </summary>
    public static IReadOnlyList<QuartzTable> All { get; } =
    [
        new("JOB_DETAILS",
            [
                SchedulerName(), Name("JOB_NAME"), Name("JOB_GROUP"),
                Text("DESCRIPTION", DescriptionLength, nullable: true),
                Text("JOB_CLASS_NAME", DescriptionLength),
                Flag("IS_DURABLE"), Flag("IS_NONCONCURRENT"), Flag("IS_UPDATE_DATA"), Flag("REQUESTS_RECOVERY"),
                Blob("JOB_DATA", nullable: true)
            ],
            _jobKey, [],
            [Index("J_REQ_RECOVERY", "SCHED_NAME", "REQUESTS_RECOVERY"), Index("J_G_N", "SCHED_NAME", "JOB_GROUP", "JOB_NAME")]),

        new("TRIGGERS",
            [
                SchedulerName(), Name("TRIGGER_NAME"), Name("TRIGGER_GROUP"), Name("JOB_NAME"), Name("JOB_GROUP"),
                Text("DESCRIPTION", DescriptionLength, nullable: true),
                Number("NEXT_FIRE_TIME", QuartzColumnType.BigInt, nullable: true),
                Number("PREV_FIRE_TIME", QuartzColumnType.BigInt, nullable: true),
                Number("PRIORITY", QuartzColumnType.Int, nullable: true),
                Text("TRIGGER_STATE", 16),
                Text("TRIGGER_TYPE", 8),
                Number("START_TIME", QuartzColumnType.BigInt),
                Number("END_TIME", QuartzColumnType.BigInt, nullable: true),
                Text("CALENDAR_NAME", NameLength, nullable: true),
                Number("MISFIRE_INSTR", QuartzColumnType.SmallInt, nullable: true),
                Number("MISFIRE_ORIG_FIRE_TIME", QuartzColumnType.BigInt, nullable: true),
                Text("EXECUTION_GROUP", NameLength, nullable: true),
                Text("PREFERRED_NODE", NameLength, nullable: true),
                new QuartzColumn("PREFERRED_NODE_AUTO", QuartzColumnType.Boolean, Nullable: false, DefaultFalse: true),
                Blob("JOB_DATA", nullable: true)
            ],
            _triggerKey,
            [new QuartzForeignKey(_jobKey, "JOB_DETAILS", CascadeDelete: false)],
            [
                Index("T_J", "SCHED_NAME", "JOB_NAME", "JOB_GROUP"),
                Index("T_C", "SCHED_NAME", "CALENDAR_NAME"),
                Index("T_G_N", "SCHED_NAME", "TRIGGER_GROUP", "TRIGGER_NAME"),
                Index("T_NEXT_FIRE_TIME", "SCHED_NAME", "NEXT_FIRE_TIME"),
                Index("T_NFT_ST", "SCHED_NAME", "TRIGGER_STATE", "NEXT_FIRE_TIME")
            ]),

        TriggerDetail("SIMPLE_TRIGGERS",
            Number("REPEAT_COUNT", QuartzColumnType.BigInt),
            Number("REPEAT_INTERVAL", QuartzColumnType.BigInt),
            Number("TIMES_TRIGGERED", QuartzColumnType.BigInt)),

        TriggerDetail("SIMPROP_TRIGGERS",
            Text("STR_PROP_1", 512, nullable: true), Text("STR_PROP_2", 512, nullable: true), Text("STR_PROP_3", 512, nullable: true),
            Number("INT_PROP_1", QuartzColumnType.Int, nullable: true), Number("INT_PROP_2", QuartzColumnType.Int, nullable: true),
            Number("LONG_PROP_1", QuartzColumnType.BigInt, nullable: true), Number("LONG_PROP_2", QuartzColumnType.BigInt, nullable: true),
            Number("DEC_PROP_1", QuartzColumnType.Decimal, nullable: true), Number("DEC_PROP_2", QuartzColumnType.Decimal, nullable: true),
            Flag("BOOL_PROP_1", nullable: true), Flag("BOOL_PROP_2", nullable: true),
            Text("TIME_ZONE_ID", 80, nullable: true)),

        TriggerDetail("CRON_TRIGGERS",
            Text("CRON_EXPRESSION", DescriptionLength),
            Text("TIME_ZONE_ID", 80, nullable: true)),

        TriggerDetail("BLOB_TRIGGERS",
            Blob("BLOB_DATA", nullable: true)),

        new("CALENDARS",
            [SchedulerName(), Name("CALENDAR_NAME"), Blob("CALENDAR", nullable: false)],
            ["SCHED_NAME", "CALENDAR_NAME"], [], []),

        new("PAUSED_TRIGGER_GRPS",
            [SchedulerName(), Name("TRIGGER_GROUP")],
            ["SCHED_NAME", "TRIGGER_GROUP"], [], []),

        new("FIRED_TRIGGERS",
            [
                SchedulerName(),
                Text("ENTRY_ID", 140),
                Name("TRIGGER_NAME"), Name("TRIGGER_GROUP"),
                Text("INSTANCE_NAME", NameLength),
                Number("FIRED_TIME", QuartzColumnType.BigInt),
                Number("SCHED_TIME", QuartzColumnType.BigInt),
                Number("PRIORITY", QuartzColumnType.Int),
                Text("STATE", 16),
                Text("JOB_NAME", NameLength, nullable: true),
                Text("JOB_GROUP", NameLength, nullable: true),
                Flag("IS_NONCONCURRENT", nullable: true),
                Flag("REQUESTS_RECOVERY", nullable: true),
                Text("EXECUTION_GROUP", NameLength, nullable: true)
            ],
            ["SCHED_NAME", "ENTRY_ID"], [],
            [
                Index("FT_INST_JOB_REQ_RCVRY", "SCHED_NAME", "INSTANCE_NAME", "REQUESTS_RECOVERY"),
                Index("FT_J_G", "SCHED_NAME", "JOB_NAME", "JOB_GROUP"),
                Index("FT_T_G", "SCHED_NAME", "TRIGGER_NAME", "TRIGGER_GROUP")
            ]),

        new("SCHEDULER_STATE",
            [
                SchedulerName(),
                Text("INSTANCE_NAME", NameLength),
                Number("LAST_CHECKIN_TIME", QuartzColumnType.BigInt),
                Number("CHECKIN_INTERVAL", QuartzColumnType.BigInt)
            ],
            ["SCHED_NAME", "INSTANCE_NAME"], [], []),

        new("LOCKS",
            [SchedulerName(), Text("LOCK_NAME", 40)],
            ["SCHED_NAME", "LOCK_NAME"], [], [])
    ];

    #endregion

    #region Utilities

    // The per-type trigger tables share the trigger's key and disappear with it.
    private static QuartzTable TriggerDetail(string name, params QuartzColumn[] columns)
    {
        return new QuartzTable(name,
            [SchedulerName(), Name("TRIGGER_NAME"), Name("TRIGGER_GROUP"), .. columns],
            _triggerKey,
            [new QuartzForeignKey(_triggerKey, "TRIGGERS", CascadeDelete: true)],
            []);
    }

    private static QuartzColumn SchedulerName() => Text("SCHED_NAME", SchedulerNameLength);

    private static QuartzColumn Name(string name) => Text(name, NameLength);

    private static QuartzColumn Text(string name, int length, bool nullable = false) =>
        new(name, QuartzColumnType.String, nullable, length);

    private static QuartzColumn Flag(string name, bool nullable = false) => new(name, QuartzColumnType.Boolean, nullable);

    private static QuartzColumn Number(string name, QuartzColumnType type, bool nullable = false) => new(name, type, nullable);

    private static QuartzColumn Blob(string name, bool nullable) => new(name, QuartzColumnType.Binary, nullable);

    private static QuartzIndex Index(string name, params string[] columns) => new(name, columns);

    #endregion
}
