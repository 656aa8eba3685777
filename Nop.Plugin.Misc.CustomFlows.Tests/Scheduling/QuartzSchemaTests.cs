using Nop.Plugin.Misc.CustomFlows.Scheduling;
using Nop.Plugin.Misc.CustomFlows.Scheduling.Schema;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Scheduling;

[TestFixture]
public class QuartzSchemaTests
{
    private static string Quoted(SchedulerDatabase database, string table) => database switch
    {
        SchedulerDatabase.PostgreSql => $"cf_qrtz_{table.ToLowerInvariant()}",
        SchedulerDatabase.SqlServer => $"[CF_QRTZ_{table}]",
        _ => $"`CF_QRTZ_{table}`"
    };

    private static string CreateTable(SchedulerDatabase database, string table)
    {
        return QuartzSchema.CreateStatements(database).Single(statement => statement.StartsWith($"CREATE TABLE {Quoted(database, table)} ("));
    }

    [Test]
    public void PostgreSql_tables_are_lower_case_because_Quartz_sends_its_names_unquoted()
    {
        var sql = CreateTable(SchedulerDatabase.PostgreSql, "TRIGGERS");

        Assert.That(sql, Does.StartWith("CREATE TABLE cf_qrtz_triggers ("));
        Assert.That(sql, Does.Contain("    sched_name VARCHAR(120) NOT NULL,"));
        Assert.That(sql, Does.Contain("    next_fire_time BIGINT NULL,"));
        Assert.That(sql, Does.Contain("    misfire_instr SMALLINT NULL,"));
        Assert.That(sql, Does.Contain("    preferred_node_auto BOOLEAN DEFAULT FALSE NOT NULL,"));
        Assert.That(sql, Does.Contain("    job_data BYTEA NULL,"));
        Assert.That(sql, Does.Contain("CONSTRAINT cf_qrtz_pk_triggers PRIMARY KEY (sched_name, trigger_name, trigger_group)"));
        Assert.That(sql, Does.Contain("FOREIGN KEY (sched_name, job_name, job_group) REFERENCES cf_qrtz_job_details (sched_name, job_name, job_group)"));
        Assert.That(sql, Does.Not.Contain("CASCADE"), "a job's triggers must not vanish silently with it");
        Assert.That(sql, Does.Not.Contain("QRTZ"));
    }

    [Test]
    public void The_per_type_trigger_tables_are_deleted_with_their_trigger()
    {
        var sql = CreateTable(SchedulerDatabase.PostgreSql, "CRON_TRIGGERS");

        Assert.That(sql, Does.Contain("cron_expression VARCHAR(250) NOT NULL"));
        Assert.That(sql, Does.Contain("REFERENCES cf_qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE"));
    }

    [Test]
    public void SqlServer_uses_unicode_text_bits_and_unbounded_binary()
    {
        var sql = CreateTable(SchedulerDatabase.SqlServer, "SIMPROP_TRIGGERS");

        Assert.That(sql, Does.StartWith("CREATE TABLE [CF_QRTZ_SIMPROP_TRIGGERS] ("));
        Assert.That(sql, Does.Contain("[STR_PROP_1] NVARCHAR(512) NULL"));
        Assert.That(sql, Does.Contain("[DEC_PROP_1] NUMERIC(13,4) NULL"));
        Assert.That(sql, Does.Contain("[BOOL_PROP_1] BIT NULL"));
        Assert.That(sql, Does.Contain("[INT_PROP_1] INT NULL"));
        Assert.That(CreateTable(SchedulerDatabase.SqlServer, "JOB_DETAILS"), Does.Contain("[JOB_DATA] VARBINARY(MAX) NULL"));
        Assert.That(CreateTable(SchedulerDatabase.SqlServer, "TRIGGERS"), Does.Contain("[PREFERRED_NODE_AUTO] BIT DEFAULT 0 NOT NULL"));
    }

    [Test]
    public void MySql_tables_are_InnoDB_with_keys_short_enough_for_utf8mb4()
    {
        var sql = CreateTable(SchedulerDatabase.MySql, "FIRED_TRIGGERS");

        Assert.That(sql, Does.StartWith("CREATE TABLE `CF_QRTZ_FIRED_TRIGGERS` ("));
        Assert.That(sql, Does.EndWith(") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin"));
        Assert.That(sql, Does.Contain("`ENTRY_ID` VARCHAR(140) NOT NULL"));
        Assert.That(sql, Does.Contain("`IS_NONCONCURRENT` BOOLEAN NULL"));
        Assert.That(CreateTable(SchedulerDatabase.MySql, "CALENDARS"), Does.Contain("`CALENDAR` MEDIUMBLOB NOT NULL"));

        // InnoDB allows 3072 bytes per key; utf8mb4 takes up to 4 bytes a character.
        foreach (var table in QuartzTables.All)
        {
            var keyCharacters = table.PrimaryKey.Sum(name => table.Columns.Single(column => column.Name == name).Length);
            Assert.That(keyCharacters * 4, Is.LessThanOrEqualTo(3072), table.Name);
        }
    }

    [Test]
    public void Every_index_starts_with_the_scheduler_name_that_every_Quartz_query_filters_on()
    {
        var indexes = QuartzTables.All.SelectMany(table => table.Indexes).ToList();

        Assert.That(indexes, Is.Not.Empty);
        Assert.That(indexes.Select(index => index.Columns[0]), Is.All.EqualTo("SCHED_NAME"));
    }

    [TestCase(SchedulerDatabase.PostgreSql)]
    [TestCase(SchedulerDatabase.SqlServer)]
    [TestCase(SchedulerDatabase.MySql)]
    public void Each_dialect_creates_every_described_table_and_index_before_anything_references_it(SchedulerDatabase database)
    {
        var statements = QuartzSchema.CreateStatements(database);

        Assert.That(statements.Count(s => s.StartsWith("CREATE TABLE")), Is.EqualTo(11));
        Assert.That(statements.Count(s => s.StartsWith("CREATE INDEX")), Is.EqualTo(QuartzTables.All.Sum(table => table.Indexes.Count)));
        var order = statements.ToList();
        int Created(string table) => order.FindIndex(statement => statement.StartsWith($"CREATE TABLE {Quoted(database, table)} ("));
        Assert.That(Created("JOB_DETAILS"), Is.LessThan(Created("TRIGGERS")));
        Assert.That(Created("TRIGGERS"), Is.LessThan(Created("CRON_TRIGGERS")));
        Assert.That(Created("TRIGGERS"), Is.LessThan(Created("SIMPLE_TRIGGERS")));
    }

    [Test]
    public void Dropping_removes_the_referencing_tables_before_the_referenced_ones()
    {
        var statements = QuartzSchema.DropStatements(SchedulerDatabase.SqlServer);

        Assert.That(statements, Has.Count.EqualTo(11));
        Assert.That(statements, Has.All.StartWith("DROP TABLE IF EXISTS [CF_QRTZ_"));
        var order = statements.ToList();
        Assert.That(order.IndexOf("DROP TABLE IF EXISTS [CF_QRTZ_CRON_TRIGGERS]"), Is.LessThan(order.IndexOf("DROP TABLE IF EXISTS [CF_QRTZ_TRIGGERS]")));
        Assert.That(order.IndexOf("DROP TABLE IF EXISTS [CF_QRTZ_TRIGGERS]"), Is.LessThan(order.IndexOf("DROP TABLE IF EXISTS [CF_QRTZ_JOB_DETAILS]")));
    }

    [Test]
    public void A_custom_prefix_names_every_table_index_and_constraint()
    {
        var script = QuartzSchema.CreateScript(SchedulerDatabase.MySql, "SHOP1_QRTZ_");

        Assert.That(script, Does.Contain("CREATE TABLE `SHOP1_QRTZ_LOCKS`"));
        Assert.That(script, Does.Contain("CREATE INDEX `SHOP1_QRTZ_IX_T_NFT_ST` ON `SHOP1_QRTZ_TRIGGERS` (`SCHED_NAME`, `TRIGGER_STATE`, `NEXT_FIRE_TIME`)"));
        Assert.That(script, Does.Not.Contain("CF_QRTZ_"));
        Assert.That(script.Split(";\n").Count(part => part.Trim().Length > 0), Is.EqualTo(QuartzSchema.CreateStatements(SchedulerDatabase.MySql, "SHOP1_QRTZ_").Count));
    }

    [TestCase("")]
    [TestCase("QRTZ-")]
    [TestCase("1QRTZ_")]
    [TestCase("x; DROP TABLE Customer; --")]
    [TestCase("A_PREFIX_FAR_TOO_LONG_FOR_AN_INDEX_NAME_")]
    public void A_prefix_that_cannot_be_used_unquoted_everywhere_is_refused(string prefix)
    {
        Assert.Throws<ArgumentException>(() => QuartzSchema.CreateStatements(SchedulerDatabase.PostgreSql, prefix));
    }
}
