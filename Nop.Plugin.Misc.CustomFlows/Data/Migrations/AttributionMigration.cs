using Nop.Data.Migrations;

namespace Nop.Plugin.Misc.CustomFlows.Data.Migrations;

/// <summary>
/// Plugin 4.90.5: the table of orders credited to flows by the one attribution rule, for shops that installed
/// 4.90.4 or earlier
/// </summary>
[NopMigration("2026-12-03 09:00:00", "Misc.CustomFlows order attribution", MigrationProcessType.Update)]
public partial class AttributionMigration : CustomFlowsMigration
{
    #region Properties

    /// <inheritdoc />
    public override IReadOnlyList<PluginTable> Tables => CustomFlowsSchema.Attribution;

    #endregion
}
