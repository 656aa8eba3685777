using FluentMigrator.Builders.Create.Table;
using Nop.Plugin.Misc.CustomFlows.Domain;

namespace Nop.Plugin.Misc.CustomFlows.Data.Mapping.Builders;

/// <summary>
/// Table mapping of <see cref="CustomerFlowState"/>
/// </summary>
public partial class CustomerFlowStateBuilder : CustomFlowsEntityBuilder<CustomerFlowState>
{
    #region Methods

    /// <inheritdoc />
    public override void MapColumns(ICreateTableWithColumnSyntax table)
    {
        table
            .WithColumn(nameof(CustomerFlowState.CustomerId)).AsInt32().NotNullable()
            .WithColumn(nameof(CustomerFlowState.TagsJson)).AsString(int.MaxValue).Nullable()
            .WithColumn(nameof(CustomerFlowState.Score)).AsInt32().NotNullable()
            .WithColumn(nameof(CustomerFlowState.FunnelStage)).AsString(FlowFieldLengths.FunnelStage).Nullable()
            .WithColumn(nameof(CustomerFlowState.MessagesSentJson)).AsString(int.MaxValue).Nullable()
            .WithColumn(nameof(CustomerFlowState.ConsentJson)).AsString(int.MaxValue).Nullable()
            .WithColumn(nameof(CustomerFlowState.AppliedChangesJson)).AsString(int.MaxValue).Nullable();
    }

    #endregion
}
