using FluentMigrator.Builders.Create.Table;
using Nop.Plugin.Misc.CustomFlows.Domain;

namespace Nop.Plugin.Misc.CustomFlows.Data.Mapping.Builders;

/// <summary>
/// Table mapping of <see cref="FlowInboxEvent"/>
/// </summary>
public partial class FlowInboxEventBuilder : CustomFlowsEntityBuilder<FlowInboxEvent>
{
    #region Methods

    /// <inheritdoc />
    public override void MapColumns(ICreateTableWithColumnSyntax table)
    {
        table
            .WithColumn(nameof(FlowInboxEvent.EventType)).AsString(FlowFieldLengths.EventType).NotNullable()
            .WithColumn(nameof(FlowInboxEvent.CustomerId)).AsInt32().NotNullable()
            .WithColumn(nameof(FlowInboxEvent.StoreId)).AsInt32().NotNullable()
            .WithColumn(nameof(FlowInboxEvent.PayloadJson)).AsString(int.MaxValue).Nullable()
            .WithColumn(nameof(FlowInboxEvent.Attempts)).AsInt32().NotNullable()
            .WithColumn(nameof(FlowInboxEvent.LastError)).AsString(int.MaxValue).Nullable();
    }

    #endregion
}
