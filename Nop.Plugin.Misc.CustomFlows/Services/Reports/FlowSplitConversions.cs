using System.Text.Json;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Nodes;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using Nop.Plugin.Misc.CustomFlows.Engine.Serialization;

namespace Nop.Plugin.Misc.CustomFlows.Services.Reports;

/// <summary>
/// Counts, per split step and branch, the runs that went through it and how many of them converted, from the runs'
/// state. The state keeps only the last branch a run took (<see cref="FlowRunState.Variant"/>), not which split
/// chose it, so a run is credited to the last split of its version that it visited and that has a branch of that
/// name: exact for flows with one split, and for a flow with several splits a run counts under only one of them.
/// </summary>
public static class FlowSplitConversions
{
    /// <summary>
    /// Builds the split part of a report
    /// </summary>
    /// <param name="splits">The split steps to report, in definition order, with their labels</param>
    /// <param name="nodesByVersion">The steps of each version the runs may be on, by version row id</param>
    /// <param name="runs">Runs that went through a split (their version, state JSON and whether they converted)</param>
    /// <returns>One entry per split, branches in definition order followed by branch names only older runs know</returns>
    public static IReadOnlyList<FlowSplitReport> Count(IReadOnlyList<(SplitNode Node, string Label)> splits,
        IReadOnlyDictionary<int, IReadOnlyList<FlowNode>> nodesByVersion, IEnumerable<FlowRun> runs)
    {
        //(split, branch) -> runs, converted, holdout as the run's version defines the branch
        var counts = new Dictionary<(string Split, string Branch), (int Runs, int Converted, bool Holdout)>();
        foreach (var run in runs)
        {
            var state = ReadState(run.StateJson);
            if (state?.Variant == null || !nodesByVersion.TryGetValue(run.FlowVersionId, out var nodes))
                continue;

            var split = nodes.OfType<SplitNode>()
                .LastOrDefault(node => state.VisitsOf(node.Id) > 0 && node.Branches.Any(branch => branch?.Name == state.Variant));
            if (split == null)
                continue;

            var key = (split.Id, state.Variant);
            var holdout = split.Branches.First(branch => branch?.Name == state.Variant).Holdout;
            counts.TryGetValue(key, out var count);
            counts[key] = (count.Runs + 1, count.Converted + (run.Converted ? 1 : 0), holdout);
        }

        return splits.Select(split => Report(split.Node, split.Label, counts)).ToList();
    }

    private static FlowSplitReport Report(SplitNode split, string label,
        Dictionary<(string Split, string Branch), (int Runs, int Converted, bool Holdout)> counts)
    {
        var branches = (split.Branches ?? []).Where(branch => branch?.Name != null)
            .Select(branch => (branch.Name, branch.Holdout))
            .ToList();
        branches.AddRange(counts.Keys
            .Where(key => key.Split == split.Id && branches.All(branch => branch.Name != key.Branch))
            .OrderBy(key => key.Branch, StringComparer.Ordinal)
            .Select(key => (key.Branch, counts[key].Holdout)));

        var rows = branches.Select(branch =>
        {
            counts.TryGetValue((split.Id, branch.Name), out var count);
            return (branch.Name, branch.Holdout, count.Runs, count.Converted);
        }).ToList();

        //the control group is every holdout branch together: two holdouts are one control, split in two
        var holdouts = rows.Where(row => row.Holdout).ToList();
        var controlRuns = holdouts.Sum(row => row.Runs);
        var controlConverted = holdouts.Sum(row => row.Converted);

        return new FlowSplitReport(split.Id, label, rows.Select(row =>
        {
            var status = row.Holdout ? FlowUpliftStatus.IsHoldout
                : holdouts.Count == 0 ? FlowUpliftStatus.NoHoldout
                : row.Runs == 0 ? FlowUpliftStatus.NoRuns
                : controlRuns == 0 ? FlowUpliftStatus.NoHoldoutRuns
                : FlowUpliftStatus.Computed;
            var uplift = status == FlowUpliftStatus.Computed
                ? FlowUpliftPoints.From(UpliftInterval.Compute(row.Runs, row.Converted, controlRuns, controlConverted))
                : null;
            double? rate = row.Runs == 0 ? null : Math.Round((double)row.Converted / row.Runs, 4, MidpointRounding.AwayFromZero);
            return new FlowSplitBranchReport(row.Name, row.Holdout, row.Runs, row.Converted, rate, uplift, status);
        }).ToList());
    }

    private static FlowRunState ReadState(string json)
    {
        if (string.IsNullOrEmpty(json))
            return null;

        try
        {
            return JsonSerializer.Deserialize<FlowRunState>(json, FlowJson.Options);
        }
        catch (JsonException)
        {
            //a state written by a newer or broken version is left out of the counts rather than failing the report
            return null;
        }
    }
}
