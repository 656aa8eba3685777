using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Serialization;

/// <summary>
/// The one JSON dialect of the engine: camelCase names, enums as strings, nulls left out,
/// unknown properties refused (a typo must not silently change a flow).
/// </summary>
public static class FlowJson
{
    /// <summary>
    /// Options for flow definitions, run state and effects.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions(writeIndented: false);

    /// <summary>
    /// Same as <see cref="Options"/> but indented, for files people read (templates, docs, exports).
    /// </summary>
    public static JsonSerializerOptions IndentedOptions { get; } = CreateOptions(writeIndented: true);

    /// <summary>
    /// Writes a flow definition as JSON.
    /// </summary>
    /// <param name="definition">The flow.</param>
    /// <param name="indented">Whether to indent for reading.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(FlowDefinition definition, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return JsonSerializer.Serialize(definition, indented ? IndentedOptions : Options);
    }

    /// <summary>
    /// Reads a flow definition. Use <c>FlowValidator</c> for untrusted input: it reports every
    /// problem instead of stopping at the first.
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The flow.</returns>
    /// <exception cref="FlowFormatException">The text is not a flow definition of a supported schema version.</exception>
    public static FlowDefinition Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        FlowDefinition definition;
        try
        {
            definition = JsonSerializer.Deserialize<FlowDefinition>(json.AsSpan().TrimStart(ByteOrderMarkChar), Options);
        }
        catch (JsonException ex)
        {
            throw new FlowFormatException($"Not a valid flow definition: {JsonShape.Describe(json, typeof(FlowDefinition), Options, ex)}", ex);
        }

        if (definition == null)
            throw new FlowFormatException("Not a valid flow definition: the document is null.");
        if (definition.SchemaVersion != FlowDefinition.CurrentSchemaVersion)
            throw new FlowFormatException($"Unsupported schemaVersion {definition.SchemaVersion}; this engine reads {FlowDefinition.CurrentSchemaVersion}.");

        return definition;
    }

    /// <summary>
    /// How the dialect writes an enum value ("order_placed", "oncePerPeriod"), for messages that name one.
    /// </summary>
    /// <param name="value">The value; one that is not defined is written as its number.</param>
    public static string NameOf<TEnum>(TEnum value) where TEnum : struct, Enum =>
        Enum.IsDefined(value)
            ? JsonSerializer.Deserialize<string>(JsonSerializer.Serialize(value, Options))
            : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The UTF-8 text without a leading byte-order mark, which editors on Windows write and which is
    /// not part of the document.
    /// </summary>
    internal static ReadOnlySpan<byte> WithoutByteOrderMark(ReadOnlySpan<byte> utf8Json) =>
        utf8Json.StartsWith(Encoding.UTF8.Preamble) ? utf8Json[Encoding.UTF8.Preamble.Length..] : utf8Json;

    private const char ByteOrderMarkChar = '\uFEFF';

    private static JsonSerializerOptions CreateOptions(bool writeIndented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            // editors and people do not always put "type" first
            AllowOutOfOrderMetadataProperties = true,
            WriteIndented = writeIndented,
            MaxDepth = 64
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
