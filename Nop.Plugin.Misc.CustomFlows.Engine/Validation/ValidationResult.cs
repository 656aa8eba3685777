using Nop.Plugin.Misc.CustomFlows.Engine.Definition;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Validation;

/// <summary>
/// The outcome of validating a flow document.
/// </summary>
public sealed class ValidationResult
{
    /// <summary>
    /// Creates a result.
    /// </summary>
    public ValidationResult(FlowDefinition definition, IReadOnlyList<ValidationProblem> problems)
    {
        Definition = definition;
        Problems = problems;
    }

    /// <summary>
    /// What could be read (for the editor, even when there are problems); null when the text is
    /// not a JSON object of a supported schema version.
    /// </summary>
    public FlowDefinition Definition { get; }

    /// <summary>Every problem found, in document order per kind of check.</summary>
    public IReadOnlyList<ValidationProblem> Problems { get; }

    /// <summary>Whether the flow can be published and run.</summary>
    public bool IsValid => Definition != null && Problems.Count == 0;
}
