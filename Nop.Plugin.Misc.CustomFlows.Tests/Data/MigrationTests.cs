using System.Globalization;
using System.Reflection;
using FluentMigrator;
using Nop.Data.Migrations;
using Nop.Plugin.Misc.CustomFlows.Data.Migrations;
using Nop.Plugin.Misc.CustomFlows.Domain;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Data;

[TestFixture]
public class MigrationTests
{
    /// <summary>
    /// NopMigrationDefaults.DateFormats in nopCommerce 4.90
    /// </summary>
    private static readonly string[] _nopDateFormats =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy.MM.dd HH:mm:ss", "yyyy/MM/dd HH:mm:ss",
        "yyyy-MM-dd HH:mm:ss:fffffff", "yyyy.MM.dd HH:mm:ss:fffffff", "yyyy/MM/dd HH:mm:ss:fffffff"
    ];

    /// <summary>
    /// The migrations of the plugin's own tables (the scheduler's tables have tests of their own)
    /// </summary>
    private static IEnumerable<Type> Migrations => PluginEntities.Assembly.GetTypes()
        .Where(t => t.IsClass && !t.IsAbstract && typeof(MigrationBase).IsAssignableFrom(t) && t != typeof(SchedulerTablesMigration))
        .OrderBy(t => t.Name);

    /// <summary>
    /// Reads the attribute's constructor arguments without running it: the reference attribute cannot run
    /// </summary>
    private static (DateTime Date, string Description, MigrationProcessType Process) AttributeOf(Type migration)
    {
        var attribute = migration.GetCustomAttributesData().Single(a => a.AttributeType == typeof(NopMigrationAttribute));
        var arguments = attribute.ConstructorArguments;
        var date = DateTime.ParseExact((string)arguments[0].Value!, _nopDateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None);
        var description = arguments.Count == 3 ? (string)arguments[1].Value : null;
        var process = (MigrationProcessType)(int)arguments[^1].Value!;
        return (date, description, process);
    }

    private static CustomFlowsMigration Testable(Type migration, FakeDatabase database) => migration == typeof(SchemaMigration)
        ? new TestableSchemaMigration(database)
        : migration == typeof(RunStorageMigration)
            ? new TestableRunStorageMigration(database)
            : migration == typeof(AppliedChangesAndPopupShowsMigration)
                ? new TestableColumnsMigration(database)
                : migration == typeof(RunsByFlowMigration)
                    ? new TestableRunsByFlowMigration(database)
                    : migration == typeof(ActionOutboxMigration)
                        ? new TestableActionOutboxMigration(database)
                        : migration == typeof(AttributionMigration)
                            ? new TestableAttributionMigration(database)
                            : throw new AssertionException($"{migration.Name} has no testable twin in {nameof(MigrationTests)}");

    /// <summary>
    /// Installs as nopCommerce's PluginService does: Up of NoMatter and Installation migrations in date order,
    /// then Update migrations only recorded as applied
    /// </summary>
    private static List<Type> Install(FakeDatabase database)
    {
        foreach (var migration in Migrations.Where(m => AttributeOf(m).Process != MigrationProcessType.Update).OrderBy(m => AttributeOf(m).Date))
            Testable(migration, database).Up();

        return [.. Migrations];
    }

    /// <summary>
    /// Uninstalls as nopCommerce's MigrationManager.ApplyDownMigrations does: Down of every applied migration, latest first
    /// </summary>
    private static void Uninstall(FakeDatabase database, IEnumerable<Type> applied)
    {
        foreach (var migration in applied.OrderByDescending(m => AttributeOf(m).Date))
            Testable(migration, database).Down();
    }

    [Test]
    public void The_plugin_has_an_installation_migration_and_its_update_migrations()
    {
        Assert.That(Migrations, Is.EquivalentTo(new[] { typeof(SchemaMigration), typeof(RunStorageMigration), typeof(AppliedChangesAndPopupShowsMigration), typeof(RunsByFlowMigration), typeof(ActionOutboxMigration), typeof(AttributionMigration) }));
    }

    private static IEnumerable<Type> TableMigrations => Migrations.Where(m => ((CustomFlowsMigration)Activator.CreateInstance(m)!).Tables.Count > 0);

    [TestCaseSource(nameof(Migrations))]
    public void A_migration_carries_one_NopMigration_attribute_with_a_date_nopCommerce_parses(Type migration)
    {
        Assert.That(migration.GetCustomAttributesData().Count(a => typeof(MigrationAttribute).IsAssignableFrom(a.AttributeType)), Is.EqualTo(1));
        Assert.That(() => AttributeOf(migration), Throws.Nothing);
        Assert.That(AttributeOf(migration).Description, Does.StartWith("Misc.CustomFlows"), "the description names the plugin in the version table");
        Assert.That(typeof(CustomFlowsMigration).IsAssignableFrom(migration), Is.True, "its Down must drop what its Up creates");
    }

    [Test]
    public void Migrations_have_distinct_dates_because_the_date_is_the_version()
    {
        Assert.That(Migrations.Select(m => AttributeOf(m).Date), Is.Unique);
    }

    [Test]
    public void The_schema_migration_runs_on_installation_and_creates_every_table()
    {
        Assert.That(AttributeOf(typeof(SchemaMigration)).Process, Is.EqualTo(MigrationProcessType.Installation));
        Assert.That(new SchemaMigration().Tables.Select(t => t.EntityType), Is.EquivalentTo(PluginEntities.EntityTypes),
            "nopCommerce only records Update migrations on installation, so installation must create everything");
    }

    [Test]
    public void The_run_storage_migration_is_a_later_update_adding_run_storage()
    {
        var update = AttributeOf(typeof(RunStorageMigration));

        Assert.That(update.Process, Is.EqualTo(MigrationProcessType.Update));
        Assert.That(update.Date, Is.GreaterThan(AttributeOf(typeof(SchemaMigration)).Date));
        Assert.That(new RunStorageMigration().Tables, Is.EqualTo(CustomFlowsSchema.RunStorage));
    }

    [TestCaseSource(nameof(TableMigrations))]
    public void Down_drops_every_table_Up_creates(Type migration)
    {
        var database = new FakeDatabase();

        Testable(migration, database).Up();
        var created = database.Log.Where(l => l.StartsWith("create table")).Select(l => l["create table ".Length..]).ToList();
        Testable(migration, database).Down();

        Assert.That(created, Is.Not.Empty);
        Assert.That(database.Log.Where(l => l.StartsWith("drop table")).Select(l => l["drop table ".Length..]), Is.EquivalentTo(created));
        Assert.That(database.Tables, Is.Empty);
    }

    [Test]
    public void A_fresh_install_creates_every_table_and_index_and_uninstall_leaves_no_plugin_table()
    {
        var database = new FakeDatabase();

        var applied = Install(database);
        Assert.That(database.Tables, Is.EquivalentTo(PluginEntities.EntityTypes.Select(t => t.Name)));
        Assert.That(database.Log.Count(l => l.StartsWith("create index")), Is.EqualTo(CustomFlowsSchema.All.Concat(CustomFlowsSchema.LaterIndexes).Sum(t => t.Indexes.Count)),
            "a fresh install has every index, also those added to shipped tables later");

        Uninstall(database, applied);
        Assert.That(database.Tables, Is.Empty);
    }

    [Test]
    public void A_shop_installed_with_flows_only_gets_run_storage_on_update_and_loses_it_all_on_uninstall()
    {
        var database = new FakeDatabase();
        new RecordingSchemaWriter(database).CreateMissing(CustomFlowsSchema.Foundation);

        //nopCommerce's UpdatePluginsAsync runs the unapplied NoMatter and Update migrations
        new TestableRunStorageMigration(database).Up();
        new TestableAttributionMigration(database).Up();
        Assert.That(database.Tables, Is.EquivalentTo(PluginEntities.EntityTypes.Select(t => t.Name)));

        Uninstall(database, Migrations);
        Assert.That(database.Tables, Is.Empty);
    }

    [Test]
    public void The_columns_migration_is_the_latest_update_and_adds_only_columns()
    {
        var update = AttributeOf(typeof(AppliedChangesAndPopupShowsMigration));

        Assert.That(update.Process, Is.EqualTo(MigrationProcessType.Update));
        Assert.That(update.Date, Is.GreaterThan(AttributeOf(typeof(RunStorageMigration)).Date));
        Assert.That(new AppliedChangesAndPopupShowsMigration().Tables, Is.Empty);
        Assert.That(new AppliedChangesAndPopupShowsMigration().Columns, Is.EqualTo(CustomFlowsSchema.AppliedChangesAndPopupShows));
    }

    [Test]
    public void A_shop_with_the_earlier_run_storage_gets_the_new_columns_on_update()
    {
        var database = new FakeDatabase();
        var writer = new RecordingSchemaWriter(database);
        writer.CreateMissing(CustomFlowsSchema.All);
        //the shape those tables had before the columns existed
        foreach (var column in CustomFlowsSchema.AppliedChangesAndPopupShows)
            database.ColumnsOf(column.EntityType.Name).RemoveAll(c => c.Name == column.PropertyName);
        database.Log.Clear();

        new TestableColumnsMigration(database).Up();

        Assert.That(database.Log, Is.EqualTo(new[]
        {
            "add column CustomerFlowState.AppliedChangesJson",
            "add column PendingPopup.ShowCount",
            "add column PendingPopup.LastShownOnUtc",
            "add column FlowActionLog.OpenedOnUtc",
            "add column FlowActionLog.ClickedOnUtc",
            "add column FlowNodeDailyStat.Opened",
            "add column FlowNodeDailyStat.Clicked"
        }));
        var showCount = database.ColumnsOf("PendingPopup").Single(c => c.Name == "ShowCount");
        Assert.That((showCount.Type, showCount.IsNullable, showCount.DefaultValue), Is.EqualTo(("Int32", (bool?)false, (object)0)),
            "existing pop-ups need a value for a column that is not nullable");
        var lastShown = database.ColumnsOf("PendingPopup").Single(c => c.Name == "LastShownOnUtc");
        Assert.That((lastShown.Type, lastShown.IsNullable), Is.EqualTo(("DateTime2", (bool?)true)));

        database.Log.Clear();
        new TestableColumnsMigration(database).Up();
        Assert.That(database.Log, Is.Empty, "running it again changes nothing");
    }

    [Test]
    public void On_a_fresh_install_the_tables_already_have_the_new_columns()
    {
        var database = new FakeDatabase();
        Install(database);
        database.Log.Clear();

        //what UpdatePluginsAsync would do if the update were not recorded as applied on installation
        new TestableColumnsMigration(database).Up();

        Assert.That(database.Log, Is.Empty);
    }

    [Test]
    public void The_columns_migration_skips_tables_that_do_not_exist_yet()
    {
        var database = new FakeDatabase();
        new RecordingSchemaWriter(database).CreateMissing(CustomFlowsSchema.Foundation);
        database.Log.Clear();

        Assert.That(() => new TestableColumnsMigration(database).Up(), Throws.Nothing);
        Assert.That(database.Log, Is.Empty);
    }

    [TestCaseSource(typeof(CustomFlowsSchema), nameof(CustomFlowsSchema.AppliedChangesAndPopupShows))]
    public void An_added_column_is_declared_as_the_builder_or_nopCommerce_mapping_declares_it(PluginColumn column)
    {
        var database = new FakeDatabase();
        database.AddTable(column.EntityType.Name);
        new RecordingSchemaWriter(database).AddMissingColumns([column]);
        var added = database.ColumnsOf(column.EntityType.Name).Single();

        var declared = PluginEntities.RecordColumns(column.EntityType).Columns.SingleOrDefault(c => c.Name == column.PropertyName);
        var property = column.EntityType.GetProperty(column.PropertyName)!;
        if (declared is not null)
        {
            Assert.That((added.Type, added.Size, added.IsNullable), Is.EqualTo((declared.Type, declared.Size, declared.IsNullable)));
            Assert.That(added.DefaultValue, Is.EqualTo(declared.DefaultValue));
        }
        else
        {
            //nopCommerce maps the rest by type: DateTime to datetime2, nullable when the property is
            Assert.That(PluginEntities.IsDateTime(property), Is.True, $"{column.PropertyName} needs a declaration in the builder");
            Assert.That(added.Type, Is.EqualTo("DateTime2"));
            Assert.That(added.IsNullable, Is.EqualTo(Nullable.GetUnderlyingType(property.PropertyType) is not null));
        }
    }

    [Test]
    public void Uninstalling_after_a_partly_failed_install_still_succeeds()
    {
        var database = new FakeDatabase();
        database.AddTable("Flow");

        Assert.That(() => Uninstall(database, Migrations), Throws.Nothing);
        Assert.That(database.Tables, Is.Empty);
    }

    [Test]
    public void A_shop_on_4_90_2_gets_only_the_runs_by_flow_index_on_update_and_a_second_run_creates_nothing()
    {
        var database = new FakeDatabase();
        //the 4.90.2 schema: every table and the indexes they shipped with
        new RecordingSchemaWriter(database).CreateMissing(CustomFlowsSchema.All);
        var before = database.Log.Count;

        new TestableRunsByFlowMigration(database).Up();
        var added = database.Log.Skip(before).ToList();
        new TestableRunsByFlowMigration(database).Up();

        Assert.That(added, Has.Count.EqualTo(1));
        Assert.That(added[0], Does.StartWith("create index").And.Contain(nameof(FlowRun)));
        Assert.That(database.Log.Skip(before + 1), Is.Empty, "the index exists now, so it is not created twice");
    }

    private sealed class TestableSchemaMigration(FakeDatabase database) : SchemaMigration
    {
        protected override SchemaWriter CreateWriter() => new RecordingSchemaWriter(database);
    }

    private sealed class TestableRunStorageMigration(FakeDatabase database) : RunStorageMigration
    {
        protected override SchemaWriter CreateWriter() => new RecordingSchemaWriter(database);
    }

    private sealed class TestableColumnsMigration(FakeDatabase database) : AppliedChangesAndPopupShowsMigration
    {
        protected override SchemaWriter CreateWriter() => new RecordingSchemaWriter(database);
    }

    private sealed class TestableRunsByFlowMigration(FakeDatabase database) : RunsByFlowMigration
    {
        protected override SchemaWriter CreateWriter() => new RecordingSchemaWriter(database);
    }

    private sealed class TestableActionOutboxMigration(FakeDatabase database) : ActionOutboxMigration
    {
        protected override SchemaWriter CreateWriter() => new RecordingSchemaWriter(database);
    }

    private sealed class TestableAttributionMigration(FakeDatabase database) : AttributionMigration
    {
        protected override SchemaWriter CreateWriter() => new RecordingSchemaWriter(database);
    }

    [Test]
    public void A_shop_on_4_90_3_gets_the_outbox_column_and_its_index_on_update_and_a_second_run_changes_nothing()
    {
        var database = new FakeDatabase();
        var writer = new RecordingSchemaWriter(database);
        writer.CreateMissing(CustomFlowsSchema.All);
        writer.CreateMissing(CustomFlowsSchema.RunsByFlow);
        //the action log as 4.90.3 shipped it
        database.ColumnsOf(nameof(FlowActionLog)).RemoveAll(c => c.Name == nameof(FlowActionLog.EffectJson));
        database.Log.Clear();

        new TestableActionOutboxMigration(database).Up();

        Assert.That(database.Log, Has.Some.EqualTo("add column FlowActionLog.EffectJson"));
        Assert.That(database.Log, Has.Some.Contains("FlowActionLog").And.Contains("StatusId"));
        var effect = database.ColumnsOf(nameof(FlowActionLog)).Single(c => c.Name == nameof(FlowActionLog.EffectJson));
        Assert.That(effect.IsNullable, Is.True, "rows written before the outbox have no effect");

        database.Log.Clear();
        new TestableActionOutboxMigration(database).Up();
        Assert.That(database.Log, Is.Empty, "running it again changes nothing");
    }

    [Test]
    public void The_outbox_migration_is_later_than_every_migration_4_90_3_shipped()
    {
        var outbox = AttributeOf(typeof(ActionOutboxMigration));

        Assert.That(outbox.Process, Is.EqualTo(MigrationProcessType.Update));
        Assert.That(Migrations.Where(m => m != typeof(ActionOutboxMigration) && m != typeof(AttributionMigration)).Select(m => AttributeOf(m).Date),
            Has.All.LessThan(outbox.Date));
    }

    [Test]
    public void A_shop_on_4_90_4_gets_the_attribution_table_with_its_indexes_on_update_and_a_second_run_changes_nothing()
    {
        var database = new FakeDatabase();
        var writer = new RecordingSchemaWriter(database);
        //the schema as 4.90.4 shipped it
        writer.CreateMissing(CustomFlowsSchema.Foundation);
        writer.CreateMissing(CustomFlowsSchema.RunStorage);
        writer.CreateMissing(CustomFlowsSchema.LaterIndexes);
        database.Log.Clear();

        new TestableAttributionMigration(database).Up();

        Assert.That(database.Log, Has.Some.EqualTo("create table FlowAttribution"));
        Assert.That(database.Log.Count(line => line.Contains("FlowAttribution", StringComparison.Ordinal) && line.Contains("index", StringComparison.OrdinalIgnoreCase)),
            Is.EqualTo(4), "unique order and flow, flow and day, run, customer");

        database.Log.Clear();
        new TestableAttributionMigration(database).Up();
        Assert.That(database.Log, Is.Empty, "running it again changes nothing");
    }

    [Test]
    public void The_attribution_migration_is_later_than_every_migration_4_90_4_shipped()
    {
        var attribution = AttributeOf(typeof(AttributionMigration));

        Assert.That(attribution.Process, Is.EqualTo(MigrationProcessType.Update));
        Assert.That(Migrations.Where(m => m != typeof(AttributionMigration)).Select(m => AttributeOf(m).Date), Has.All.LessThan(attribution.Date));
    }
}
