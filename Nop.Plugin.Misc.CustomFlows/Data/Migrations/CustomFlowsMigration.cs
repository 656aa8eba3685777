using FluentMigrator;
using Nop.Data.Mapping;

namespace Nop.Plugin.Misc.CustomFlows.Data.Migrations;

/// <summary>
/// A plugin migration that creates its tables on Up and drops them on Down. nopCommerce runs Down of every
/// applied migration of the plugin's assembly when the plugin is uninstalled, so Down is how the tables go.
/// </summary>
public abstract partial class CustomFlowsMigration : Migration
{
    #region Utilities

    /// <summary>
    /// Creates the writer over this migration's expression roots
    /// </summary>
    /// <returns>The schema writer</returns>
    protected virtual SchemaWriter CreateWriter()
    {
        return new SchemaWriter(Create, Delete, Schema, NameCompatibilityManager.GetTableName, NameCompatibilityManager.GetColumnName);
    }

    #endregion

    #region Methods

    /// <summary>
    /// Creates the migration's tables and indexes that are missing
    /// </summary>
    public override void Up()
    {
        var writer = CreateWriter();
        writer.CreateMissing(Tables);
        writer.AddMissingColumns(Columns);
        //tables exist by now, so only their missing indexes are created
        writer.CreateMissing(Indexes);
    }

    /// <summary>
    /// Drops the migration's tables that exist
    /// </summary>
    public override void Down()
    {
        CreateWriter().DropExisting(Tables);
    }

    #endregion

    #region Properties

    /// <summary>
    /// Gets the tables this migration is responsible for, in creation order
    /// </summary>
    public abstract IReadOnlyList<PluginTable> Tables { get; }

    /// <summary>
    /// Gets the columns this migration adds to tables that already exist; they go with their tables on Down
    /// </summary>
    public virtual IReadOnlyList<PluginColumn> Columns => [];

    /// <summary>
    /// Gets the indexes the migration adds to tables an earlier migration made, each described with its table
    /// </summary>
    public virtual IReadOnlyList<PluginTable> Indexes => [];

    #endregion
}
