using FluentMigrator.Builders.Create.Table;
using Nop.Plugin.Misc.CustomFlows.Domain;

namespace Nop.Plugin.Misc.CustomFlows.Data.Mapping.Builders;

/// <summary>
/// Table mapping of <see cref="FlowNodeDailyStat"/>
/// </summary>
public partial class FlowNodeDailyStatBuilder : CustomFlowsEntityBuilder<FlowNodeDailyStat>
{
    #region Methods

    /// <inheritdoc />
    public override void MapColumns(ICreateTableWithColumnSyntax table)
    {
        table
            .WithColumn(nameof(FlowNodeDailyStat.FlowId)).AsInt32().NotNullable()
            .WithColumn(nameof(FlowNodeDailyStat.FlowVersionId)).AsInt32().NotNullable()
            .WithColumn(nameof(FlowNodeDailyStat.NodeId)).AsString(FlowFieldLengths.NodeId).NotNullable()
            .WithColumn(nameof(FlowNodeDailyStat.ChannelId)).AsInt32().NotNullable()
            .WithColumn(nameof(FlowNodeDailyStat.Entered)).AsInt32().NotNullable()
            .WithColumn(nameof(FlowNodeDailyStat.PassedYes)).AsInt32().NotNullable()
            .WithColumn(nameof(FlowNodeDailyStat.PassedNo)).AsInt32().NotNullable()
            .WithColumn(nameof(FlowNodeDailyStat.Sent)).AsInt32().NotNullable()
            .WithColumn(nameof(FlowNodeDailyStat.Converted)).AsInt32().NotNullable()
            .WithColumn(nameof(FlowNodeDailyStat.Revenue)).AsDecimal(18, 4).NotNullable()
            .WithColumn(nameof(FlowNodeDailyStat.Opened)).AsInt32().NotNullable().WithDefaultValue(0)
            .WithColumn(nameof(FlowNodeDailyStat.Clicked)).AsInt32().NotNullable().WithDefaultValue(0);
    }

    #endregion
}
