namespace Nop.Plugin.Misc.CustomFlows.Engine.Validation;

/// <summary>
/// A flow with problems was about to be run; the problems say what to fix.
/// </summary>
public sealed class FlowValidationException : Exception
{
    /// <summary>
    /// Creates the exception.
    /// </summary>
    public FlowValidationException(IReadOnlyList<ValidationProblem> problems)
        : base("The flow is not valid: " + string.Join("; ", problems.Take(5)) + (problems.Count > 5 ? $"; and {problems.Count - 5} more" : string.Empty))
    {
        Problems = problems;
    }

    /// <summary>Every problem.</summary>
    public IReadOnlyList<ValidationProblem> Problems { get; }
}
