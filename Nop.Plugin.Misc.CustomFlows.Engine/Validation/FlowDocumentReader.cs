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
    /// schema version), the JSON path of each node read, the ids of nodes that could not be read, and
    /// whether any step was read incompletely (then checks of the whole graph would report false problems).
    /// </summary>
    public sealed record Result(FlowDefinition Definition, List<string> NodePaths, HashSet<string> OpaqueNodeIds, bool NodesIncomplete = false);

    public static Result Read(ReadOnlySpan<byte> utf8Json, ProblemList problems)
    {
        JsonNode root;
        try
        {
            root = JsonNode.Parse(FlowJson.WithoutByteOrderMark(utf8Json), documentOptions: DocumentOptions);
        }
        catch (JsonException ex)
        {
            var description = JsonShape.DescribeSyntaxError(ex);
            problems.Add(ProblemCodes.JsonSyntax, char.ToUpperInvariant(description[0]) + description[1..], null, "$");
            return new Result(null, [], []);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            problems.Add(ProblemCodes.JsonSyntax, "Not valid JSON: the text is not UTF-8 or not a single JSON value.", null, "$");
            return new Result(null, [], []);
        }

        try
        {
            return ReadRoot(root, problems);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            // JsonObject throws for duplicate property names only when first enumerated: name each one
            var duplicates = JsonShape.FindDuplicateProperties(FlowJson.WithoutByteOrderMark(utf8Json));
            foreach (var duplicate in duplicates)
                problems.Add(ProblemCodes.JsonShape, duplicate.Message, null, duplicate.Path);
            if (duplicates.Count == 0)
                problems.Add(ProblemCodes.JsonShape, "The document cannot be read.", null, "$");
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

        var definition = Deserialize<FlowDefinition>(header, "$", null, problems, out _) ?? new FlowDefinition();
        definition.SchemaVersion = FlowDefinition.CurrentSchemaVersion;
        definition.Settings = Deserialize<FlowSettings>(rootObject["settings"], "$.settings", null, problems, out _) ?? (rootObject.ContainsKey("settings") ? new FlowSettings() : null);
        definition.Goal = Deserialize<FlowGoal>(rootObject["goal"], "$.goal", null, problems, out _);
        definition.ExitConditions = ReadList<FlowExitCondition>(rootObject["exitConditions"], "$.exitConditions", problems);

        var nodePaths = new List<string>();
        var opaque = new HashSet<string>(StringComparer.Ordinal);
        definition.Nodes = ReadNodes(rootObject["nodes"], nodePaths, opaque, problems, out var incomplete);
        return new Result(definition, nodePaths, opaque, incomplete);
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
            var item = Deserialize<T>(array[i], $"{path}[{i}]", null, problems, out _);
            if (item != null)
                list.Add(item);
        }

        return list;
    }

    private static List<FlowNode> ReadNodes(JsonNode node, List<string> nodePaths, HashSet<string> opaque, ProblemList problems, out bool incomplete)
    {
        incomplete = false;
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
                incomplete = true;
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
                incomplete = true;
                if (id != null)
                    opaque.Add(id);
                continue;
            }

            var flowNode = Deserialize<FlowNode>(element, path, id, problems, out var partly);
            incomplete |= partly || flowNode == null;
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

    /// <summary>
    /// Reads one piece. When the serializer refuses it, every value of the wrong kind is reported in the
    /// words of the JSON and dropped, and the rest of the piece is read; problems that would only repeat
    /// a dropped value (a "missing" exit, a required property) are not reported again. <paramref name="partly"/>
    /// tells whether values had to be dropped (or the piece could not be read at all).
    /// </summary>
    private static T Deserialize<T>(JsonNode node, string path, string nodeId, ProblemList problems, out bool partly) where T : class
    {
        partly = false;
        if (node == null)
            return null;

        try
        {
            return node.Deserialize<T>(FlowJson.Options);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException or ArgumentException or FormatException)
        {
            partly = true;
            var found = JsonShape.Find(node, typeof(T), FlowJson.Options, path == "$" ? null : path[(path.LastIndexOf('.') + 1)..]);
            if (found.Count == 0)
            {
                var innerPath = (ex as JsonException)?.Path;
                var at = string.IsNullOrEmpty(innerPath) || innerPath == "$" ? path : path + innerPath[1..];
                problems.Add(ProblemCodes.JsonShape, "This value cannot be read here.", nodeId, at);
                return null;
            }

            var rest = node.DeepClone();
            var readable = true;
            foreach (var problem in found)
                problems.Add(ProblemCodes.JsonShape, problem.Message, nodeId, path + JsonShape.PathOf(problem.Segments)[1..]);
            foreach (var problem in found)
            {
                var dropped = Drop(rest, problem.Segments);
                if (dropped == null)
                    readable = false;
                else
                    problems.Settle(path + JsonShape.PathOf(dropped)[1..]);
            }

            if (!readable)
                return null;

            try
            {
                return rest.Deserialize<T>(FlowJson.Options);
            }
            catch (Exception again) when (again is JsonException or NotSupportedException or InvalidOperationException or ArgumentException or FormatException)
            {
                return null;
            }
        }
    }

    /// <summary>
    /// Removes the piece's own property that holds a bad value, however deep in it the value is: a
    /// half-read action or condition would be checked as something the author did not write. Returns
    /// the removed property's path, or null when the bad value is the piece itself.
    /// </summary>
    private static IReadOnlyList<object> Drop(JsonNode root, IReadOnlyList<object> segments)
    {
        if (segments.Count == 0 || segments[0] is not string property || root is not JsonObject piece)
            return null;

        piece.Remove(property);
        return [property];
    }
}
