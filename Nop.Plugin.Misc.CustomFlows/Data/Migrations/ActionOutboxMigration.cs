using Nop.Data.Migrations;

namespace Nop.Plugin.Misc.CustomFlows.Data.Migrations;

/// <summary>
/// Plugin 4.90.4: the action log becomes the outbox of the commit protocol (the effect is stored with the step that
/// produced it) and gets the index the job that performs left-over effects reads, for shops that installed 4.90.3 or earlier
/// </summary>
[NopMigration("2026-12-02 17:30:00", "Misc.CustomFlows action outbox", MigrationProcessType.Update)]
public partial class ActionOutboxMigration : CustomFlowsMigration
{
    #region Properties

    /// <inheritdoc />
    public override IReadOnlyList<PluginTable> Tables => [];

    /// <inheritdoc />
    public override IReadOnlyList<PluginColumn> Columns => CustomFlowsSchema.ActionOutbox;

    /// <inheritdoc />
    public override IReadOnlyList<PluginTable> Indexes => CustomFlowsSchema.ActionOutboxIndexes;

    #endregion
}
