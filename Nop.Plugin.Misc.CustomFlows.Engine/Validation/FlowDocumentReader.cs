using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Nodes;
using Nop.Plugin.Misc.CustomFlows.Engine.Serialization;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Validation;

/// <summary>
/// Reads a flow document piece by piece (header, settings, goal, each exit condition, each node),
/// so one broken piece is reported with its path and the rest is still read and checked.
/// </summary>
internal static class FlowDocumentReader
{
    private static readonly string[] PiecewiseProperties = ["settings", "goal", "exitConditions", "nodes"];

    private static readonly HashSet<string> NodeTypes = typeof(FlowNode)
        .GetCustomAttributes<JsonDerivedTypeAttribute>()
        .Select(attribute => (string)attribute.TypeDiscriminator)
        .ToHashSet(StringComparer.Ordinal);

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    /// <summary>
    /// What was read: the definition (null when the text is not a JSON object of a supported
    /// schema version), the JSON path of each node read, and the ids of nodes that could not be read.
    /// </summary>
    public sealed record Result(FlowDefinition Definition, List<string> NodePaths, HashSet<string> OpaqueNodeIds);

    public static Result Read(ReadOnlySpan<byte> utf8Json, ProblemList problems)
    {
        JsonNode root;
        try
        {
            root = JsonNode.Parse(FlowJson.WithoutByteOrderMark(utf8Json), documentOptions: DocumentOptions);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
        {
            problems.Add(ProblemCodes.JsonSyntax, $"Not valid JSON: {Describe(ex)}", null, "$");
            return new Result(null, [], []);
        }

        try
        {
            return ReadRoot(root, problems);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or NotSupportedException or FormatException)
        {
            // JsonObject throws for duplicate property names only when first enumerated; report instead of failing
            problems.Add(ProblemCodes.JsonShape, $"The document cannot be read: {Describe(ex)}", null, "$");
            return new Result(null, [], []);
        }
    }

    private static Result ReadRoot(JsonNode root, ProblemList problems)
    {
        if (root is not JsonObject rootObject)
        {
            problems.Add(ProblemCodes.JsonShape, "A flow definition is a JSON object.", null, "$");
            return new Result(null, [], []);
        }

        if (!CheckSchemaVersion(rootObject, problems))
            return new Result(null, [], []);

        var header = new JsonObject();
        foreach (var (name, value) in rootObject)
        {
            if (!PiecewiseProperties.Contains(name))
                header[name] = value?.DeepClone();
        }

        var definition = Deserialize<FlowDefinition>(header, "$", null, problems) ?? new FlowDefinition();
        definition.SchemaVersion = FlowDefinition.CurrentSchemaVersion;
        definition.Settings = Deserialize<FlowSettings>(rootObject["settings"], "$.settings", null, problems) ?? (rootObject.ContainsKey("settings") ? new FlowSettings() : null);
        definition.Goal = Deserialize<FlowGoal>(rootObject["goal"], "$.goal", null, problems);
        definition.ExitConditions = ReadList<FlowExitCondition>(rootObject["exitConditions"], "$.exitConditions", problems);

        var nodePaths = new List<string>();
        var opaque = new HashSet<string>(StringComparer.Ordinal);
        definition.Nodes = ReadNodes(rootObject["nodes"], nodePaths, opaque, problems);
        return new Result(definition, nodePaths, opaque);
    }

    private static bool CheckSchemaVersion(JsonObject root, ProblemList problems)
    {
        var version = root["schemaVersion"];
        if (version == null)
        {
            problems.Add(ProblemCodes.SchemaVersion, $"schemaVersion is missing; this engine reads {FlowDefinition.CurrentSchemaVersion}.", null, "$.schemaVersion");
            return true;
        }

        if (version is JsonValue value && value.TryGetValue<int>(out var number) && number == FlowDefinition.CurrentSchemaVersion)
            return true;

        problems.Add(ProblemCodes.SchemaVersion, $"schemaVersion {version.ToJsonString()} is not supported; this engine reads {FlowDefinition.CurrentSchemaVersion}.", null, "$.schemaVersion");
        return false;
    }

    private static List<T> ReadList<T>(JsonNode node, string path, ProblemList problems) where T : class
    {
        var list = new List<T>();
        if (node == null)
            return list;
        if (node is not JsonArray array)
        {
            problems.Add(ProblemCodes.JsonShape, "Expected a list.", null, path);
            return list;
        }

        for (var i = 0; i < array.Count; i++)
        {
            var item = Deserialize<T>(array[i], $"{path}[{i}]", null, problems);
            if (item != null)
                list.Add(item);
        }

        return list;
    }

    private static List<FlowNode> ReadNodes(JsonNode node, List<string> nodePaths, HashSet<string> opaque, ProblemList problems)
    {
        var nodes = new List<FlowNode>();
        if (node == null)
            return nodes;
        if (node is not JsonArray array)
        {
            problems.Add(ProblemCodes.JsonShape, "nodes is a list of steps.", null, "$.nodes");
            return nodes;
        }

        for (var i = 0; i < array.Count; i++)
        {
            var path = $"$.nodes[{i}]";
            if (array[i] is not JsonObject element)
            {
                problems.Add(ProblemCodes.JsonShape, "A step is a JSON object.", null, path);
                continue;
            }

            var id = element["id"] is JsonValue idValue && idValue.TryGetValue<string>(out var text) ? text : null;
            var type = element["type"] is JsonValue typeValue && typeValue.TryGetValue<string>(out var typeText) ? typeText : null;
            if (type == null || !NodeTypes.Contains(type))
            {
                var message = type == null
                    ? "The step has no \"type\"."
                    : $"{Excerpt.Quote(type)} is not a kind of step; use one of {string.Join(", ", NodeTypes.Order())}.";
                problems.Add(ProblemCodes.UnknownNodeType, message, id, path + ".type");
                if (id != null)
                    opaque.Add(id);
                continue;
            }

            var flowNode = Deserialize<FlowNode>(element, path, id, problems);
            if (flowNode == null)
            {
                if (id != null)
                    opaque.Add(id);
                continue;
            }

            nodes.Add(flowNode);
            nodePaths.Add(path);
        }

        return nodes;
    }

    private static T Deserialize<T>(JsonNode node, string path, string nodeId, ProblemList problems) where T : class
    {
        if (node == null)
            return null;

        try
        {
            return node.Deserialize<T>(FlowJson.Options);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException or ArgumentException or FormatException)
        {
            var innerPath = (ex as JsonException)?.Path;
            var fullPath = string.IsNullOrEmpty(innerPath) || innerPath == "$" ? path : path + innerPath[1..];
            problems.Add(ProblemCodes.JsonShape, Describe(ex), nodeId, fullPath);
            return null;
        }
    }

    /// <summary>
    /// The exception's message without the serializer's own position suffix, which the problem's path already says.
    /// </summary>
    private static string Describe(Exception ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
