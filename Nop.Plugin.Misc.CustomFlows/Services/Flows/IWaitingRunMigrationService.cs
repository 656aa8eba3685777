namespace Nop.Plugin.Misc.CustomFlows.Services.Flows;

/// <summary>
/// Moves a flow's open runs from an older version to the live one, after the admin has seen where each would continue
/// </summary>
public interface IWaitingRunMigrationService
{
    /// <summary>
    /// Gets the versions of a flow that still have open runs, besides the live one
    /// </summary>
    /// <param name="flowId">Flow identifier</param>
    /// <returns>Version number and open runs, oldest version first</returns>
    Task<IReadOnlyList<(int VersionNumber, int Open)>> GetVersionsWithOpenRunsAsync(int flowId);

    /// <summary>
    /// Previews moving the open runs of one version to the live version; null when the flow has no live version or
    /// the version does not exist
    /// </summary>
    /// <param name="flowId">Flow identifier</param>
    /// <param name="fromVersion">Number of the version the runs are on</param>
    Task<MigrationPreview> PreviewAsync(int flowId, int fromVersion);

    /// <summary>
    /// Moves the open runs of one version to the live version, in batches. Every step of the preview must have a
    /// decision (a target step of the live version, or <see cref="EndRun"/>); otherwise nothing moves
    /// </summary>
    /// <param name="flowId">Flow identifier</param>
    /// <param name="fromVersion">Number of the version the runs are on</param>
    /// <param name="targets">Target step by step of the older version</param>
    /// <returns>What was done; null when refused (no live version, a step without a decision, an unknown target)</returns>
    Task<MigrationOutcome> ApplyAsync(int flowId, int fromVersion, IReadOnlyDictionary<string, string> targets);

    /// <summary>
    /// The decision that ends the runs of a step instead of moving them
    /// </summary>
    const string EndRun = "@end";
}
