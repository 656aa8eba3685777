using Nop.Data.Migrations;

namespace Nop.Plugin.Misc.CustomFlows.Data.Migrations;

/// <summary>
/// Creates the whole current schema when the plugin is installed.
/// </summary>
/// <remarks>
/// It creates all tables, not only flows and versions, because on installation nopCommerce runs the
/// Installation migrations and only records the Update migrations as applied without running them
/// (PluginService.InsertPluginData). An Update migration therefore never creates anything on a fresh install.
/// </remarks>
[NopMigration("2026-11-20 10:00:00", "Misc.CustomFlows schema", MigrationProcessType.Installation)]
public partial class SchemaMigration : CustomFlowsMigration
{
    #region Properties

    /// <inheritdoc />
    public override IReadOnlyList<PluginTable> Tables => CustomFlowsSchema.All;

    /// <inheritdoc />
    public override IReadOnlyList<PluginTable> Indexes => CustomFlowsSchema.LaterIndexes;

    #endregion
}
