using System.Text;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using Nop.Plugin.Misc.CustomFlows.Engine.Ports;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Validation;

/// <summary>
/// Finds every problem of a flow definition, each with its step id and JSON path. Never throws on
/// any input: an editor, an import or the CLI can hand it whatever they got.
/// </summary>
public sealed class FlowValidator
{
    private readonly ITemplateLookup _templates;

    /// <summary>
    /// Creates a validator.
    /// </summary>
    /// <param name="templates">Tells whether message templates exist; null skips that check.</param>
    public FlowValidator(ITemplateLookup templates = null)
    {
        _templates = templates;
    }

    /// <summary>
    /// Validates a JSON document given as text.
    /// </summary>
    public ValidationResult Validate(string json)
    {
        if (json == null)
            return new ValidationResult(null, [new ValidationProblem(ProblemCodes.JsonSyntax, "There is no document.", null, "$")]);

        return Validate(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>
    /// Validates a JSON document given as UTF-8 bytes (as read from a file or request).
    /// </summary>
    public ValidationResult Validate(ReadOnlySpan<byte> utf8Json)
    {
        var problems = new ProblemList();
        var read = FlowDocumentReader.Read(utf8Json, problems);
        if (read.Definition != null)
            DefinitionRules.Check(read.Definition, read.NodePaths, new RuleContext(problems, _templates, read.OpaqueNodeIds, read.NodesIncomplete));

        return new ValidationResult(read.Definition, problems.Items);
    }

    /// <summary>
    /// Validates a definition built in code (templates, the editor's model).
    /// </summary>
    public IReadOnlyList<ValidationProblem> Validate(FlowDefinition definition)
    {
        var problems = new ProblemList();
        if (definition == null)
        {
            problems.Add(ProblemCodes.Missing, "There is no flow definition.", null, "$");
            return problems.Items;
        }

        if (definition.SchemaVersion != FlowDefinition.CurrentSchemaVersion)
            problems.Add(ProblemCodes.SchemaVersion, $"schemaVersion {definition.SchemaVersion} is not supported; this engine reads {FlowDefinition.CurrentSchemaVersion}.", null, "$.schemaVersion");

        var paths = Enumerable.Range(0, definition.Nodes?.Count ?? 0).Select(i => $"$.nodes[{i}]").ToList();
        DefinitionRules.Check(definition, paths, new RuleContext(problems, _templates, new HashSet<string>()));
        return problems.Items;
    }
}
