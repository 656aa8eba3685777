using System.Globalization;
using System.Text.Json;
using Nop.Plugin.Misc.CustomFlows.Engine.Facts;
using Nop.Plugin.Misc.CustomFlows.Engine.Serialization;

namespace Nop.Plugin.Misc.CustomFlows.Simulation;

/// <summary>
/// Reads the simulator's customers file: JSON lines (one customer per line) or one JSON array
/// (see docs/simulator.md). Unknown properties, bad time zones and duplicate ids are refused with
/// their location.
/// </summary>
public static class CustomerFileReader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        MaxDepth = 16
    };

    /// <summary>
    /// Reads every customer.
    /// </summary>
    /// <param name="reader">The file.</param>
    /// <param name="source">Name used in error messages.</param>
    /// <exception cref="SimulationInputException">A customer is not valid.</exception>
    public static IReadOnlyList<SimulatedCustomer> Read(TextReader reader, string source = "customers")
    {
        ArgumentNullException.ThrowIfNull(reader);
        var text = reader.ReadToEnd();
        var customers = new List<SimulatedCustomer>();
        var seen = new HashSet<int>();

        void Add(SimulatedCustomer customer, int lineNumber, string where)
        {
            if (!seen.Add(customer.Id))
                throw new SimulationInputException(source, lineNumber, $"{where}customer {customer.Id} appears twice.");
            customers.Add(customer);
        }

        if (text.AsSpan().TrimStart().StartsWith("["))
        {
            List<JsonElement> elements;
            try
            {
                elements = JsonSerializer.Deserialize<List<JsonElement>>(text, Options);
            }
            catch (JsonException ex)
            {
                throw new SimulationInputException(source, (int)(ex.LineNumber ?? -1) + 1, $"not a JSON array of customers: {JsonShape.Describe(text, typeof(List<JsonElement>), Options, ex)}", ex);
            }

            for (var i = 0; i < elements.Count; i++)
                Add(Parse(elements[i].GetRawText(), source, 0, $"[{i}]: "), 0, $"[{i}]: ");
            return customers;
        }

        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("//", StringComparison.Ordinal))
                continue;
            Add(Parse(line, source, i + 1, string.Empty), i + 1, string.Empty);
        }

        return customers;
    }

    private static SimulatedCustomer Parse(string json, string source, int lineNumber, string where)
    {
        CustomerLine dto;
        try
        {
            dto = JsonSerializer.Deserialize<CustomerLine>(json, Options);
        }
        catch (JsonException ex)
        {
            throw new SimulationInputException(source, lineNumber, $"{where}not a valid customer: {JsonShape.Describe(json, typeof(CustomerLine), Options, ex)}", ex);
        }

        string Fail(string problem) => throw new SimulationInputException(source, lineNumber, where + problem);

        if (dto == null || dto.Id is not > 0)
            Fail("\"id\" must be a positive customer id.");

        var customer = new SimulatedCustomer(dto.Id.Value) { Email = dto.Email, StoreId = dto.Store ?? 1 };
        var facts = customer.Facts;
        facts.CountryCode = dto.Country;
        facts.LanguageCode = dto.Language;
        facts.NewsletterSubscribed = dto.Newsletter;
        facts.Score = dto.Score;
        facts.FunnelStage = dto.FunnelStage;
        facts.IsRegistered = dto.Registered ?? dto.RegisteredOn != null;
        if (dto.TimeZone != null)
        {
            try
            {
                facts.TimeZone = TimeZoneInfo.FindSystemTimeZoneById(dto.TimeZone);
            }
            catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                Fail($"unknown time zone \"{dto.TimeZone}\" (use an IANA id such as \"Europe/Warsaw\").");
            }
        }

        foreach (var tag in dto.Tags ?? [])
            facts.Tags.Add(tag);
        foreach (var role in dto.Roles ?? [])
            facts.Roles.Add(role);
        if (facts.IsRegistered)
            facts.Roles.Add("Registered");
        else if (facts.Roles.Count == 0)
            facts.Roles.Add("Guests");

        if (dto.DateOfBirth != null)
            customer.Dates["birthday"] = ParseDate(dto.DateOfBirth, "dateOfBirth", Fail);
        foreach (var (field, value) in dto.Dates ?? [])
            customer.Dates[field] = ParseDate(value, $"dates.{field}", Fail);

        foreach (var (order, index) in (dto.Orders ?? []).Select((o, i) => (o, i)))
        {
            if (order == null || !DateTime.TryParse(order.At, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var placed))
            {
                Fail($"orders[{index}].at is not an ISO 8601 time.");
                continue;
            }

            var items = (order.Products ?? []).Select(ProductRef.Of).ToList();
            facts.Orders.Add(new OrderFact(placed, order.Total, items));
        }

        facts.Orders.Sort((a, b) => a.PlacedOnUtc.CompareTo(b.PlacedOnUtc));
        return customer;
    }

    private static DateOnly ParseDate(string text, string name, Func<string, string> fail)
    {
        if (!DateOnly.TryParseExact(text ?? string.Empty, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            fail($"\"{name}\" must be a date (yyyy-MM-dd), not \"{text}\".");
        return date;
    }

    private sealed class CustomerLine
    {
        public int? Id { get; set; }
        public string Email { get; set; }
        public string TimeZone { get; set; }
        public string Country { get; set; }
        public string Language { get; set; }
        public int? Store { get; set; }
        public List<string> Roles { get; set; }
        public bool? Registered { get; set; }
        public string RegisteredOn { get; set; }
        public bool Newsletter { get; set; }
        public string DateOfBirth { get; set; }
        public Dictionary<string, string> Dates { get; set; }
        public List<string> Tags { get; set; }
        public int Score { get; set; }
        public string FunnelStage { get; set; }
        public List<PastOrder> Orders { get; set; }
    }

    private sealed class PastOrder
    {
        public string At { get; set; }
        public decimal Total { get; set; }
        public List<int> Products { get; set; }
    }
}
