using FluentMigrator.Builders.Create.Table;
using Nop.Plugin.Misc.CustomFlows.Domain;

namespace Nop.Plugin.Misc.CustomFlows.Data.Mapping.Builders;

/// <summary>
/// Table mapping of <see cref="PendingPopup"/>
/// </summary>
public partial class PendingPopupBuilder : CustomFlowsEntityBuilder<PendingPopup>
{
    #region Methods

    /// <inheritdoc />
    public override void MapColumns(ICreateTableWithColumnSyntax table)
    {
        table
            .WithColumn(nameof(PendingPopup.CustomerId)).AsInt32().NotNullable()
            .WithColumn(nameof(PendingPopup.StoreId)).AsInt32().NotNullable()
            .WithColumn(nameof(PendingPopup.FlowRunId)).AsInt32().NotNullable()
            .WithColumn(nameof(PendingPopup.NodeId)).AsString(FlowFieldLengths.NodeId).NotNullable()
            .WithColumn(nameof(PendingPopup.ContentJson)).AsString(int.MaxValue).NotNullable()
            .WithColumn(nameof(PendingPopup.DisplayRulesJson)).AsString(int.MaxValue).Nullable()
            .WithColumn(nameof(PendingPopup.ShowCount)).AsInt32().NotNullable().WithDefaultValue(0);
    }

    #endregion
}
