using FluentMigrator.Builders.Create;
using FluentMigrator.Builders.Create.Index;
using FluentMigrator.Builders.Delete;
using FluentMigrator.Builders.Schema;

namespace Nop.Plugin.Misc.CustomFlows.Data.Migrations;

/// <summary>
/// Turns table descriptions into FluentMigrator expressions. Every step checks the database first, so a
/// migration can run against a schema that is partly there (an older install, a failed uninstall).
/// </summary>
public partial class SchemaWriter
{
    #region Fields

    private readonly ICreateExpressionRoot _create;
    private readonly IDeleteExpressionRoot _delete;
    private readonly Func<Type, string, string> _getColumnName;
    private readonly Func<Type, string> _getTableName;
    private readonly ISchemaExpressionRoot _schema;

    //FluentMigrator runs what a migration queues after its Up returns, so the schema probes never see it: what this
    //writer queued is remembered here, or a table named twice in one migration would be created twice
    private readonly HashSet<string> _queuedTables = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _queuedIndexes = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _queuedColumns = new(StringComparer.OrdinalIgnoreCase);

    #endregion

    #region Ctor

    /// <summary>
    /// Creates a writer over a migration's expression roots
    /// </summary>
    /// <param name="create">Create expression root</param>
    /// <param name="delete">Delete expression root</param>
    /// <param name="schema">Schema expression root</param>
    /// <param name="getTableName">Table name of an entity type</param>
    /// <param name="getColumnName">Column name of an entity property</param>
    public SchemaWriter(ICreateExpressionRoot create, IDeleteExpressionRoot delete, ISchemaExpressionRoot schema,
        Func<Type, string> getTableName, Func<Type, string, string> getColumnName)
    {
        _create = create;
        _delete = delete;
        _schema = schema;
        _getTableName = getTableName;
        _getColumnName = getColumnName;
    }

    #endregion

    #region Utilities

    /// <summary>
    /// Adds the create-table expression of a table
    /// </summary>
    /// <param name="table">Table description</param>
    protected virtual void CreateTable(PluginTable table)
    {
        table.CreateIn(_create);
    }

    /// <summary>
    /// Adds the create-index expression of an index
    /// </summary>
    /// <param name="table">Table description</param>
    /// <param name="tableName">Table name</param>
    /// <param name="index">Index description</param>
    protected virtual void CreateIndex(PluginTable table, string tableName, PluginIndex index)
    {
        ICreateIndexOnColumnSyntax columns = _create.Index(index.GetName(tableName)).OnTable(tableName);

        foreach (var column in index.Columns)
            columns = columns.OnColumn(_getColumnName(table.EntityType, column)).Ascending();

        if (index.IsUnique)
            columns.WithOptions().Unique();
    }

    private bool TableExistsOrQueued(string tableName) => _queuedTables.Contains(tableName) || _schema.Table(tableName).Exists();

    #endregion

    #region Methods

    /// <summary>
    /// Creates the tables and indexes that do not exist yet, in the given order
    /// </summary>
    /// <param name="tables">Table descriptions</param>
    public virtual void CreateMissing(IEnumerable<PluginTable> tables)
    {
        foreach (var table in tables)
        {
            var tableName = _getTableName(table.EntityType);
            if (!TableExistsOrQueued(tableName))
            {
                CreateTable(table);
                _queuedTables.Add(tableName);
            }

            foreach (var index in table.Indexes)
            {
                var indexName = index.GetName(tableName);
                if (_queuedIndexes.Contains($"{tableName}.{indexName}") || _schema.Table(tableName).Index(indexName).Exists())
                    continue;

                CreateIndex(table, tableName, index);
                _queuedIndexes.Add($"{tableName}.{indexName}");
            }
        }
    }

    /// <summary>
    /// Adds the columns that are missing from existing tables; a table that does not exist yet is left to
    /// <see cref="CreateMissing"/>, whose builder already declares the column
    /// </summary>
    /// <param name="columns">Columns added after their tables were first shipped</param>
    public virtual void AddMissingColumns(IEnumerable<PluginColumn> columns)
    {
        foreach (var column in columns)
        {
            var tableName = _getTableName(column.EntityType);
            //a table this migration creates gets the column with the table
            if (_queuedTables.Contains(tableName) || !_schema.Table(tableName).Exists())
                continue;

            var columnName = _getColumnName(column.EntityType, column.PropertyName);
            if (_queuedColumns.Contains($"{tableName}.{columnName}") || _schema.Table(tableName).Column(columnName).Exists())
                continue;

            column.Define(_create.Column(columnName).OnTable(tableName));
            _queuedColumns.Add($"{tableName}.{columnName}");
        }
    }

    /// <summary>
    /// Drops the tables that exist (their indexes go with them), in reverse order
    /// </summary>
    /// <param name="tables">Table descriptions</param>
    public virtual void DropExisting(IEnumerable<PluginTable> tables)
    {
        foreach (var table in tables.Reverse())
        {
            var tableName = _getTableName(table.EntityType);
            if (_schema.Table(tableName).Exists())
                _delete.Table(tableName);
        }
    }

    #endregion
}
