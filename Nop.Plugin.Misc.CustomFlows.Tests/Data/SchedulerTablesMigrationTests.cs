using System.Globalization;
using Nop.Data.Migrations;
using Nop.Plugin.Misc.CustomFlows.Data.Migrations;
using Nop.Plugin.Misc.CustomFlows.Scheduling;
using Nop.Plugin.Misc.CustomFlows.Scheduling.Schema;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Data;

[TestFixture]
public class SchedulerTablesMigrationTests
{
    private sealed class RecordingMigration : SchedulerTablesMigration
    {
        public List<(string[] Databases, string Statement)> Executed { get; } = new();

        protected override void ExecuteOn(string[] databaseTypes, string statement) => Executed.Add((databaseTypes, statement));
    }

    [Test]
    public void Up_creates_the_scheduler_tables_in_the_dialect_of_each_database_nopCommerce_supports()
    {
        var migration = new RecordingMigration();

        migration.Up();

        foreach (var (database, names) in SchedulerTablesMigration.DatabaseTypes)
        {
            var statements = migration.Executed.Where(e => e.Databases.SequenceEqual(names)).Select(e => e.Statement);
            Assert.That(statements, Is.EqualTo(QuartzSchema.CreateStatements(database)), database.ToString());
        }
        Assert.That(migration.Executed.Select(e => e.Databases[0]).Distinct(), Is.EquivalentTo(new[] { "SqlServer", "Postgres", "MySql" }));
    }

    [Test]
    public void Down_drops_the_tables_it_created_and_only_those_that_exist()
    {
        var migration = new RecordingMigration();

        migration.Down();

        var postgres = migration.Executed.Where(e => e.Databases[0] == "Postgres").Select(e => e.Statement).ToList();
        Assert.That(postgres, Is.EqualTo(QuartzSchema.DropStatements(SchedulerDatabase.PostgreSql)));
        Assert.That(postgres, Has.All.Contains("IF EXISTS"));
    }

    [Test]
    public void The_tables_come_with_install_and_with_update_so_every_shop_has_them()
    {
        var attribute = typeof(SchedulerTablesMigration).GetCustomAttributesData().Single(a => a.AttributeType == typeof(NopMigrationAttribute));

        Assert.That((MigrationProcessType)(int)attribute.ConstructorArguments[^1].Value!, Is.EqualTo(MigrationProcessType.NoMatter));
        Assert.That(DateTime.ParseExact((string)attribute.ConstructorArguments[0].Value!, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            Is.GreaterThan(new DateTime(2026, 11, 23, 10, 0, 0)), "after the run storage migration");
    }
}
