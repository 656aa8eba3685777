using FluentMigrator.Builders.Create.Table;
using Nop.Plugin.Misc.CustomFlows.Domain;

namespace Nop.Plugin.Misc.CustomFlows.Data.Mapping.Builders;

/// <summary>
/// Table mapping of <see cref="FlowVersion"/>
/// </summary>
public partial class FlowVersionBuilder : CustomFlowsEntityBuilder<FlowVersion>
{
    #region Methods

    /// <inheritdoc />
    public override void MapColumns(ICreateTableWithColumnSyntax table)
    {
        table
            .WithColumn(nameof(FlowVersion.FlowId)).AsInt32().NotNullable()
            .WithColumn(nameof(FlowVersion.VersionNumber)).AsInt32().NotNullable()
            .WithColumn(nameof(FlowVersion.DefinitionJson)).AsString(int.MaxValue).NotNullable()
            .WithColumn(nameof(FlowVersion.CreatedByCustomerId)).AsInt32().NotNullable();
    }

    #endregion
}
