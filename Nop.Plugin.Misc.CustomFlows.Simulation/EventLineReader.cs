using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using Nop.Plugin.Misc.CustomFlows.Engine.Facts;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using Nop.Plugin.Misc.CustomFlows.Engine.Serialization;

namespace Nop.Plugin.Misc.CustomFlows.Simulation;

/// <summary>
/// Reads the simulator's event stream: one JSON object per line, in time order (see docs/simulator.md).
/// Every line is either used or refused with its line number; blank lines and lines starting with
/// "#" or "//" are comments.
/// </summary>
public static class EventLineReader
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    private static readonly Dictionary<string, FlowEventType> EventTypes = Enum.GetValues<FlowEventType>()
        .ToDictionary(type => JsonNameOf(type), StringComparer.Ordinal);

    /// <summary>
    /// Reads every line lazily, so a million events never sit in memory as text.
    /// </summary>
    /// <param name="reader">The stream.</param>
    /// <param name="source">Name used in error messages, e.g. the file name.</param>
    /// <exception cref="SimulationInputException">A line is not a valid event, or is earlier than the one before.</exception>
    public static IEnumerable<SimulationEvent> Read(TextReader reader, string source = "events")
    {
        ArgumentNullException.ThrowIfNull(reader);
        var lineNumber = 0;
        var previous = DateTime.MinValue;
        string line;
        while ((line = reader.ReadLine()) != null)
        {
            lineNumber++;
            var trimmed = line.AsSpan().Trim();
            if (trimmed.IsEmpty || trimmed.StartsWith("#") || trimmed.StartsWith("//"))
                continue;

            var parsed = Parse(line, source, lineNumber);
            if (parsed.OccurredOnUtc < previous)
                throw new SimulationInputException(source, lineNumber, $"\"at\" {Iso(parsed.OccurredOnUtc)} is earlier than the line before ({Iso(previous)}); events must be in time order.");

            previous = parsed.OccurredOnUtc;
            yield return parsed;
        }
    }

    /// <summary>
    /// Reads every line once without keeping any, and collects what is wrong with each bad one, so a
    /// whole file can be corrected in one go before it is simulated.
    /// </summary>
    /// <param name="reader">The stream.</param>
    /// <param name="source">Name used in the messages.</param>
    /// <param name="maxProblems">Most problems kept; the rest are only counted.</param>
    public static EventFileCheck Check(TextReader reader, string source = "events", int maxProblems = 20)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var problems = new List<SimulationInputException>();
        var badLines = 0;
        var events = 0;
        var lineNumber = 0;
        var previous = DateTime.MinValue;
        string line;
        while ((line = reader.ReadLine()) != null)
        {
            lineNumber++;
            var trimmed = line.AsSpan().Trim();
            if (trimmed.IsEmpty || trimmed.StartsWith("#") || trimmed.StartsWith("//"))
                continue;

            SimulationInputException problem = null;
            try
            {
                var parsed = Parse(line, source, lineNumber);
                if (parsed.OccurredOnUtc < previous)
                    problem = new SimulationInputException(source, lineNumber, $"\"at\" {Iso(parsed.OccurredOnUtc)} is earlier than the line before ({Iso(previous)}); events must be in time order.");
                else
                    previous = parsed.OccurredOnUtc;
            }
            catch (SimulationInputException ex)
            {
                problem = ex;
            }

            if (problem == null)
            {
                events++;
                continue;
            }

            badLines++;
            if (problems.Count < maxProblems)
                problems.Add(problem);
        }

        return new EventFileCheck(events, problems, badLines - problems.Count);
    }

    /// <summary>
    /// Reads one line.
    /// </summary>
    /// <exception cref="SimulationInputException">The line is not a valid event.</exception>
    public static SimulationEvent Parse(string line, string source, int lineNumber)
    {
        EventLine dto;
        try
        {
            dto = JsonSerializer.Deserialize<EventLine>(line, Options);
        }
        catch (JsonException ex)
        {
            throw new SimulationInputException(source, lineNumber, $"not a valid event: {JsonShape.Describe(line, typeof(EventLine), Options, ex)}", ex);
        }

        if (dto == null)
            throw new SimulationInputException(source, lineNumber, "not a valid event: the line is null.");

        string Fail(string problem) => throw new SimulationInputException(source, lineNumber, problem);

        if (string.IsNullOrEmpty(dto.At))
            Fail("\"at\" is missing.");
        if (!DateTime.TryParse(dto.At, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
            Fail($"\"at\" is not an ISO 8601 time: \"{dto.At}\".");
        if (string.IsNullOrEmpty(dto.Type))
            Fail("\"type\" is missing.");
        if (dto.Customer is not > 0)
            Fail("\"customer\" must be a positive customer id.");

        var items = ReadItems(dto.Items, Fail);
        var result = new SimulationEvent { OccurredOnUtc = at, CustomerId = dto.Customer.Value, Items = items, LineNumber = lineNumber };
        if (dto.Type == SimulationEvent.NewsletterUnsubscribed)
        {
            result.FactChange = dto.Type;
            return result;
        }

        if (!EventTypes.TryGetValue(dto.Type, out var type))
            Fail($"unknown event type \"{dto.Type}\"; known: {string.Join(", ", EventTypes.Keys.Append(SimulationEvent.NewsletterUnsubscribed))}.");

        var flowEvent = new FlowEvent
        {
            Type = type,
            CustomerId = dto.Customer.Value,
            OccurredOnUtc = at,
            StoreId = dto.Store ?? 0,
            ProductIds = items.Select(i => i.ProductId).Distinct().ToArray(),
            CategoryIds = items.SelectMany(i => i.CategoryIds).Distinct().ToArray(),
            AncestorCategoryIds = items.SelectMany(i => i.AncestorCategoryIds).Distinct().ToArray(),
            Value = dto.Value ?? dto.Items?.Sum(i => i.Price * i.Quantity) ?? 0m,
            Quantity = dto.Quantity ?? dto.Items?.Sum(i => i.Quantity) ?? 0,
            Tag = dto.Tag,
            EventName = dto.Name,
            DateField = dto.DateField,
            NodeId = dto.Node
        };

        switch (type)
        {
            case FlowEventType.CartUpdated:
                flowEvent.CartChange = ReadCartChange(dto.Change, Fail);
                break;
            case FlowEventType.EmailOpened or FlowEventType.EmailClicked or FlowEventType.PopupShown
                or FlowEventType.PopupClicked or FlowEventType.PopupDismissed:
                if (string.IsNullOrEmpty(dto.Flow) || string.IsNullOrEmpty(dto.Node))
                    Fail($"{dto.Type} needs \"flow\" and \"node\": the flow and action step whose message it was.");
                result.FlowId = dto.Flow;
                break;
            case FlowEventType.TagAdded when string.IsNullOrEmpty(dto.Tag):
                Fail("tag_added needs \"tag\".");
                break;
            case FlowEventType.Custom when string.IsNullOrEmpty(dto.Name):
                Fail("custom needs \"name\".");
                break;
            case FlowEventType.Date:
                if (string.IsNullOrEmpty(dto.DateField) || !DateOnly.TryParseExact(dto.Date ?? string.Empty, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    Fail("date needs \"dateField\" and \"date\" (yyyy-MM-dd).");
                else
                    flowEvent.DateValue = date;
                break;
        }

        if (dto.Change != null && type != FlowEventType.CartUpdated)
            Fail("\"change\" belongs to cart_updated only.");

        result.Event = flowEvent;
        return result;
    }

    private static CartChange? ReadCartChange(string text, Func<string, string> fail)
    {
        switch (text)
        {
            case null:
                return null;
            case "itemAdded":
                return CartChange.ItemAdded;
            case "itemRemoved":
                return CartChange.ItemRemoved;
            default:
                fail($"\"change\" must be \"itemAdded\" or \"itemRemoved\", not \"{text}\".");
                return null;
        }
    }

    private static IReadOnlyList<ProductRef> ReadItems(List<ItemLine> lines, Func<string, string> fail)
    {
        if (lines == null || lines.Count == 0)
            return [];

        var items = new ProductRef[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line == null || line.Product <= 0)
                fail($"items[{i}].product must be a positive product id.");
            if (line.Quantity < 0 || line.Price < 0)
                fail($"items[{i}] has a negative quantity or price.");
            items[i] = new ProductRef(line.Product, line.Categories ?? [], line.ParentCategories ?? []);
        }

        return items;
    }

    /// <summary>
    /// The event line name of an event type ("order_placed").
    /// </summary>
    public static string NameOf(FlowEventType type) => Names[(int)type];

    private static readonly string[] Names = Enum.GetValues<FlowEventType>().OrderBy(t => (int)t).Select(JsonNameOf).ToArray();

    private static string JsonNameOf(FlowEventType type)
    {
        var member = typeof(FlowEventType).GetField(type.ToString());
        var attribute = (JsonStringEnumMemberNameAttribute)Attribute.GetCustomAttribute(member!, typeof(JsonStringEnumMemberNameAttribute));
        return attribute?.Name ?? type.ToString();
    }

    internal static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            MaxDepth = 16
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private sealed class EventLine
    {
        public string At { get; set; }
        public string Type { get; set; }
        public int? Customer { get; set; }
        public int? Store { get; set; }
        public string Change { get; set; }
        public List<ItemLine> Items { get; set; }
        public decimal? Value { get; set; }
        public int? Quantity { get; set; }
        public string Tag { get; set; }
        public string Name { get; set; }
        public string Flow { get; set; }
        public string Node { get; set; }
        public string DateField { get; set; }
        public string Date { get; set; }
        public JsonElement? Order { get; set; }
    }

    private sealed class ItemLine
    {
        public int Product { get; set; }
        public int[] Categories { get; set; }
        public int[] ParentCategories { get; set; }
        public int Quantity { get; set; } = 1;
        public decimal Price { get; set; }
    }
}
