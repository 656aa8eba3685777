using System.Text.Json;
using System.Text.Json.Nodes;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Nodes;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Triggers;
using Nop.Plugin.Misc.CustomFlows.Engine.Serialization;
using Nop.Plugin.Misc.CustomFlows.Engine.Validation;

namespace Nop.Plugin.Misc.CustomFlows.Services.Flows;

/// <summary>
/// The text of a flow's draft and versions: stamping the shop's identity (flow id, version number) into a document
/// while keeping everything else the admin wrote, and the blank flow a new draft starts from
/// </summary>
public static class FlowDefinitionText
{
    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = false };
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>
    /// Longest flow document the admin stores (a 100-step flow is about 40 KB)
    /// </summary>
    public const int MaxLength = 2 * 1024 * 1024;

    /// <summary>
    /// Reads a document as a JSON object; null with a problem when it is not one
    /// </summary>
    /// <param name="json">Document text</param>
    /// <param name="problem">Why it could not be read</param>
    public static JsonObject TryParse(string json, out ValidationProblem problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(json))
        {
            problem = new ValidationProblem(ProblemCodes.JsonSyntax, "The file is empty.", null, "$");
            return null;
        }

        if (json.Length > MaxLength)
        {
            problem = new ValidationProblem(ProblemCodes.JsonSyntax, $"The document is larger than {MaxLength / 1024 / 1024} MB.", null, "$");
            return null;
        }

        try
        {
            //a byte-order mark from an editor is not part of the document
            if (JsonNode.Parse(json.TrimStart('\uFEFF'), NodeOptions, DocumentOptions) is JsonObject document)
                return document;

            problem = new ValidationProblem(ProblemCodes.JsonSyntax, "The document is not a JSON object.", null, "$");
        }
        catch (JsonException exception)
        {
            var where = exception.LineNumber.HasValue ? $" (line {exception.LineNumber + 1}, position {exception.BytePositionInLine + 1})" : string.Empty;
            problem = new ValidationProblem(ProblemCodes.JsonSyntax, $"The document is not valid JSON{where}.", null, "$");
        }

        return null;
    }

    /// <summary>
    /// Writes the shop's identity into a document: its flow id and the version it is (or would be when published)
    /// </summary>
    /// <param name="document">Document</param>
    /// <param name="flowId">Flow identifier</param>
    /// <param name="versionNumber">Version number</param>
    public static JsonObject Stamp(JsonObject document, int flowId, int versionNumber)
    {
        document["id"] = flowId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        document["version"] = versionNumber;
        return document;
    }

    /// <summary>
    /// Gets the text of a document as stored (indented, so a diff or an export reads well)
    /// </summary>
    /// <param name="document">Document</param>
    public static string Write(JsonObject document) => document.ToJsonString(FlowJson.IndentedOptions);

    /// <summary>
    /// Gets a string property of a document's top level (name, description), or null
    /// </summary>
    /// <param name="document">Document</param>
    /// <param name="name">Property name</param>
    public static string StringOf(JsonObject document, string name) =>
        document.TryGetPropertyValue(name, out var value) && value is JsonValue text && text.TryGetValue<string>(out var result) ? result : null;

    /// <summary>
    /// Gets a blank flow: a start step with the given trigger, and an end
    /// </summary>
    /// <param name="name">Flow name</param>
    /// <param name="triggerEvent">What starts the flow</param>
    public static FlowDefinition Blank(string name, FlowEventType triggerEvent) => new()
    {
        Name = name,
        Nodes =
        [
            new StartNode { Id = "start", Trigger = new FlowTrigger { Event = triggerEvent }, Next = "end" },
            new EndNode { Id = "end" }
        ]
    };

    /// <summary>
    /// Reads a document into the engine's model; null when it does not read
    /// </summary>
    /// <param name="json">Document text</param>
    public static FlowDefinition TryRead(string json)
    {
        try
        {
            return string.IsNullOrEmpty(json) ? null : FlowJson.Deserialize(json);
        }
        catch (FlowFormatException)
        {
            return null;
        }
    }
}
