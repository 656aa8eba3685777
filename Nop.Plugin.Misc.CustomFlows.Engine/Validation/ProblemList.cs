namespace Nop.Plugin.Misc.CustomFlows.Engine.Validation;

/// <summary>
/// Collects problems while rules walk a flow; every rule adds, none stops the walk.
/// </summary>
internal sealed class ProblemList
{
    private readonly List<ValidationProblem> _problems = new();

    public IReadOnlyList<ValidationProblem> Items => _problems;

    public void Add(string code, string message, string nodeId, string path) =>
        _problems.Add(new ValidationProblem(code, message, nodeId, path));

    public void AddRange(IEnumerable<ValidationProblem> problems) => _problems.AddRange(problems);
}
