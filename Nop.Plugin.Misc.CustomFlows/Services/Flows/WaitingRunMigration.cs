namespace Nop.Plugin.Misc.CustomFlows.Services.Flows;

/// <summary>
/// Where the customers waiting at one step of an older version would continue in the live version
/// </summary>
/// <param name="Step">The step of the older version</param>
/// <param name="Open">How many runs are there (waiting, or about to take the step)</param>
/// <param name="SuggestedTarget">The live version's step of the same id and kind, where they would go on as they are;
/// null when there is none and the admin must pick a step or end the runs</param>
public sealed record MigrationStepPreview(FlowStep Step, int Open, string SuggestedTarget);

/// <summary>
/// What moving a flow's waiting customers from one version to the live one would do, step by step
/// </summary>
/// <param name="FlowId">Flow identifier</param>
/// <param name="FromVersion">Number of the version the runs are on</param>
/// <param name="ToVersion">Number of the live version</param>
/// <param name="Steps">Each step of the older version where runs are, with their count and the suggested target</param>
/// <param name="Targets">The live version's steps a run can be moved to</param>
public sealed record MigrationPreview(int FlowId, int FromVersion, int ToVersion, IReadOnlyList<MigrationStepPreview> Steps, IReadOnlyList<FlowStep> Targets)
{
    /// <summary>
    /// Gets how many runs the migration concerns
    /// </summary>
    public int Open => Steps.Sum(step => step.Open);
}

/// <summary>
/// What a migration did
/// </summary>
/// <param name="Moved">Runs now on the live version</param>
/// <param name="Ended">Runs ended because the admin chose so for their step</param>
public sealed record MigrationOutcome(int Moved, int Ended);
