using FluentMigrator.Builders.Create;
using Nop.Core;
using Nop.Data.Extensions;

namespace Nop.Plugin.Misc.CustomFlows.Data.Migrations;

/// <summary>
/// A table the plugin owns: the entity it stores and the indexes its queries need
/// </summary>
public sealed partial class PluginTable
{
    #region Fields

    private readonly Action<ICreateExpressionRoot> _createTable;

    #endregion

    #region Ctor

    /// <summary>
    /// Describes a table
    /// </summary>
    /// <param name="entityType">Entity type stored in the table</param>
    /// <param name="createTable">Adds the create-table expression to a migration</param>
    /// <param name="indexes">Indexes of the table</param>
    public PluginTable(Type entityType, Action<ICreateExpressionRoot> createTable, IEnumerable<PluginIndex> indexes)
    {
        EntityType = entityType ?? throw new ArgumentNullException(nameof(entityType));
        _createTable = createTable ?? throw new ArgumentNullException(nameof(createTable));
        Indexes = indexes?.ToList() ?? [];
    }

    #endregion

    #region Methods

    /// <summary>
    /// Describes the table of an entity, created the nopCommerce way (its entity builder plus automatic mapping)
    /// </summary>
    /// <typeparam name="TEntity">Entity type</typeparam>
    /// <param name="indexes">Indexes of the table</param>
    /// <returns>The table</returns>
    public static PluginTable For<TEntity>(params PluginIndex[] indexes) where TEntity : BaseEntity =>
        new(typeof(TEntity), create => create.TableFor<TEntity>(), indexes);

    /// <summary>
    /// Adds the create-table expression to a migration
    /// </summary>
    /// <param name="create">The migration's create expression root</param>
    public void CreateIn(ICreateExpressionRoot create)
    {
        _createTable(create);
    }

    #endregion

    #region Properties

    /// <summary>
    /// Gets the entity type stored in the table
    /// </summary>
    public Type EntityType { get; }

    /// <summary>
    /// Gets the indexes of the table
    /// </summary>
    public IReadOnlyList<PluginIndex> Indexes { get; }

    #endregion
}
