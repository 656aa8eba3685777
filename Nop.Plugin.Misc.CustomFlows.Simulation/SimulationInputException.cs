namespace Nop.Plugin.Misc.CustomFlows.Simulation;

/// <summary>
/// A line of an event or customer file could not be used; the message names the source and line,
/// because the simulator drops nothing silently.
/// </summary>
public sealed class SimulationInputException : Exception
{
    /// <summary>
    /// Creates the exception.
    /// </summary>
    /// <param name="source">File or stream name, e.g. "events.jsonl".</param>
    /// <param name="lineNumber">1-based line number, or 0 when the problem is not on one line.</param>
    /// <param name="problem">What is wrong.</param>
    /// <param name="innerException">The parser's exception, if any.</param>
    public SimulationInputException(string source, int lineNumber, string problem, Exception innerException = null)
        : base(lineNumber > 0 ? $"{source} line {lineNumber}: {problem}" : $"{source}: {problem}", innerException)
    {
        Source = source;
        LineNumber = lineNumber;
        Problem = problem;
    }

    /// <summary>The file or stream name.</summary>
    public new string Source { get; }

    /// <summary>1-based line number, or 0.</summary>
    public int LineNumber { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }
}
