using FluentMigrator;
using Nop.Data.Migrations;
using Nop.Plugin.Misc.CustomFlows.Scheduling;
using Nop.Plugin.Misc.CustomFlows.Scheduling.Schema;

namespace Nop.Plugin.Misc.CustomFlows.Data.Migrations;

/// <summary>
/// Creates the clustered scheduler's tables (Quartz's schema, under the plugin's own prefix) in the
/// shop's database, in the dialect of that database, so switching a web farm to the shared scheduler
/// needs no manual SQL. Empty tables cost nothing on a single-server shop. Runs on install and on
/// update; uninstall drops the tables.
/// </summary>
[NopMigration("2026-11-23 12:00:00", "Misc.CustomFlows scheduler tables", MigrationProcessType.NoMatter)]
public partial class SchedulerTablesMigration : Migration
{
    #region Fields

    /// <summary>
    /// FluentMigrator's names of the databases nopCommerce supports, by the scheduler's database kind
    /// </summary>
    public static IReadOnlyDictionary<SchedulerDatabase, string[]> DatabaseTypes { get; } = new Dictionary<SchedulerDatabase, string[]>
    {
        [SchedulerDatabase.SqlServer] = new[] { "SqlServer" },
        [SchedulerDatabase.PostgreSql] = new[] { "Postgres", "PostgreSQL" },
        [SchedulerDatabase.MySql] = new[] { "MySql" }
    };

    #endregion

    #region Methods

    /// <summary>
    /// Creates the tables for whichever database the shop runs on
    /// </summary>
    public override void Up()
    {
        foreach (var (database, typeNames) in DatabaseTypes)
        {
            foreach (var statement in QuartzSchema.CreateStatements(database))
                ExecuteOn(typeNames, statement);
        }
    }

    /// <summary>
    /// Drops the tables (only those that exist)
    /// </summary>
    public override void Down()
    {
        foreach (var (database, typeNames) in DatabaseTypes)
        {
            foreach (var statement in QuartzSchema.DropStatements(database))
                ExecuteOn(typeNames, statement);
        }
    }

    #endregion

    #region Utilities

    /// <summary>
    /// Runs a statement only on the named databases
    /// </summary>
    /// <param name="databaseTypes">FluentMigrator's names of the databases</param>
    /// <param name="statement">The statement</param>
    protected virtual void ExecuteOn(string[] databaseTypes, string statement)
    {
        IfDatabase(databaseTypes).Execute.Sql(statement);
    }

    #endregion
}
