namespace Nop.Plugin.Misc.CustomFlows.Engine.Validation;

/// <summary>
/// Collects problems while rules walk a flow; every rule adds, none stops the walk.
/// </summary>
internal sealed class ProblemList
{
    private readonly List<ValidationProblem> _problems = new();
    private List<string> _settled;

    public IReadOnlyList<ValidationProblem> Items => _problems;

    public void Add(string code, string message, string nodeId, string path)
    {
        if (!IsSettled(path))
            _problems.Add(new ValidationProblem(code, message, nodeId, path));
    }

    /// <summary>
    /// Marks a property as already reported (its value was of the wrong kind and could not be read):
    /// later problems at it or inside it would only repeat that, so they are not added.
    /// </summary>
    public void Settle(string path) => (_settled ??= new List<string>()).Add(path);

    /// <summary>
    /// Whether a value at or inside <paramref name="path"/> was of the wrong kind and dropped.
    /// </summary>
    public bool AnySettledWithin(string path) =>
        _settled != null && _settled.Any(settled => settled.StartsWith(path, StringComparison.Ordinal)
            && (settled.Length == path.Length || settled[path.Length] is '.' or '['));

    private bool IsSettled(string path)
    {
        if (_settled == null || path == null)
            return false;

        foreach (var settled in _settled)
        {
            if (path.StartsWith(settled, StringComparison.Ordinal)
                && (path.Length == settled.Length || path[settled.Length] is '.' or '['))
                return true;
        }

        return false;
    }

    public void AddRange(IEnumerable<ValidationProblem> problems) => _problems.AddRange(problems);
}
