using Nop.Data.Migrations;

namespace Nop.Plugin.Misc.CustomFlows.Data.Migrations;

/// <summary>
/// Adds the run-time storage (runs, inbox, action log, pop-ups, customer state, statistics) to shops that
/// installed the plugin when it had flows and versions only. nopCommerce runs it when the plugin's version
/// changes; on a fresh install <see cref="SchemaMigration"/> has already created these tables.
/// </summary>
[NopMigration("2026-11-23 10:00:00", "Misc.CustomFlows run storage", MigrationProcessType.Update)]
public partial class RunStorageMigration : CustomFlowsMigration
{
    #region Properties

    /// <inheritdoc />
    public override IReadOnlyList<PluginTable> Tables => CustomFlowsSchema.RunStorage;

    #endregion
}
