namespace Nop.Plugin.Misc.CustomFlows.Engine.Validation;

/// <summary>
/// One thing wrong with a flow definition.
/// </summary>
/// <param name="Code">Stable machine-readable code, e.g. "node.unreachable" (see <see cref="ProblemCodes"/>).</param>
/// <param name="Message">What is wrong, for the admin.</param>
/// <param name="NodeId">The step it concerns, or null for flow-wide problems.</param>
/// <param name="Path">JSON path of the offending value, e.g. "$.nodes[3].delay".</param>
public sealed record ValidationProblem(string Code, string Message, string NodeId, string Path)
{
    /// <inheritdoc />
    public override string ToString() => NodeId == null ? $"{Path}: {Message} ({Code})" : $"{Path} [{Excerpt.Cut(NodeId)}]: {Message} ({Code})";
}
