namespace Nop.Plugin.Misc.CustomFlows.Engine.Definition.Nodes;

/// <summary>
/// Goes back to an earlier step, at most <see cref="MaxRepetitions"/> times per run
/// ("repeat until purchase, at most 3 times"); then continues with <see cref="Next"/>.
/// </summary>
public sealed class JumpNode : FlowNode
{
    /// <summary>
    /// The earlier step to go back to.
    /// </summary>
    public string Target { get; set; }

    /// <summary>
    /// How many times the jump is taken per run; required, so no flow repeats forever.
    /// </summary>
    public int? MaxRepetitions { get; set; }

    /// <summary>
    /// Step taken once the repetitions are used up.
    /// </summary>
    public string Next { get; set; }

    /// <inheritdoc />
    public override IEnumerable<(string Exit, string Target)> Exits()
    {
        yield return ("target", Target);
        yield return ("next", Next);
    }
}
