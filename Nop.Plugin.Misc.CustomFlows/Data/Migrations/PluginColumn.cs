using FluentMigrator.Builders.Create.Column;
using Nop.Core;

namespace Nop.Plugin.Misc.CustomFlows.Data.Migrations;

/// <summary>
/// A column added to one of the plugin's tables after that table was first shipped. A fresh install gets it from the
/// entity's builder with the table; a shop that already has the table gets it from an update migration.
/// </summary>
public sealed partial class PluginColumn
{
    #region Fields

    private readonly Func<ICreateColumnAsTypeSyntax, ICreateColumnOptionSyntax> _define;

    #endregion

    #region Ctor

    private PluginColumn(Type entityType, string propertyName, Func<ICreateColumnAsTypeSyntax, ICreateColumnOptionSyntax> define)
    {
        EntityType = entityType;
        PropertyName = propertyName;
        _define = define;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Describes a column of an entity's table
    /// </summary>
    /// <typeparam name="TEntity">Entity type</typeparam>
    /// <param name="propertyName">Entity property name</param>
    /// <param name="define">Type and options of the column, as the entity's builder declares them</param>
    /// <returns>The column</returns>
    public static PluginColumn Of<TEntity>(string propertyName, Func<ICreateColumnAsTypeSyntax, ICreateColumnOptionSyntax> define)
        where TEntity : BaseEntity
    {
        if (string.IsNullOrWhiteSpace(propertyName) || typeof(TEntity).GetProperty(propertyName) is null)
            throw new ArgumentException($"{typeof(TEntity).Name} has no property '{propertyName}'.", nameof(propertyName));
        ArgumentNullException.ThrowIfNull(define);

        return new PluginColumn(typeof(TEntity), propertyName, define);
    }

    /// <summary>
    /// Declares the column's type and options
    /// </summary>
    /// <param name="column">The column being created</param>
    public void Define(ICreateColumnAsTypeSyntax column)
    {
        _define(column);
    }

    #endregion

    #region Properties

    /// <summary>
    /// Gets the entity whose table gets the column
    /// </summary>
    public Type EntityType { get; }

    /// <summary>
    /// Gets the entity property the column stores
    /// </summary>
    public string PropertyName { get; }

    #endregion
}
