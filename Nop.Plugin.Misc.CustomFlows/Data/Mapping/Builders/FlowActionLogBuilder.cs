using FluentMigrator.Builders.Create.Table;
using Nop.Plugin.Misc.CustomFlows.Domain;

namespace Nop.Plugin.Misc.CustomFlows.Data.Mapping.Builders;

/// <summary>
/// Table mapping of <see cref="FlowActionLog"/>
/// </summary>
public partial class FlowActionLogBuilder : CustomFlowsEntityBuilder<FlowActionLog>
{
    #region Methods

    /// <inheritdoc />
    public override void MapColumns(ICreateTableWithColumnSyntax table)
    {
        table
            .WithColumn(nameof(FlowActionLog.IdempotencyKey)).AsString(FlowFieldLengths.IdempotencyKey).NotNullable()
            .WithColumn(nameof(FlowActionLog.FlowRunId)).AsInt32().NotNullable()
            .WithColumn(nameof(FlowActionLog.NodeId)).AsString(FlowFieldLengths.NodeId).NotNullable()
            .WithColumn(nameof(FlowActionLog.CustomerId)).AsInt32().NotNullable()
            .WithColumn(nameof(FlowActionLog.ChannelId)).AsInt32().NotNullable()
            .WithColumn(nameof(FlowActionLog.StatusId)).AsInt32().NotNullable()
            .WithColumn(nameof(FlowActionLog.Details)).AsString(int.MaxValue).Nullable()
            .WithColumn(nameof(FlowActionLog.EffectJson)).AsString(int.MaxValue).Nullable();
    }

    #endregion
}
