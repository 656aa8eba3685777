using FluentMigrator.Builders;
using FluentMigrator.Builders.Create;
using FluentMigrator.Builders.Create.Column;
using FluentMigrator.Builders.Create.Index;
using FluentMigrator.Builders.Delete;
using FluentMigrator.Builders.Schema;
using FluentMigrator.Builders.Schema.Column;
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
    private readonly Dictionary<string, List<RecordedColumn>> _columns = new(StringComparer.OrdinalIgnoreCase);

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

    //what the schema probes answer during a migration: the database as it was when the migration began. FluentMigrator
    //runs the expressions a migration's Up queues only after Up returns, so Exists() never sees what Up itself created
    private (HashSet<string> Tables, HashSet<(string, string)> Indexes, HashSet<(string, string)> Columns)? _beforeMigration;

    /// <summary>
    /// Starts a migration: from now on the schema probes answer as the database was at this moment
    /// </summary>
    public void BeginMigration() => _beforeMigration = (
        new HashSet<string>(_tables.Keys, StringComparer.OrdinalIgnoreCase),
        _tables.SelectMany(t => t.Value.Select(i => (t.Key.ToLowerInvariant(), i.Name.ToLowerInvariant()))).ToHashSet(),
        _columns.SelectMany(t => t.Value.Select(c => (t.Key.ToLowerInvariant(), c.Name.ToLowerInvariant()))).ToHashSet());

    internal bool TableExisted(string table) =>
        _beforeMigration is { } before ? before.Tables.Contains(table) : _tables.ContainsKey(table);

    internal bool IndexExisted(string table, string index) => _beforeMigration is { } before
        ? before.Indexes.Contains((table.ToLowerInvariant(), index.ToLowerInvariant()))
        : _tables.TryGetValue(table, out var indexes) && indexes.Any(i => string.Equals(i.Name, index, StringComparison.OrdinalIgnoreCase));

    internal bool ColumnExisted(string table, string column) => _beforeMigration is { } before
        ? before.Columns.Contains((table.ToLowerInvariant(), column.ToLowerInvariant()))
        : _columns.TryGetValue(table, out var columns) && columns.Any(c => string.Equals(c.Name, column, StringComparison.OrdinalIgnoreCase));

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

    /// <summary>
    /// Records a column an existing table already has (created with the table), without logging an operation
    /// </summary>
    public void HasColumn(string table, string column)
    {
        if (!_tables.ContainsKey(table))
            throw new InvalidOperationException($"Cannot find the object '{table}'.");

        ColumnsOf(table).Add(new RecordedColumn { Name = column });
    }

    /// <summary>
    /// Gets the known columns of a table
    /// </summary>
    public List<RecordedColumn> ColumnsOf(string table)
    {
        if (!_columns.TryGetValue(table, out var columns))
            _columns[table] = columns = [];

        return columns;
    }

    public ICreateIndexForTableSyntax Index(string indexName) => new RecordedIndex(this, indexName);

    public ICreateColumnOnTableSyntax Column(string columnName) => new AddedColumn(this, columnName);

    internal void AddColumn(string table, RecordedColumn column)
    {
        if (!_tables.ContainsKey(table))
            throw new InvalidOperationException($"Cannot find the object '{table}' to alter.");
        if (ColumnsOf(table).Any(c => string.Equals(c.Name, column.Name, StringComparison.OrdinalIgnoreCase)))
            throw new InvalidOperationException($"Column names in each table must be unique: '{column.Name}' on '{table}'.");

        ColumnsOf(table).Add(column);
        Log.Add($"add column {table}.{column.Name}");
    }

    public IIfExistsOrInSchemaSyntax Table(string tableName)
    {
        if (!_tables.Remove(tableName))
            throw new InvalidOperationException($"Cannot drop the table '{tableName}', because it does not exist.");
        _columns.Remove(tableName);

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
        public bool Exists() => database.TableExisted(table);

        public ISchemaColumnSyntax Column(string columnName) => new ColumnProbe(database.ColumnExisted(table, columnName));

        public ISchemaIndexSyntax Index(string indexName) => new IndexProbe(database.IndexExisted(table, indexName));
    }

    private sealed class IndexProbe(bool exists) : ISchemaIndexSyntax
    {
        public bool Exists() => exists;
    }

    private sealed class ColumnProbe(bool exists) : ISchemaColumnSyntax
    {
        public bool Exists() => exists;
    }

    /// <summary>
    /// A column declared through FluentMigrator's create-column chain; it joins its table when the type is given
    /// </summary>
    private sealed class AddedColumn(FakeDatabase database, string name) :
        ICreateColumnOnTableSyntax, ICreateColumnAsTypeOrInSchemaSyntax, ICreateColumnOptionSyntax
    {
        private readonly RecordedColumn _column = new() { Name = name };
        private string _table;

        public ICreateColumnAsTypeOrInSchemaSyntax OnTable(string tableName)
        {
            _table = tableName;
            return this;
        }

        public ICreateColumnAsTypeSyntax InSchema(string schemaName) => this;

        private ICreateColumnOptionSyntax Type(string type, int? size = null, int? precision = null)
        {
            _column.Type = type;
            _column.Size = size;
            _column.Precision = precision;
            database.AddColumn(_table, _column);
            return this;
        }

        public ICreateColumnOptionSyntax AsBoolean() => Type("Boolean");

        public ICreateColumnOptionSyntax AsDateTime2() => Type("DateTime2");

        public ICreateColumnOptionSyntax AsDecimal(int size, int precision) => Type("Decimal", size, precision);

        public ICreateColumnOptionSyntax AsInt32() => Type("Int32");

        public ICreateColumnOptionSyntax AsString(int size) => Type("String", size);

        public ICreateColumnOptionSyntax NotNullable()
        {
            _column.IsNullable = false;
            return this;
        }

        public ICreateColumnOptionSyntax Nullable()
        {
            _column.IsNullable = true;
            return this;
        }

        public ICreateColumnOptionSyntax WithDefaultValue(object value)
        {
            _column.DefaultValue = value;
            return this;
        }

        public ICreateColumnOptionSyntax SetExistingRowsTo(object value) => this;
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
public class RecordingSchemaWriter : SchemaWriter
{
    private readonly FakeDatabase database;

    /// <summary>
    /// A writer for one migration (or one setup step): the probes see the database as it was when the writer was made
    /// </summary>
    public RecordingSchemaWriter(FakeDatabase database)
        : base(database, database, database, type => type.Name, (_, property) => property)
    {
        this.database = database;
        database.BeginMigration();
    }

    protected override void CreateTable(PluginTable table)
    {
        //nopCommerce's TableFor creates a column for every mapped property of the entity
        database.AddTable(table.EntityType.Name);
        foreach (var property in PluginEntities.MappedProperties(table.EntityType))
            database.HasColumn(table.EntityType.Name, property.Name);
    }
}
