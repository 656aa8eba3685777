using System.Globalization;
using System.Text;

namespace Nop.Plugin.Misc.CustomFlows.Scheduling.Schema;

/// <summary>
/// Renders the portable table description in one database's SQL. The dialects differ only in data:
/// how a name is quoted, the name of each column type, the false literal and the table options.
/// </summary>
internal sealed class QuartzSqlDialect
{
    #region Fields

    private readonly string _prefix;
    private readonly Func<string, string> _quote;
    private readonly IReadOnlyDictionary<QuartzColumnType, string> _types;
    private readonly string _falseLiteral;
    private readonly string _tableOptions;

    #endregion

    #region Ctor

    private QuartzSqlDialect(string prefix, Func<string, string> quote, IReadOnlyDictionary<QuartzColumnType, string> types,
        string falseLiteral, string tableOptions = "")
    {
        _prefix = prefix;
        _quote = quote;
        _types = types;
        _falseLiteral = falseLiteral;
        _tableOptions = tableOptions;
    }

    #endregion

    #region Methods

    public static QuartzSqlDialect For(SchedulerDatabase database, string prefix) => database switch
    {
        // Quartz writes its SQL unquoted, which PostgreSQL folds to lower case: the tables must be lower case.
        SchedulerDatabase.PostgreSql => new(prefix, name => name.ToLowerInvariant(),
            Types("VARCHAR({0})", "BOOLEAN", "SMALLINT", "INTEGER", "BIGINT", "NUMERIC(13,4)", "BYTEA"), "FALSE"),

        SchedulerDatabase.SqlServer => new(prefix, name => $"[{name}]",
            Types("NVARCHAR({0})", "BIT", "SMALLINT", "INT", "BIGINT", "NUMERIC(13,4)", "VARBINARY(MAX)"), "0"),

        // Quartz sends the names upper case, and MySQL table names are case-sensitive on Linux. BLOB stops
        // at 64 KB, which a calendar with many holidays can outgrow. utf8mb4 keeps the three-column keys
        // (120 + 200 + 200 characters) within InnoDB's 3072-byte limit; the binary collation compares job
        // and trigger names case-sensitively, as Quartz does.
        SchedulerDatabase.MySql => new(prefix, name => $"`{name}`",
            Types("VARCHAR({0})", "BOOLEAN", "SMALLINT", "INT", "BIGINT", "NUMERIC(13,4)", "MEDIUMBLOB"), "FALSE",
            " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin"),

        _ => throw new ArgumentOutOfRangeException(nameof(database), database, "Unknown scheduler database.")
    };

    public string CreateTable(QuartzTable table)
    {
        var sql = new StringBuilder();
        sql.Append("CREATE TABLE ").Append(Table(table.Name)).Append(" (\n");
        foreach (var column in table.Columns)
        {
            sql.Append("    ").Append(_quote(column.Name)).Append(' ').Append(TypeOf(column));
            if (column.DefaultFalse)
                sql.Append(" DEFAULT ").Append(_falseLiteral);
            sql.Append(column.Nullable ? " NULL" : " NOT NULL").Append(",\n");
        }

        sql.Append("    CONSTRAINT ").Append(_quote($"{_prefix}PK_{table.Name}"))
            .Append(" PRIMARY KEY (").Append(ColumnList(table.PrimaryKey)).Append(')');

        foreach (var foreignKey in table.ForeignKeys)
        {
            var referenced = QuartzTables.All.Single(candidate => candidate.Name == foreignKey.ReferencedTable);
            sql.Append(",\n    CONSTRAINT ").Append(_quote($"{_prefix}FK_{table.Name}"))
                .Append(" FOREIGN KEY (").Append(ColumnList(foreignKey.Columns)).Append(')')
                .Append(" REFERENCES ").Append(Table(referenced.Name))
                .Append(" (").Append(ColumnList(referenced.PrimaryKey)).Append(')');
            if (foreignKey.CascadeDelete)
                sql.Append(" ON DELETE CASCADE");
        }

        sql.Append("\n)").Append(_tableOptions);
        return sql.ToString();
    }

    public string CreateIndex(QuartzTable table, QuartzIndex index)
    {
        return $"CREATE INDEX {_quote($"{_prefix}IX_{index.Name}")} ON {Table(table.Name)} ({ColumnList(index.Columns)})";
    }

    public string DropTable(QuartzTable table)
    {
        return $"DROP TABLE IF EXISTS {Table(table.Name)}";
    }

    #endregion

    #region Utilities

    private static Dictionary<QuartzColumnType, string> Types(string text, string boolean, string smallInt, string integer,
        string bigInt, string exactDecimal, string binary) => new()
    {
        [QuartzColumnType.String] = text,
        [QuartzColumnType.Boolean] = boolean,
        [QuartzColumnType.SmallInt] = smallInt,
        [QuartzColumnType.Int] = integer,
        [QuartzColumnType.BigInt] = bigInt,
        [QuartzColumnType.Decimal] = exactDecimal,
        [QuartzColumnType.Binary] = binary
    };

    private string TypeOf(QuartzColumn column) => string.Format(CultureInfo.InvariantCulture, _types[column.Type], column.Length);

    private string Table(string name) => _quote(_prefix + name);

    private string ColumnList(IEnumerable<string> columns) => string.Join(", ", columns.Select(_quote));

    #endregion
}
