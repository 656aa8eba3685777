using FluentMigrator.Builders.Create.Table;
using Nop.Core;
using Nop.Data.Mapping.Builders;

namespace Nop.Plugin.Misc.CustomFlows.Data.Mapping.Builders;

/// <summary>
/// Base of the plugin's entity builders. nopCommerce finds a builder by the entity type among the generic
/// arguments of its direct base type, which this class keeps. Columns are declared through FluentMigrator's
/// fluent interfaces rather than the builder class, so the same declaration can be replayed against a recorder.
/// </summary>
/// <remarks>
/// Date-time columns are left to nopCommerce's automatic mapping on purpose: it gives them the shop's date-time
/// precision per database (datetime2 / datetime(6)) and takes nullability from DateTime versus DateTime?.
/// </remarks>
/// <typeparam name="TEntity">Entity type</typeparam>
public abstract partial class CustomFlowsEntityBuilder<TEntity> : NopEntityBuilder<TEntity> where TEntity : BaseEntity
{
    #region Methods

    /// <summary>
    /// Applies the entity's column declarations to the table being created
    /// </summary>
    /// <param name="table">Create table expression builder</param>
    public override void MapEntity(CreateTableExpressionBuilder table)
    {
        MapColumns(table);
    }

    /// <summary>
    /// Declares the entity's columns (type, length, nullability), except date-times
    /// </summary>
    /// <param name="table">The table to declare the columns on</param>
    public abstract void MapColumns(ICreateTableWithColumnSyntax table);

    #endregion
}
