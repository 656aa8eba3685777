namespace Nop.Plugin.Misc.CustomFlows.Services.Flows;

/// <summary>
/// What changed between two documents of a flow, in the admin's words: steps added, removed and changed, and
/// whether the settings, goal or exit conditions changed
/// </summary>
/// <param name="Added">Steps only the newer document has</param>
/// <param name="Removed">Steps only the older document has</param>
/// <param name="Changed">Steps both have with different contents (as the newer document has them)</param>
/// <param name="SettingsChanged">Whether the settings differ</param>
/// <param name="GoalChanged">Whether the goal or the exit conditions differ</param>
public sealed record FlowVersionDiff(IReadOnlyList<FlowStep> Added, IReadOnlyList<FlowStep> Removed, IReadOnlyList<FlowStep> Changed,
    bool SettingsChanged, bool GoalChanged)
{
    /// <summary>
    /// Gets a value indicating whether the two documents run the same
    /// </summary>
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Changed.Count == 0 && !SettingsChanged && !GoalChanged;

    /// <summary>
    /// Compares two flow documents
    /// </summary>
    /// <param name="olderJson">The older document</param>
    /// <param name="newerJson">The newer document</param>
    public static FlowVersionDiff Between(string olderJson, string newerJson)
    {
        var older = FlowSteps.Read(olderJson).ToDictionary(step => step.Id, StringComparer.Ordinal);
        var newer = FlowSteps.Read(newerJson);
        var newerIds = newer.Select(step => step.Id).ToHashSet(StringComparer.Ordinal);

        return new FlowVersionDiff(
            newer.Where(step => !older.ContainsKey(step.Id)).ToList(),
            older.Values.Where(step => !newerIds.Contains(step.Id)).ToList(),
            newer.Where(step => older.TryGetValue(step.Id, out var before) && before.Text != step.Text).ToList(),
            Part(olderJson, "settings") != Part(newerJson, "settings"),
            Part(olderJson, "goal") != Part(newerJson, "goal") || Part(olderJson, "exitConditions") != Part(newerJson, "exitConditions"));
    }

    private static string Part(string json, string name) =>
        FlowDefinitionText.TryParse(json, out _)?[name]?.ToJsonString() ?? string.Empty;
}
