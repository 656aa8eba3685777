using FluentMigrator.Builders.Create.Table;
using Nop.Plugin.Misc.CustomFlows.Domain;

namespace Nop.Plugin.Misc.CustomFlows.Data.Mapping.Builders;

/// <summary>
/// Table mapping of <see cref="Flow"/>
/// </summary>
public partial class FlowBuilder : CustomFlowsEntityBuilder<Flow>
{
    #region Methods

    /// <inheritdoc />
    public override void MapColumns(ICreateTableWithColumnSyntax table)
    {
        table
            .WithColumn(nameof(Flow.Name)).AsString(FlowFieldLengths.Name).NotNullable()
            .WithColumn(nameof(Flow.Description)).AsString(int.MaxValue).Nullable()
            .WithColumn(nameof(Flow.StatusId)).AsInt32().NotNullable()
            .WithColumn(nameof(Flow.PublishedVersionId)).AsInt32().Nullable()
            .WithColumn(nameof(Flow.Priority)).AsInt32().NotNullable()
            .WithColumn(nameof(Flow.LimitedToStores)).AsBoolean().NotNullable();
    }

    #endregion
}
