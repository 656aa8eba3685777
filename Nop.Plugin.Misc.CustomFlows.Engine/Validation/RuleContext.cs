using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Nodes;
using Nop.Plugin.Misc.CustomFlows.Engine.Ports;
using Nop.Plugin.Misc.CustomFlows.Engine.Time;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Validation;

/// <summary>
/// What the rules share while checking one flow.
/// </summary>
internal sealed class RuleContext
{
    public RuleContext(ProblemList problems, ITemplateLookup templates, IReadOnlySet<string> opaqueNodeIds, bool nodesIncomplete = false)
    {
        Problems = problems;
        Templates = templates;
        OpaqueNodeIds = opaqueNodeIds;
        NodesIncomplete = nodesIncomplete || opaqueNodeIds.Count > 0;
    }

    public ProblemList Problems { get; }

    /// <summary>Null when template existence is not checked.</summary>
    public ITemplateLookup Templates { get; }

    /// <summary>Ids of nodes that exist in the document but could not be read; references to them are not reported again.</summary>
    public IReadOnlySet<string> OpaqueNodeIds { get; }

    /// <summary>
    /// Whether a step could not be read, or only without a value of the wrong kind: the steps read do
    /// not show the whole graph, so what depends on all of it (reachability, loops, jumps) is not checked.
    /// </summary>
    public bool NodesIncomplete { get; }

    public Dictionary<string, FlowNode> NodesById { get; } = new(StringComparer.Ordinal);

    public void Missing(string what, string nodeId, string path) =>
        Problems.Add(ProblemCodes.Missing, $"{what} is required.", nodeId, path);

    public void Invalid(string message, string nodeId, string path) =>
        Problems.Add(ProblemCodes.Invalid, message, nodeId, path);

    /// <summary>
    /// Refuses a text longer than the shop can store; the message shows only its beginning.
    /// </summary>
    /// <returns>Whether the text fits (a null text does).</returns>
    public bool NotLongerThan(string text, int maxLength, string what, string nodeId, string path)
    {
        if (text == null || text.Length <= maxLength)
            return true;

        Problems.Add(ProblemCodes.Invalid, $"{what} is at most {maxLength} characters; {Excerpt.Quote(text)} has {text.Length}.", nodeId, path);
        return false;
    }

    /// <summary>
    /// Checks a duration; <paramref name="mustBePositive"/> refuses "0s" where zero makes no sense (periods, timeouts).
    /// </summary>
    public void Duration(string text, bool required, bool mustBePositive, string nodeId, string path)
    {
        if (text == null)
        {
            if (required)
                Problems.Add(ProblemCodes.BadDuration, "A duration is required here (e.g. \"2d\", \"1h30m\").", nodeId, path);
            return;
        }

        if (!FlowDuration.TryParse(text, out var duration))
            Problems.Add(ProblemCodes.BadDuration, $"{Excerpt.Quote(text)} is not a duration: use whole numbers with units w, d, h, m, s, largest first (e.g. \"1d12h\"), at most 3660 days.", nodeId, path);
        else if (mustBePositive && duration <= TimeSpan.Zero)
            Problems.Add(ProblemCodes.BadDuration, "The duration must be longer than zero.", nodeId, path);
    }
}
