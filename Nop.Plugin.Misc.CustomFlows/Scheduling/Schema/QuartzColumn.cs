namespace Nop.Plugin.Misc.CustomFlows.Scheduling.Schema;

/// <summary>
/// The portable column types of the Quartz tables; each dialect maps them to its own
/// </summary>
public enum QuartzColumnType
{
    /// <summary>Text of at most <see cref="QuartzColumn.Length"/> characters</summary>
    String,

    /// <summary>True / false</summary>
    Boolean,

    /// <summary>16-bit integer</summary>
    SmallInt,

    /// <summary>32-bit integer</summary>
    Int,

    /// <summary>64-bit integer (Quartz keeps times as ticks)</summary>
    BigInt,

    /// <summary>Exact decimal number with 13 digits, 4 after the point</summary>
    Decimal,

    /// <summary>Serialized data</summary>
    Binary
}

/// <summary>
/// One column of a Quartz table
/// </summary>
/// <param name="Name">The column name as Quartz's SQL spells it</param>
/// <param name="Type">The portable type</param>
/// <param name="Nullable">Whether the column accepts NULL</param>
/// <param name="Length">The maximum length of a <see cref="QuartzColumnType.String"/> column</param>
/// <param name="DefaultFalse">Whether a boolean column defaults to false (for columns Quartz may not write)</param>
public sealed record QuartzColumn(string Name, QuartzColumnType Type, bool Nullable, int Length = 0, bool DefaultFalse = false);

/// <summary>
/// A foreign key from a Quartz table to another
/// </summary>
/// <param name="Columns">The referencing columns, in the order of the referenced table's primary key</param>
/// <param name="ReferencedTable">The referenced table, without prefix</param>
/// <param name="CascadeDelete">Whether deleting the referenced row deletes this one</param>
public sealed record QuartzForeignKey(IReadOnlyList<string> Columns, string ReferencedTable, bool CascadeDelete);

/// <summary>
/// A secondary index of a Quartz table
/// </summary>
/// <param name="Name">The index name without prefix</param>
/// <param name="Columns">The indexed columns in order</param>
public sealed record QuartzIndex(string Name, IReadOnlyList<string> Columns);

/// <summary>
/// One Quartz table
/// </summary>
/// <param name="Name">The table name without prefix</param>
/// <param name="Columns">The columns in order</param>
/// <param name="PrimaryKey">The primary key columns</param>
/// <param name="ForeignKeys">The foreign keys</param>
/// <param name="Indexes">The secondary indexes</param>
public sealed record QuartzTable(
    string Name,
    IReadOnlyList<QuartzColumn> Columns,
    IReadOnlyList<string> PrimaryKey,
    IReadOnlyList<QuartzForeignKey> ForeignKeys,
    IReadOnlyList<QuartzIndex> Indexes);
