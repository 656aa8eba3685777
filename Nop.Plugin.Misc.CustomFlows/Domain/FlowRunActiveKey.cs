namespace Nop.Plugin.Misc.CustomFlows.Domain;

/// <summary>
/// Values of <see cref="FlowRun.ActiveKey"/>. The column is unique and never null: an active run holds
/// "flow|customer|entry key", so a second active run for the same triple fails on insert; an ended run holds
/// "ended|run id", which frees the triple for re-entry. Never null because SQL Server lets a unique index hold
/// only one NULL, and a filtered index is not portable to MySQL.
/// </summary>
public static class FlowRunActiveKey
{
    /// <summary>
    /// The longest key either form produces for entry keys within <see cref="MaxEntryKeyLength"/>
    /// </summary>
    public const int MaxLength = 200;

    /// <summary>
    /// The longest entry key a run may carry
    /// </summary>
    public const int MaxEntryKeyLength = 150;

    /// <summary>
    /// Gets the key of an active run
    /// </summary>
    /// <param name="flowId">Flow identifier</param>
    /// <param name="customerId">Customer identifier</param>
    /// <param name="entryKey">Entry key; null counts as empty</param>
    /// <returns>The key</returns>
    public static string ForActive(int flowId, int customerId, string entryKey)
    {
        entryKey ??= string.Empty;
        if (entryKey.Length > MaxEntryKeyLength)
            throw new ArgumentException($"An entry key is at most {MaxEntryKeyLength} characters.", nameof(entryKey));

        return $"{flowId}|{customerId}|{entryKey}";
    }

    /// <summary>
    /// Gets the key of an ended run, unique because the run identifier is
    /// </summary>
    /// <param name="runId">Run identifier</param>
    /// <returns>The key</returns>
    public static string ForEnded(int runId)
    {
        if (runId <= 0)
            throw new ArgumentOutOfRangeException(nameof(runId), "Only a saved run can end.");

        return $"ended|{runId}";
    }
}
