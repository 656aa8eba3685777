using FluentMigrator.Builders.Create.Table;
using Nop.Plugin.Misc.CustomFlows.Domain;

namespace Nop.Plugin.Misc.CustomFlows.Data.Mapping.Builders;

/// <summary>
/// Table mapping of <see cref="FlowAttribution"/>
/// </summary>
public partial class FlowAttributionBuilder : CustomFlowsEntityBuilder<FlowAttribution>
{
    #region Methods

    /// <inheritdoc />
    public override void MapColumns(ICreateTableWithColumnSyntax table)
    {
        table
            .WithColumn(nameof(FlowAttribution.OrderId)).AsInt32().NotNullable()
            .WithColumn(nameof(FlowAttribution.FlowId)).AsInt32().NotNullable()
            .WithColumn(nameof(FlowAttribution.FlowVersionId)).AsInt32().NotNullable()
            .WithColumn(nameof(FlowAttribution.NodeId)).AsString(FlowFieldLengths.NodeId).NotNullable()
            .WithColumn(nameof(FlowAttribution.FlowRunId)).AsInt32().NotNullable()
            .WithColumn(nameof(FlowAttribution.CustomerId)).AsInt32().NotNullable()
            .WithColumn(nameof(FlowAttribution.OrderTotal)).AsDecimal(18, 4).NotNullable();
    }

    #endregion
}
