using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

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
        new Walker(options, found, name).Walk(value, type, new List<object>());
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

    private static string Quote(string text) => Validation.Excerpt.Quote(text);

    private static string ListOf(IEnumerable<string> names)
    {
        var list = names.ToList();
        var shown = string.Join(", ", list.Take(MaxListedNames).Select(Quote));
        return list.Count > MaxListedNames ? shown + ", …" : shown;
    }

    /// <summary>
    /// A problem with its path as segments, so a reader can drop exactly the value that is wrong.
    /// </summary>
    internal sealed record Found(IReadOnlyList<object> Segments, string Message);

    private sealed class Walker
    {
        private readonly JsonSerializerOptions _options;
        private readonly List<Found> _found;
        private readonly string _rootName;

        public Walker(JsonSerializerOptions options, List<Found> found, string rootName)
        {
            _options = options;
            _found = found;
            _rootName = rootName;
        }

        public void Walk(JsonNode json, Type type, List<object> segments)
        {
            if (_found.Count >= MaxProblems)
                return;

            var underlying = Nullable.GetUnderlyingType(type);
            if (json == null)
            {
                if (type.IsValueType && underlying == null)
                    Report(segments, $"{Subject(segments)} must be {Expected(type, json)}, not null.");
                return;
            }

            type = underlying ?? type;
            if (type == typeof(object) || type == typeof(JsonElement) || typeof(JsonNode).IsAssignableFrom(type))
                return;

            if (IsScalar(type))
            {
                if (!Fits(json, type))
                    Report(segments, $"{Subject(segments)} must be {Expected(type, json)}, not {Described(json)}.");
                return;
            }

            var info = _options.GetTypeInfo(type);
            switch (info.Kind)
            {
                case JsonTypeInfoKind.Enumerable:
                    if (json is not JsonArray array)
                    {
                        Report(segments, $"{Subject(segments)} must be a list, not {Described(json)}.");
                        return;
                    }

                    for (var i = 0; i < array.Count; i++)
                    {
                        segments.Add(i);
                        Walk(array[i], info.ElementType!, segments);
                        segments.RemoveAt(segments.Count - 1);
                    }

                    return;
                case JsonTypeInfoKind.Dictionary:
                    if (json is not JsonObject map)
                    {
                        Report(segments, $"{Subject(segments)} must be an object, not {Described(json)}.");
                        return;
                    }

                    foreach (var (name, value) in map)
                    {
                        segments.Add(name);
                        Walk(value, info.ElementType!, segments);
                        segments.RemoveAt(segments.Count - 1);
                    }

                    return;
                case JsonTypeInfoKind.Object:
                    WalkObject(json, info, segments);
                    return;
            }
        }

        private void WalkObject(JsonNode json, JsonTypeInfo info, List<object> segments)
        {
            if (json is not JsonObject obj)
            {
                Report(segments, $"{Subject(segments)} must be an object, not {Described(json)}.");
                return;
            }

            string discriminator = null;
            if (info.PolymorphismOptions is { DerivedTypes.Count: > 0 } polymorphism)
            {
                discriminator = polymorphism.TypeDiscriminatorPropertyName ?? "$type";
                var kinds = polymorphism.DerivedTypes.Where(d => d.TypeDiscriminator is string).ToDictionary(d => (string)d.TypeDiscriminator, d => d.DerivedType, StringComparer.Ordinal);
                var kind = obj[discriminator] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
                if (kind == null || !kinds.TryGetValue(kind, out var derived))
                {
                    var what = kind == null
                        ? obj.ContainsKey(discriminator) ? $"{Quote(discriminator)} must be text" : $"{Subject(segments)} needs a {Quote(discriminator)}"
                        : $"{Quote(kind)} is not a known {Quote(discriminator)} here";
                    Report(segments, $"{what}; use one of {ListOf(kinds.Keys.Order(StringComparer.Ordinal))}.");
                    return;
                }

                info = _options.GetTypeInfo(derived);
            }

            var comparer = _options.PropertyNameCaseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
            var properties = new Dictionary<string, JsonPropertyInfo>(comparer);
            foreach (var property in info.Properties)
            {
                // what the model derives (read-only, or ignored) is not part of the JSON
                var ignored = property.AttributeProvider?.GetCustomAttributes(typeof(JsonIgnoreAttribute), inherit: true)
                    .OfType<JsonIgnoreAttribute>().Any(attribute => attribute.Condition == JsonIgnoreCondition.Always) == true;
                if (property.Set != null && !ignored)
                    properties.TryAdd(property.Name, property);
            }
            var refuseUnknown = (info.UnmappedMemberHandling ?? _options.UnmappedMemberHandling) == JsonUnmappedMemberHandling.Disallow;

            foreach (var (name, value) in obj)
            {
                if (discriminator != null && name == discriminator)
                    continue;

                segments.Add(name);
                if (properties.TryGetValue(name, out var property))
                    Walk(value, property.PropertyType, segments);
                else if (refuseUnknown)
                {
                    var known = properties.Keys.Where(k => k != discriminator).Order(StringComparer.Ordinal).ToList();
                    var owner = discriminator == null ? "this object" : $"an object of {Quote(discriminator)} {Quote(obj[discriminator]!.GetValue<string>())}";
                    Report(segments, known.Count == 0
                        ? $"{Quote(name)} is not a property of {owner}, which takes none."
                        : $"{Quote(name)} is not a property of {owner}; it takes {ListOf(known)}.");
                }

                segments.RemoveAt(segments.Count - 1);
            }
        }

        private void Report(List<object> segments, string message)
        {
            if (_found.Count < MaxProblems)
                _found.Add(new Found(segments.ToArray(), message));
        }

        private static bool IsScalar(Type type) =>
            type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal);

        private bool Fits(JsonNode json, Type type)
        {
            if (json is not JsonValue value)
                return false;

            var kind = value.GetValueKind();
            if (type == typeof(string))
                return kind == JsonValueKind.String;
            if (type == typeof(bool))
                return kind is JsonValueKind.True or JsonValueKind.False;
            if (type.IsEnum)
            {
                var names = EnumNames(type);
                return names == null
                    ? kind == JsonValueKind.Number
                    : kind == JsonValueKind.String && names.Contains(value.GetValue<string>(), StringComparer.OrdinalIgnoreCase);
            }

            if (kind != JsonValueKind.Number)
                return false;
            if (type == typeof(int))
                return value.TryGetValue<int>(out _);
            if (type == typeof(long))
                return value.TryGetValue<long>(out _);
            if (type == typeof(decimal))
                return value.TryGetValue<decimal>(out _);
            if (type == typeof(double))
                return value.TryGetValue<double>(out _);
            return true;
        }

        private string Expected(Type type, JsonNode json)
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (type == typeof(string))
                return "text";
            if (type == typeof(bool))
                return "true or false";
            if (type == typeof(int))
            {
                // a whole number that is too big says so; anything else only needs to hear "whole number"
                var whole = json is JsonValue value && value.GetValueKind() == JsonValueKind.Number
                    && value.TryGetValue<decimal>(out var number) && number == decimal.Truncate(number);
                return whole ? "a whole number from -2147483648 to 2147483647" : "a whole number";
            }

            if (type == typeof(long) || type == typeof(short) || type == typeof(byte))
                return "a whole number";
            if (type == typeof(decimal) || type == typeof(double) || type == typeof(float))
                return "a number";
            if (type.IsEnum)
                return EnumNames(type) is { } names ? "one of " + ListOf(names) : "a number";
            return "an object";
        }

        /// <summary>
        /// The names an enum is written as with these options (so a custom name such as "order_placed"
        /// is what the message lists); null when the options write it as a number.
        /// </summary>
        private List<string> EnumNames(Type type)
        {
            var names = new List<string>();
            foreach (var value in Enum.GetValues(type))
            {
                var written = JsonSerializer.Serialize(value, type, _options);
                if (!written.StartsWith('"'))
                    return null;
                names.Add(JsonSerializer.Deserialize<string>(written));
            }

            return names;
        }

        private string Subject(List<object> segments)
        {
            if (segments.Count == 0)
                return _rootName == null ? "The document" : Quote(_rootName);
            if (segments[^1] is string name)
                return Quote(name);

            // a list item: name it by its list, "onWeekdays[2]"
            var start = segments.Count - 1;
            while (start > 0 && segments[start - 1] is int)
                start--;
            var list = start > 0 ? (string)segments[start - 1] : string.Empty;
            return Quote(list + string.Concat(segments.Skip(start).Select(s => $"[{s}]")));
        }

        private static string Described(JsonNode json)
        {
            switch (json)
            {
                case null:
                    return "null";
                case JsonArray:
                    return "a list";
                case JsonObject:
                    return "an object";
            }

            var value = (JsonValue)json;
            return value.GetValueKind() switch
            {
                JsonValueKind.String => "the text " + Quote(value.GetValue<string>()),
                JsonValueKind.Number => "the number " + Cut(value.ToJsonString()),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => "null"
            };
        }

        private static string Cut(string text) => Validation.Excerpt.Cut(text);
    }
}
