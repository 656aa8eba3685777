using FluentMigrator.Builders.Create.Table;
using Nop.Plugin.Misc.CustomFlows.Domain;

namespace Nop.Plugin.Misc.CustomFlows.Data.Mapping.Builders;

/// <summary>
/// Table mapping of <see cref="FlowRun"/>
/// </summary>
public partial class FlowRunBuilder : CustomFlowsEntityBuilder<FlowRun>
{
    #region Methods

    /// <inheritdoc />
    public override void MapColumns(ICreateTableWithColumnSyntax table)
    {
        table
            .WithColumn(nameof(FlowRun.FlowId)).AsInt32().NotNullable()
            .WithColumn(nameof(FlowRun.FlowVersionId)).AsInt32().NotNullable()
            .WithColumn(nameof(FlowRun.CustomerId)).AsInt32().NotNullable()
            .WithColumn(nameof(FlowRun.StoreId)).AsInt32().NotNullable()
            .WithColumn(nameof(FlowRun.EntryKey)).AsString(FlowFieldLengths.EntryKey).NotNullable()
            .WithColumn(nameof(FlowRun.ActiveKey)).AsString(FlowFieldLengths.ActiveKey).NotNullable()
            .WithColumn(nameof(FlowRun.CurrentNodeId)).AsString(FlowFieldLengths.NodeId).Nullable()
            .WithColumn(nameof(FlowRun.StatusId)).AsInt32().NotNullable()
            .WithColumn(nameof(FlowRun.TriggerContextJson)).AsString(int.MaxValue).Nullable()
            .WithColumn(nameof(FlowRun.StateJson)).AsString(int.MaxValue).Nullable()
            .WithColumn(nameof(FlowRun.ExitReason)).AsString(FlowFieldLengths.ExitReason).Nullable()
            .WithColumn(nameof(FlowRun.Converted)).AsBoolean().NotNullable()
            .WithColumn(nameof(FlowRun.Revenue)).AsDecimal(18, 4).NotNullable();
    }

    #endregion
}
