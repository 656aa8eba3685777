namespace Nop.Plugin.Misc.CustomFlows.Engine.Definition.Nodes;

/// <summary>
/// A/B/X test: each customer lands in one weighted branch, always the same one for the same
/// customer, flow and step, so a customer re-entering sees the same variant.
/// </summary>
public sealed class SplitNode : FlowNode
{
    /// <summary>
    /// Two or more branches.
    /// </summary>
    public List<SplitBranch> Branches { get; set; } = new();

    /// <inheritdoc />
    public override IEnumerable<(string Exit, string Target)> Exits()
    {
        for (var i = 0; i < (Branches?.Count ?? 0); i++)
            yield return ($"branches[{i}].next", Branches[i]?.Next);
    }
}

/// <summary>
/// One branch of a split.
/// </summary>
public sealed class SplitBranch
{
    /// <summary>
    /// Name for reports ("A", "B", "control").
    /// </summary>
    public string Name { get; set; }

    /// <summary>
    /// Relative weight; a branch with weight 2 gets twice the customers of one with weight 1.
    /// </summary>
    public int Weight { get; set; } = 1;

    /// <summary>
    /// Control group: customers here follow <see cref="Next"/> but no action sends anything, so uplift can be measured.
    /// </summary>
    public bool Holdout { get; set; }

    /// <summary>
    /// The branch's first step.
    /// </summary>
    public string Next { get; set; }
}
