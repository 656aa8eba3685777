using System.Text;
using System.Text.RegularExpressions;

namespace Nop.Plugin.Misc.CustomFlows.Scheduling.Schema;

/// <summary>
/// DDL of the Quartz job store tables for the databases nopCommerce supports, rendered from
/// <see cref="QuartzTables"/>. A migration runs <see cref="CreateStatements"/> when clustering is
/// switched on and <see cref="DropStatements"/> when the plugin is uninstalled.
/// </summary>
public static partial class QuartzSchema
{
    #region Constants

    /// <summary>
    /// The plugin's default table prefix. Not Quartz's usual <c>QRTZ_</c>: a shop may already run
    /// Quartz for something else, and its tables must stay untouched by the plugin's install and uninstall.
    /// </summary>
    public const string DefaultTablePrefix = "CF_QRTZ_";

    // The longest name built from the prefix is an index name of 24 more characters; 30 keeps it
    // within PostgreSQL's 63 and MySQL's 64 character limits.
    private const int MaxPrefixLength = 30;

    #endregion

    #region Methods

    /// <summary>
    /// Checks that a table prefix can be used unquoted in every supported database
    /// </summary>
    /// <param name="prefix">The prefix</param>
    /// <returns>The prefix, unchanged</returns>
    /// <exception cref="ArgumentException">The prefix is empty, too long or has characters other than letters, digits and underscores</exception>
    public static string ValidatePrefix(string prefix)
    {
        if (string.IsNullOrEmpty(prefix) || prefix.Length > MaxPrefixLength || !PrefixPattern().IsMatch(prefix))
            throw new ArgumentException($"The Quartz table prefix '{prefix}' must be 1-{MaxPrefixLength} letters, digits or underscores, starting with a letter.", nameof(prefix));

        return prefix;
    }

    /// <summary>
    /// Gets the statements creating the Quartz tables and indexes, one statement each, in dependency order
    /// </summary>
    /// <param name="database">The database</param>
    /// <param name="prefix">The table prefix</param>
    /// <returns>The statements, without terminating semicolons</returns>
    public static IReadOnlyList<string> CreateStatements(SchedulerDatabase database, string prefix = DefaultTablePrefix)
    {
        var dialect = QuartzSqlDialect.For(database, ValidatePrefix(prefix));
        var statements = new List<string>();
        foreach (var table in QuartzTables.All)
        {
            statements.Add(dialect.CreateTable(table));
            statements.AddRange(table.Indexes.Select(index => dialect.CreateIndex(table, index)));
        }

        return statements;
    }

    /// <summary>
    /// Gets the statements dropping the Quartz tables (and with them their indexes), referencing tables first
    /// </summary>
    /// <param name="database">The database</param>
    /// <param name="prefix">The table prefix</param>
    /// <returns>The statements, without terminating semicolons</returns>
    public static IReadOnlyList<string> DropStatements(SchedulerDatabase database, string prefix = DefaultTablePrefix)
    {
        var dialect = QuartzSqlDialect.For(database, ValidatePrefix(prefix));
        return QuartzTables.All.Reverse().Select(dialect.DropTable).ToList();
    }

    /// <summary>
    /// Gets the creation DDL as one script
    /// </summary>
    /// <param name="database">The database</param>
    /// <param name="prefix">The table prefix</param>
    /// <returns>The script, statements terminated by semicolons</returns>
    public static string CreateScript(SchedulerDatabase database, string prefix = DefaultTablePrefix)
    {
        return ToScript(CreateStatements(database, prefix));
    }

    /// <summary>
    /// Gets the drop DDL as one script
    /// </summary>
    /// <param name="database">The database</param>
    /// <param name="prefix">The table prefix</param>
    /// <returns>The script, statements terminated by semicolons</returns>
    public static string DropScript(SchedulerDatabase database, string prefix = DefaultTablePrefix)
    {
        return ToScript(DropStatements(database, prefix));
    }

    #endregion

    #region Utilities

    private static string ToScript(IEnumerable<string> statements)
    {
        var script = new StringBuilder();
        foreach (var statement in statements)
            script.Append(statement).Append(";\n\n");

        return script.ToString();
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex PrefixPattern();

    #endregion
}
