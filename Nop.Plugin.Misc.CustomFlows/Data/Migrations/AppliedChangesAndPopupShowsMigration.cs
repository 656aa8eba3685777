using Nop.Data.Migrations;

namespace Nop.Plugin.Misc.CustomFlows.Data.Migrations;

/// <summary>
/// Adds the columns for exactly-once score changes and pop-up display rules to shops that installed the plugin
/// with the earlier run storage. A fresh install gets them from <see cref="SchemaMigration"/>.
/// </summary>
[NopMigration("2026-11-23 14:00:00", "Misc.CustomFlows applied changes and pop-up shows", MigrationProcessType.Update)]
public partial class AppliedChangesAndPopupShowsMigration : CustomFlowsMigration
{
    #region Properties

    /// <inheritdoc />
    public override IReadOnlyList<PluginTable> Tables => [];

    /// <inheritdoc />
    public override IReadOnlyList<PluginColumn> Columns => CustomFlowsSchema.AppliedChangesAndPopupShows;

    #endregion
}
