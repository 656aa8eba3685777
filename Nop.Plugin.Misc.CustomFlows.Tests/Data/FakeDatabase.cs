using FluentMigrator.Builders;
using FluentMigrator.Builders.Create;
using FluentMigrator.Builders.Create.Index;
using FluentMigrator.Builders.Delete;
using FluentMigrator.Builders.Schema;
using FluentMigrator.Builders.Schema.Index;
using FluentMigrator.Builders.Schema.Table;
using Nop.Plugin.Misc.CustomFlows.Data.Migrations;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Data;

/// <summary>
/// A database as FluentMigrator's Create, Delete and Schema roots see it: a set of tables and their indexes,
/// changed at once by each expression (the real runner queues them, which makes no difference to checks made
/// before the change, as the plugin's are).
/// </summary>
public class FakeDatabase : ICreateExpressionRoot, IDeleteExpressionRoot, ISchemaExpressionRoot
{
    private readonly Dictionary<string, List<RecordedIndex>> _tables = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Gets every operation in order, e.g. "create table Flow", "create index IX_...", "drop table Flow"
    /// </summary>
    public List<string> Log { get; } = [];

    /// <summary>
    /// Gets the names of the existing tables
    /// </summary>
    public IReadOnlyCollection<string> Tables => _tables.Keys;

    /// <summary>
    /// Gets the indexes of an existing table
    /// </summary>
    public IReadOnlyList<RecordedIndex> IndexesOf(string table) => _tables[table];

    /// <summary>
    /// Adds a table, as the create-table expression would
    /// </summary>
    public void AddTable(string name)
    {
        if (_tables.ContainsKey(name))
            throw new InvalidOperationException($"There is already an object named '{name}' in the database.");

        _tables[name] = [];
        Log.Add($"create table {name}");
    }

    public ICreateIndexForTableSyntax Index(string indexName) => new RecordedIndex(this, indexName);

    public IIfExistsOrInSchemaSyntax Table(string tableName)
    {
        if (!_tables.Remove(tableName))
            throw new InvalidOperationException($"Cannot drop the table '{tableName}', because it does not exist.");

        Log.Add($"drop table {tableName}");
        return new DropResult();
    }

    ISchemaTableSyntax ISchemaExpressionRoot.Table(string tableName) => new TableProbe(this, tableName);

    internal void AddIndex(string table, RecordedIndex index)
    {
        if (!_tables.TryGetValue(table, out var indexes))
            throw new InvalidOperationException($"Cannot find the object '{table}' to index.");
        if (indexes.Any(i => string.Equals(i.Name, index.Name, StringComparison.OrdinalIgnoreCase)))
            throw new InvalidOperationException($"The index '{index.Name}' already exists on '{table}'.");

        indexes.Add(index);
        Log.Add($"create index {index.Name}");
    }

    private sealed class DropResult : IIfExistsOrInSchemaSyntax
    {
    }

    private sealed class TableProbe(FakeDatabase database, string table) : ISchemaTableSyntax
    {
        public bool Exists() => database._tables.ContainsKey(table);

        public ISchemaIndexSyntax Index(string indexName) => new IndexProbe(
            database._tables.TryGetValue(table, out var indexes) && indexes.Any(i => string.Equals(i.Name, indexName, StringComparison.OrdinalIgnoreCase)));
    }

    private sealed class IndexProbe(bool exists) : ISchemaIndexSyntax
    {
        public bool Exists() => exists;
    }
}

/// <summary>
/// An index declared through FluentMigrator's create-index chain
/// </summary>
public class RecordedIndex(FakeDatabase database, string name) :
    ICreateIndexForTableSyntax, ICreateIndexOnColumnOrInSchemaSyntax, ICreateIndexColumnOptionsSyntax, ICreateIndexMoreColumnOptionsSyntax, ICreateIndexOptionsSyntax
{
    public string Name { get; } = name;

    public string TableName { get; private set; }

    public List<string> Columns { get; } = [];

    public bool IsUnique { get; private set; }

    public ICreateIndexOnColumnOrInSchemaSyntax OnTable(string tableName)
    {
        TableName = tableName;
        database.AddIndex(tableName, this);
        return this;
    }

    public ICreateIndexColumnOptionsSyntax OnColumn(string columnName)
    {
        Columns.Add(columnName);
        return this;
    }

    public ICreateIndexMoreColumnOptionsSyntax Ascending() => this;

    public ICreateIndexOptionsSyntax WithOptions() => this;

    public ICreateIndexOnColumnSyntax Unique()
    {
        IsUnique = true;
        return this;
    }
}

/// <summary>
/// The plugin's schema writer over a <see cref="FakeDatabase"/>. Creating a table goes to the fake instead of
/// nopCommerce's TableFor (which needs a running shop); everything else is the production code.
/// </summary>
public class RecordingSchemaWriter(FakeDatabase database)
    : SchemaWriter(database, database, database, type => type.Name, (_, property) => property)
{
    protected override void CreateTable(FlowTable table)
    {
        database.AddTable(table.EntityType.Name);
    }
}
