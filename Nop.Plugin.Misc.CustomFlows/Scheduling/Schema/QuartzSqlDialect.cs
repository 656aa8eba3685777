using System.Text;

namespace Nop.Plugin.Misc.CustomFlows.Scheduling.Schema;

/// <summary>
/// Renders the portable table description in one database's SQL
/// </summary>
internal abstract class QuartzSqlDialect
{
    protected QuartzSqlDialect(string prefix)
    {
        Prefix = prefix;
    }

    protected string Prefix { get; }

    public static QuartzSqlDialect For(SchedulerDatabase database, string prefix) => database switch
    {
        SchedulerDatabase.PostgreSql => new PostgreSqlDialect(prefix),
        SchedulerDatabase.SqlServer => new SqlServerDialect(prefix),
        SchedulerDatabase.MySql => new MySqlDialect(prefix),
        _ => throw new ArgumentOutOfRangeException(nameof(database), database, "Unknown scheduler database.")
    };

    public string CreateTable(QuartzTable table)
    {
        var sql = new StringBuilder();
        sql.Append("CREATE TABLE ").Append(Table(table.Name)).Append(" (\n");
        foreach (var column in table.Columns)
        {
            sql.Append("    ").Append(Quote(column.Name)).Append(' ').Append(TypeOf(column));
            if (column.DefaultFalse)
                sql.Append(" DEFAULT ").Append(FalseLiteral);
            sql.Append(column.Nullable ? " NULL" : " NOT NULL").Append(",\n");
        }

        sql.Append("    CONSTRAINT ").Append(Quote($"{Prefix}PK_{table.Name}"))
            .Append(" PRIMARY KEY (").Append(ColumnList(table.PrimaryKey)).Append(')');

        foreach (var foreignKey in table.ForeignKeys)
        {
            var referenced = QuartzTables.All.Single(candidate => candidate.Name == foreignKey.ReferencedTable);
            sql.Append(",\n    CONSTRAINT ").Append(Quote($"{Prefix}FK_{table.Name}"))
                .Append(" FOREIGN KEY (").Append(ColumnList(foreignKey.Columns)).Append(')')
                .Append(" REFERENCES ").Append(Table(referenced.Name))
                .Append(" (").Append(ColumnList(referenced.PrimaryKey)).Append(')');
            if (foreignKey.CascadeDelete)
                sql.Append(" ON DELETE CASCADE");
        }

        sql.Append("\n)").Append(TableOptions);
        return sql.ToString();
    }

    public string CreateIndex(QuartzTable table, QuartzIndex index)
    {
        return $"CREATE INDEX {Quote($"{Prefix}IX_{index.Name}")} ON {Table(table.Name)} ({ColumnList(index.Columns)})";
    }

    public virtual string DropTable(QuartzTable table)
    {
        return $"DROP TABLE IF EXISTS {Table(table.Name)}";
    }

    protected string Table(string name) => Quote(Prefix + name);

    protected abstract string Quote(string identifier);

    protected abstract string TypeOf(QuartzColumn column);

    protected abstract string FalseLiteral { get; }

    protected virtual string TableOptions => string.Empty;

    private string ColumnList(IEnumerable<string> columns) => string.Join(", ", columns.Select(Quote));

    private sealed class PostgreSqlDialect(string prefix) : QuartzSqlDialect(prefix)
    {
        // Quartz writes its SQL unquoted, which PostgreSQL folds to lower case: the tables must be lower case.
        protected override string Quote(string identifier) => identifier.ToLowerInvariant();

        protected override string FalseLiteral => "FALSE";

        protected override string TypeOf(QuartzColumn column) => column.Type switch
        {
            QuartzColumnType.String => $"VARCHAR({column.Length})",
            QuartzColumnType.Boolean => "BOOLEAN",
            QuartzColumnType.SmallInt => "SMALLINT",
            QuartzColumnType.Int => "INTEGER",
            QuartzColumnType.BigInt => "BIGINT",
            QuartzColumnType.Decimal => "NUMERIC(13,4)",
            QuartzColumnType.Binary => "BYTEA",
            _ => throw new ArgumentOutOfRangeException(nameof(column), column.Type, null)
        };
    }

    private sealed class SqlServerDialect(string prefix) : QuartzSqlDialect(prefix)
    {
        protected override string Quote(string identifier) => $"[{identifier}]";

        protected override string FalseLiteral => "0";

        protected override string TypeOf(QuartzColumn column) => column.Type switch
        {
            QuartzColumnType.String => $"NVARCHAR({column.Length})",
            QuartzColumnType.Boolean => "BIT",
            QuartzColumnType.SmallInt => "SMALLINT",
            QuartzColumnType.Int => "INT",
            QuartzColumnType.BigInt => "BIGINT",
            QuartzColumnType.Decimal => "NUMERIC(13,4)",
            QuartzColumnType.Binary => "VARBINARY(MAX)",
            _ => throw new ArgumentOutOfRangeException(nameof(column), column.Type, null)
        };
    }

    private sealed class MySqlDialect(string prefix) : QuartzSqlDialect(prefix)
    {
        // Quartz sends the names upper case, and MySQL table names are case-sensitive on Linux.
        protected override string Quote(string identifier) => $"`{identifier}`";

        protected override string FalseLiteral => "FALSE";

        // utf8mb4 keeps the three-column keys (120 + 200 + 200 characters) within InnoDB's 3072-byte
        // limit; the binary collation compares job and trigger names case-sensitively, as Quartz does.
        protected override string TableOptions => " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin";

        protected override string TypeOf(QuartzColumn column) => column.Type switch
        {
            QuartzColumnType.String => $"VARCHAR({column.Length})",
            QuartzColumnType.Boolean => "BOOLEAN",
            QuartzColumnType.SmallInt => "SMALLINT",
            QuartzColumnType.Int => "INT",
            QuartzColumnType.BigInt => "BIGINT",
            QuartzColumnType.Decimal => "NUMERIC(13,4)",
            // BLOB stops at 64 KB; a calendar with many holidays can outgrow it.
            QuartzColumnType.Binary => "MEDIUMBLOB",
            _ => throw new ArgumentOutOfRangeException(nameof(column), column.Type, null)
        };
    }
}
