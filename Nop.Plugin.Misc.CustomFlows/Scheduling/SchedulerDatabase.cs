namespace Nop.Plugin.Misc.CustomFlows.Scheduling;

/// <summary>
/// The databases a clustered flow scheduler can keep its state in: the ones nopCommerce itself runs on.
/// </summary>
public enum SchedulerDatabase
{
    /// <summary>
    /// Microsoft SQL Server (2016 or later)
    /// </summary>
    SqlServer,

    /// <summary>
    /// PostgreSQL
    /// </summary>
    PostgreSql,

    /// <summary>
    /// MySQL (InnoDB) or MariaDB
    /// </summary>
    MySql
}
