using System.Collections;
using System.Collections.Specialized;
using System.Globalization;
using System.Runtime.Serialization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Quartz;
using Quartz.Spi;

namespace Nop.Plugin.Misc.CustomFlows.Scheduling.Serialization;

/// <summary>
/// Stores Quartz job data and calendars as System.Text.Json documents in the clustered job store
/// </summary>
/// <remarks>
/// Quartz 3's binary serializer relies on BinaryFormatter, which .NET 9 no longer has, and Quartz's own
/// System.Text.Json package exists only for Quartz 4. The documents written here are small, readable in
/// the database and name no .NET types, so renaming a class never breaks stored data.
/// Quartz asks for: string properties (with <c>useProperties</c>), whole job data maps (without it) and
/// calendars. It tells a failed cast apart from corrupt data, trying the other form of job data on an
/// <see cref="InvalidCastException"/>, so that is what a request for the wrong kind throws.
/// </remarks>
public sealed class QuartzJsonSerializer : IObjectSerializer
{
    #region Constants

    private const string KindProperty = "kind";
    private const string PropertiesKind = "properties";
    private const string MapKind = "map";
    private const string CalendarKind = "calendar";

    #endregion

    #region Methods

    /// <summary>
    /// Called by Quartz once after configuration; nothing to prepare
    /// </summary>
    public void Initialize()
    {
    }

    /// <summary>
    /// Serializes string properties, a job data map or a calendar
    /// </summary>
    /// <typeparam name="T">The declared type (Quartz often passes <see cref="object"/>)</typeparam>
    /// <param name="obj">The object</param>
    /// <returns>UTF-8 JSON</returns>
    /// <exception cref="SerializationException">The object, or a value in a job data map, has a type with no JSON form here</exception>
    public byte[] Serialize<T>(T obj) where T : class
    {
        var document = obj switch
        {
            NameValueCollection properties => WriteProperties(properties),
            IDictionary<string, object> map => WriteMap(map),
            ICalendar calendar => new JsonObject { [KindProperty] = CalendarKind, [CalendarKind] = CalendarJson.Write(calendar) },
            null => throw new ArgumentNullException(nameof(obj)),
            _ => throw new SerializationException($"Objects of type {obj.GetType()} cannot be stored by the flow scheduler; only string job data, job data maps and calendars can.")
        };

        return JsonSerializer.SerializeToUtf8Bytes(document);
    }

    /// <summary>
    /// Reads back what <see cref="Serialize{T}"/> wrote
    /// </summary>
    /// <typeparam name="T">The type Quartz expects</typeparam>
    /// <param name="data">UTF-8 JSON</param>
    /// <returns>The object</returns>
    /// <exception cref="InvalidCastException">The data holds another kind of object than <typeparamref name="T"/></exception>
    /// <exception cref="SerializationException">The data is not a document written by this serializer</exception>
    public T DeSerialize<T>(byte[] data) where T : class
    {
        JsonObject document;
        try
        {
            document = JsonNode.Parse(data) as JsonObject;
        }
        catch (JsonException exception)
        {
            throw new SerializationException("Quartz data in the job store is not JSON; was it written by another serializer?", exception);
        }

        var kind = document?[KindProperty]?.GetValue<string>();
        object value = kind switch
        {
            PropertiesKind => ReadProperties(document),
            MapKind => ReadMap(document),
            CalendarKind => CalendarJson.Read(document[CalendarKind] as JsonObject),
            _ => throw new SerializationException($"Unknown kind '{kind}' of Quartz data in the job store.")
        };

        return value as T ?? throw new InvalidCastException($"The stored {kind} cannot be read as {typeof(T)}.");
    }

    #endregion

    #region Utilities

    private static JsonObject WriteProperties(NameValueCollection properties)
    {
        var entries = new JsonObject();
        foreach (var key in properties.AllKeys)
            entries[key!] = properties[key];

        return new JsonObject { [KindProperty] = PropertiesKind, ["entries"] = entries };
    }

    private static NameValueCollection ReadProperties(JsonObject document)
    {
        var properties = new NameValueCollection();
        foreach (var (key, value) in Entries(document))
            properties[key] = value?.GetValue<string>();

        return properties;
    }

    private static JsonObject WriteMap(IDictionary<string, object> map)
    {
        var entries = new JsonObject();
        foreach (var (key, value) in map)
            entries[key] = TypedValue.Write(key, value);

        return new JsonObject { [KindProperty] = MapKind, ["entries"] = entries };
    }

    private static JobDataMap ReadMap(JsonObject document)
    {
        var map = new JobDataMap();
        foreach (var (key, value) in Entries(document))
            map[key] = TypedValue.Read(key, value as JsonObject);

        return map;
    }

    private static IEnumerable<KeyValuePair<string, JsonNode>> Entries(JsonObject document)
    {
        return document["entries"] as JsonObject ?? throw new SerializationException("Quartz data without entries in the job store.");
    }

    #endregion

    #region Nested class

    /// <summary>
    /// A job data value with its type, so an int comes back as an int and not as a JSON number of any size
    /// </summary>
    private static class TypedValue
    {
        public static JsonObject Write(string key, object value)
        {
            var (type, json) = value switch
            {
                null => ("null", null),
                string text => ("string", JsonValue.Create(text)),
                bool flag => ("bool", JsonValue.Create(flag)),
                int number => ("int", JsonValue.Create(number)),
                long number => ("long", JsonValue.Create(number)),
                double number => ("double", JsonValue.Create(number)),
                decimal number => ("decimal", JsonValue.Create(number.ToString(CultureInfo.InvariantCulture))),
                DateTime time => ("dateTime", JsonValue.Create(time.ToString("O", CultureInfo.InvariantCulture))),
                DateTimeOffset time => ("dateTimeOffset", JsonValue.Create(time.ToString("O", CultureInfo.InvariantCulture))),
                TimeSpan span => ("timeSpan", JsonValue.Create(span.ToString("c", CultureInfo.InvariantCulture))),
                Guid guid => ("guid", JsonValue.Create(guid.ToString("D"))),
                _ => throw new SerializationException($"Job data '{key}' of type {value.GetType()} cannot be stored; use a string, number, bool, date, time span or GUID.")
            };

            return new JsonObject { ["type"] = type, ["value"] = json };
        }

        public static object Read(string key, JsonObject entry)
        {
            var value = entry?["value"];
            return entry?["type"]?.GetValue<string>() switch
            {
                "null" => null,
                "string" => value!.GetValue<string>(),
                "bool" => value!.GetValue<bool>(),
                "int" => value!.GetValue<int>(),
                "long" => value!.GetValue<long>(),
                "double" => value!.GetValue<double>(),
                "decimal" => decimal.Parse(value!.GetValue<string>(), CultureInfo.InvariantCulture),
                "dateTime" => DateTime.Parse(value!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                "dateTimeOffset" => DateTimeOffset.Parse(value!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                "timeSpan" => TimeSpan.ParseExact(value!.GetValue<string>(), "c", CultureInfo.InvariantCulture),
                "guid" => Guid.Parse(value!.GetValue<string>()),
                var type => throw new SerializationException($"Job data '{key}' has the unknown type '{type}'.")
            };
        }
    }

    #endregion
}
