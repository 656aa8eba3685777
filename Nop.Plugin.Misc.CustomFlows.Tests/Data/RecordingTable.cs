using FluentMigrator.Builders.Create.Table;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Data;

/// <summary>
/// Stands in for FluentMigrator's create-table builder and writes down every column declaration, so an entity
/// builder's mapping can be checked without a database or the real FluentMigrator.
/// </summary>
public class RecordingTable : ICreateTableWithColumnSyntax, ICreateTableColumnAsTypeSyntax, ICreateTableColumnOptionOrWithColumnSyntax
{
    private readonly List<string> _mistakes = [];

    /// <summary>
    /// Gets the declared columns, in order
    /// </summary>
    public List<RecordedColumn> Columns { get; } = [];

    /// <summary>
    /// Gets declarations that would not make sense to FluentMigrator (type or nullability set twice, option before a column)
    /// </summary>
    public IReadOnlyList<string> Mistakes => _mistakes;

    private RecordedColumn Current
    {
        get
        {
            if (Columns.Count == 0)
                throw new InvalidOperationException("A column option was declared before any column.");

            return Columns[^1];
        }
    }

    private ICreateTableColumnOptionOrWithColumnSyntax Type(string type, int? size = null, int? precision = null)
    {
        if (Current.Type is not null)
            _mistakes.Add($"{Current.Name}: type set twice");

        Current.Type = type;
        Current.Size = size;
        Current.Precision = precision;
        return this;
    }

    private ICreateTableColumnOptionOrWithColumnSyntax Nullability(bool nullable)
    {
        if (Current.IsNullable is not null)
            _mistakes.Add($"{Current.Name}: nullability set twice");

        Current.IsNullable = nullable;
        return this;
    }

    public ICreateTableColumnAsTypeSyntax WithColumn(string name)
    {
        Columns.Add(new RecordedColumn { Name = name });
        return this;
    }

    public ICreateTableColumnOptionOrWithColumnSyntax AsBoolean() => Type("Boolean");

    public ICreateTableColumnOptionOrWithColumnSyntax AsDecimal(int size, int precision) => Type("Decimal", size, precision);

    public ICreateTableColumnOptionOrWithColumnSyntax AsDateTime2() => Type("DateTime2");

    public ICreateTableColumnOptionOrWithColumnSyntax AsInt32() => Type("Int32");

    public ICreateTableColumnOptionOrWithColumnSyntax AsString(int size) => Type("String", size);

    public ICreateTableColumnOptionOrWithColumnSyntax NotNullable() => Nullability(false);

    public ICreateTableColumnOptionOrWithColumnSyntax Nullable() => Nullability(true);

    public ICreateTableColumnOptionOrWithColumnSyntax WithDefaultValue(object value)
    {
        Current.DefaultValue = value;
        return this;
    }
}

/// <summary>
/// One recorded column declaration
/// </summary>
public class RecordedColumn
{
    public string Name { get; set; }

    public string Type { get; set; }

    public int? Size { get; set; }

    public int? Precision { get; set; }

    public bool? IsNullable { get; set; }

    public object DefaultValue { get; set; }

    public override string ToString() => $"{Name} {Type}({Size},{Precision}) {(IsNullable == true ? "NULL" : IsNullable == false ? "NOT NULL" : "?")}"
        + (DefaultValue is null ? string.Empty : $" DEFAULT {DefaultValue}");
}
