using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using static Nop.Plugin.Misc.CustomFlows.Engine.Serialization.JsonShape;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Serialization;

/// <summary>
/// Walks a JSON value next to the model type it is read into (as the serializer options describe it)
/// and notes every value of the wrong kind, unknown property and unknown "type"; see <see cref="JsonShape"/>.
/// </summary>
internal sealed class JsonShapeWalker
{
    private readonly JsonSerializerOptions _options;
    private readonly List<JsonShape.Found> _found;
    private readonly string _rootName;

    public JsonShapeWalker(JsonSerializerOptions options, List<JsonShape.Found> found, string rootName)
    {
        _options = options;
        _found = found;
        _rootName = rootName;
    }

    public void Walk(JsonNode json, Type type, List<object> segments)
    {
        if (_found.Count >= JsonShape.MaxProblems)
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
        if (_found.Count < JsonShape.MaxProblems)
            _found.Add(new JsonShape.Found(segments.ToArray(), message));
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
