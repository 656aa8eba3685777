namespace Nop.Plugin.Misc.CustomFlows.Engine.Validation;

/// <summary>
/// Codes of validation problems; stable, so the editor can highlight and translate them.
/// </summary>
public static class ProblemCodes
{
    /// <summary>The text is not JSON.</summary>
    public const string JsonSyntax = "json.syntax";

    /// <summary>A value has the wrong JSON shape (wrong type, unknown property, unknown enum value).</summary>
    public const string JsonShape = "json.shape";

    /// <summary>schemaVersion is missing or not supported.</summary>
    public const string SchemaVersion = "schema.version";

    /// <summary>A required value is missing or empty.</summary>
    public const string Missing = "value.missing";

    /// <summary>A value is out of its allowed range or otherwise wrong.</summary>
    public const string Invalid = "value.invalid";

    /// <summary>A node's "type" is not a known kind of step.</summary>
    public const string UnknownNodeType = "node.unknownType";

    /// <summary>Two nodes share an id.</summary>
    public const string DuplicateNodeId = "node.duplicateId";

    /// <summary>A node has no start node or several.</summary>
    public const string Start = "flow.start";

    /// <summary>An exit of a node leads nowhere.</summary>
    public const string MissingExit = "node.missingExit";

    /// <summary>An exit names a node that does not exist.</summary>
    public const string UnknownTarget = "node.unknownTarget";

    /// <summary>No path from the start leads to the node.</summary>
    public const string Unreachable = "node.unreachable";

    /// <summary>Steps form a cycle that can go round without time passing (no wait on it takes time).</summary>
    public const string LoopWithoutWait = "flow.loopWithoutWait";

    /// <summary>A jump has no repetition limit.</summary>
    public const string JumpWithoutLimit = "jump.withoutLimit";

    /// <summary>A jump's target is not an earlier step.</summary>
    public const string JumpNotBackwards = "jump.notBackwards";

    /// <summary>A duration is not valid.</summary>
    public const string BadDuration = "duration.invalid";

    /// <summary>A time of day is not valid.</summary>
    public const string BadTimeOfDay = "time.invalid";

    /// <summary>A message template does not exist.</summary>
    public const string UnknownTemplate = "template.unknown";

    /// <summary>A condition or wait refers to a step that is not the right kind of action.</summary>
    public const string BadNodeReference = "node.badReference";
}
