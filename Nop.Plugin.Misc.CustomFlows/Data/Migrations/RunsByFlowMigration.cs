using Nop.Data.Migrations;

namespace Nop.Plugin.Misc.CustomFlows.Data.Migrations;

/// <summary>
/// Plugin 4.90.3: adds the index of a flow's open runs by version and step to shops that installed 4.90.2 or earlier
/// </summary>
[NopMigration("2026-12-02 15:00:00", "Misc.CustomFlows runs by flow", MigrationProcessType.Update)]
public partial class RunsByFlowMigration : CustomFlowsMigration
{
    #region Properties

    /// <inheritdoc />
    public override IReadOnlyList<PluginTable> Tables => [];

    /// <inheritdoc />
    public override IReadOnlyList<PluginTable> Indexes => CustomFlowsSchema.RunsByFlow;

    #endregion
}
