using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Serialization;

/// <summary>
/// One place where a JSON value does not have the shape its property needs.
/// </summary>
/// <param name="Path">JSON path relative to the value checked, e.g. "$.action.tag".</param>
/// <param name="Message">What is wrong, in the words of the JSON (property names, text, number, list, object).</param>
public sealed record JsonShapeProblem(string Path, string Message);

/// <summary>
/// Says why the serializer refuses a document in the document's own words. The serializer's messages
/// name .NET types ("could not be converted to System.String"), which mean nothing to whoever wrote
/// the JSON; this walks the JSON next to the model the serializer options describe and reports each
/// value of the wrong kind, each unknown property and each unknown "type", with its path.
/// </summary>
public static class JsonShape
{
    /// <summary>Most problems one check reports; a document that wrong needs fixing before the rest matters.</summary>
    public const int MaxProblems = 20;

    private const int MaxListedNames = 12;

    /// <summary>
    /// Every place (up to <see cref="MaxProblems"/>) where <paramref name="value"/> does not fit <paramref name="type"/>.
    /// </summary>
    /// <param name="value">The JSON.</param>
    /// <param name="type">The model type it is read into.</param>
    /// <param name="options">The serializer options it is read with (naming, unknown properties, enums).</param>
    public static IReadOnlyList<JsonShapeProblem> Check(JsonNode value, Type type, JsonSerializerOptions options) =>
        Find(value, type, options).Select(found => new JsonShapeProblem(PathOf(found.Segments), found.Message)).ToList();

    /// <summary>
    /// The problems with their paths as segments: a property name (string) or a list index (int).
    /// </summary>
    /// <param name="value">The JSON.</param>
    /// <param name="type">The model type it is read into.</param>
    /// <param name="options">The serializer options.</param>
    /// <param name="name">What the value is called where it sits ("settings", "nodes[2]"), for a problem with the value itself.</param>
    internal static List<Found> Find(JsonNode value, Type type, JsonSerializerOptions options, string name = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(options);
        var found = new List<Found>();
        new JsonShapeWalker(options, found, name).Walk(value, type, new List<object>());
        return found;
    }

    /// <summary>
    /// Properties that appear more than once in the same object, which a JSON object cannot hold.
    /// </summary>
    /// <param name="utf8Json">The document; it must be valid JSON.</param>
    public static IReadOnlyList<JsonShapeProblem> FindDuplicateProperties(ReadOnlySpan<byte> utf8Json)
    {
        var problems = new List<JsonShapeProblem>();
        using var document = JsonDocument.Parse(utf8Json.ToArray(), new JsonDocumentOptions { MaxDepth = 64 });
        Duplicates(document.RootElement, new List<object>(), problems);
        return problems;
    }

    /// <summary>
    /// A syntax error in words: where it is (line and position, counted from 1) and what the reader found.
    /// </summary>
    public static string DescribeSyntaxError(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var message = exception.Message;
        foreach (var marker in new[] { " Path: ", " LineNumber: ", " | LineNumber" })
        {
            var cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0)
                message = message[..cut];
        }

        return exception.LineNumber is { } line
            ? $"not valid JSON at line {line + 1}, position {(exception.BytePositionInLine ?? 0) + 1}: {message}"
            : $"not valid JSON: {message}";
    }

    /// <summary>
    /// One sentence for a text the serializer refused: the syntax error, or the first shape problems
    /// with their paths ("$.items[0].product: ..."), or, when neither explains it, that it cannot be read.
    /// </summary>
    /// <param name="json">The text.</param>
    /// <param name="type">The model type it was read into.</param>
    /// <param name="options">The serializer options it was read with.</param>
    /// <param name="exception">The serializer's exception, for its position when the text is not JSON at all.</param>
    public static string Describe(string json, Type type, JsonSerializerOptions options, JsonException exception)
    {
        JsonNode node;
        try
        {
            node = JsonNode.Parse(json.AsSpan().TrimStart('\uFEFF').ToString(), documentOptions: new JsonDocumentOptions { MaxDepth = options.MaxDepth == 0 ? 64 : options.MaxDepth });
        }
        catch (JsonException syntax)
        {
            return DescribeSyntaxError(syntax);
        }

        IReadOnlyList<JsonShapeProblem> problems;
        try
        {
            problems = Check(node, type, options);
        }
        catch (InvalidOperationException)
        {
            // a JsonObject with a property twice throws when enumerated
            problems = FindDuplicateProperties(System.Text.Encoding.UTF8.GetBytes(json.TrimStart('\uFEFF')));
        }

        if (problems.Count == 0)
            return exception?.Path is { Length: > 1 } path ? $"{path}: this value cannot be read here." : "this value cannot be read here.";

        const int shown = 3;
        var text = string.Join(" ", problems.Take(shown).Select(p => p.Path == "$" ? p.Message : $"{p.Path}: {p.Message}"));
        return problems.Count > shown ? $"{text} (and {problems.Count - shown} more)" : text;
    }

    /// <summary>
    /// Writes path segments the way the engine's problems write paths: "$.nodes[3].delay".
    /// </summary>
    internal static string PathOf(IEnumerable<object> segments)
    {
        var text = new System.Text.StringBuilder("$");
        foreach (var segment in segments)
        {
            if (segment is int index)
                text.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
            else if (IsPlainName((string)segment))
                text.Append('.').Append((string)segment);
            else
                text.Append("['").Append(((string)segment).Replace("'", "\\'")).Append("']");
        }

        return text.ToString();
    }

    private static bool IsPlainName(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_');

    private static void Duplicates(JsonElement element, List<object> segments, List<JsonShapeProblem> problems)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    segments.Add(property.Name);
                    if (!seen.Add(property.Name))
                        problems.Add(new JsonShapeProblem(PathOf(segments), $"{Quote(property.Name)} appears more than once in this object; keep one."));
                    Duplicates(property.Value, segments, problems);
                    segments.RemoveAt(segments.Count - 1);
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    segments.Add(i++);
                    Duplicates(item, segments, problems);
                    segments.RemoveAt(segments.Count - 1);
                }

                break;
        }
    }

    internal static string Quote(string text) => Validation.Excerpt.Quote(text);

    internal static string ListOf(IEnumerable<string> names)
    {
        var list = names.ToList();
        var shown = string.Join(", ", list.Take(MaxListedNames).Select(Quote));
        return list.Count > MaxListedNames ? shown + ", …" : shown;
    }

    /// <summary>
    /// A problem with its path as segments, so a reader can drop exactly the value that is wrong.
    /// </summary>
    internal sealed record Found(IReadOnlyList<object> Segments, string Message);
}
