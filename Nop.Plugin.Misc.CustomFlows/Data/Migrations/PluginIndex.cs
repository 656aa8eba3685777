namespace Nop.Plugin.Misc.CustomFlows.Data.Migrations;

/// <summary>
/// An index one of the plugin's queries relies on
/// </summary>
public sealed partial class PluginIndex
{
    #region Ctor

    private PluginIndex(bool isUnique, string[] columns)
    {
        if (columns is null || columns.Length == 0)
            throw new ArgumentException("An index needs at least one column.", nameof(columns));

        IsUnique = isUnique;
        Columns = columns;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Describes a plain index
    /// </summary>
    /// <param name="columns">Entity property names, in index order</param>
    /// <returns>The index</returns>
    public static PluginIndex On(params string[] columns) => new(false, columns);

    /// <summary>
    /// Describes a unique index
    /// </summary>
    /// <param name="columns">Entity property names, in index order</param>
    /// <returns>The index</returns>
    public static PluginIndex UniqueOn(params string[] columns) => new(true, columns);

    /// <summary>
    /// Gets the index name on the given table: IX_ or UX_ (unique), the table, then the columns
    /// </summary>
    /// <param name="tableName">Table name</param>
    /// <returns>The index name</returns>
    public string GetName(string tableName) => $"{(IsUnique ? "UX" : "IX")}_{tableName}_{string.Join("_", Columns)}";

    #endregion

    #region Properties

    /// <summary>
    /// Gets a value indicating whether the index rejects duplicate keys
    /// </summary>
    public bool IsUnique { get; }

    /// <summary>
    /// Gets the entity property names of the key, in order
    /// </summary>
    public IReadOnlyList<string> Columns { get; }

    #endregion
}
