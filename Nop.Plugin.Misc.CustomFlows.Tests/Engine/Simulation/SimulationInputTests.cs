using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using Nop.Plugin.Misc.CustomFlows.Simulation;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Engine.Simulation;

[TestFixture]
public class SimulationInputTests
{
    private static List<SimulationEvent> Read(string lines) => EventLineReader.Read(new StringReader(lines), "events.jsonl").ToList();

    [Test]
    public void An_event_line_becomes_the_engines_event_with_products_categories_value_and_quantity()
    {
        var read = Read("""{"at":"2026-11-02T10:00:00+01:00","type":"cart_updated","customer":7,"store":2,"change":"itemRemoved","items":[{"product":5,"categories":[12],"parentCategories":[1],"quantity":2,"price":10.5},{"product":6,"price":4}]}""").Single();

        var e = read.Event;
        Assert.That(e.Type, Is.EqualTo(FlowEventType.CartUpdated));
        Assert.That(e.OccurredOnUtc, Is.EqualTo(new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc)), "offsets are turned into UTC");
        Assert.That(e.OccurredOnUtc.Kind, Is.EqualTo(DateTimeKind.Utc));
        Assert.That((e.CustomerId, e.StoreId, e.CartChange), Is.EqualTo((7, 2, (CartChange?)CartChange.ItemRemoved)));
        Assert.That(e.ProductIds, Is.EqualTo(new[] { 5, 6 }));
        Assert.That(e.CategoryIds, Is.EqualTo(new[] { 12 }));
        Assert.That(e.AncestorCategoryIds, Is.EqualTo(new[] { 1 }));
        Assert.That(e.Value, Is.EqualTo(25m), "value defaults to the sum of price times quantity");
        Assert.That(e.Quantity, Is.EqualTo(3));
    }

    [TestCase("""{"at":"2026-11-02T10:00:00Z","type":"order_shipped","customer":1}""", "unknown event type \"order_shipped\"")]
    [TestCase("""{"at":"2026-11-02T10:00:00Z","type":"order_placed"}""", "\"customer\" must be a positive customer id")]
    [TestCase("""{"at":"yesterday","type":"order_placed","customer":1}""", "\"at\" is not an ISO 8601 time")]
    [TestCase("""{"at":"2026-11-02T10:00:00Z","type":"order_placed","customer":1,"totl":5}""", "not a valid event")]
    [TestCase("""{"at":"2026-11-02T10:00:00Z","type":"email_clicked","customer":1}""", "email_clicked needs \"flow\" and \"node\"")]
    [TestCase("""{"at":"2026-11-02T10:00:00Z","type":"cart_updated","customer":1,"change":"emptied"}""", "\"change\" must be")]
    [TestCase("""not json""", "not a valid event")]
    public void A_bad_line_is_refused_with_its_line_number_and_the_reason(string badLine, string reason)
    {
        var lines = "# comment\n{\"at\":\"2026-11-02T09:00:00Z\",\"type\":\"product_viewed\",\"customer\":1}\n\n" + badLine;

        var error = Assert.Throws<SimulationInputException>(() => Read(lines));

        Assert.That(error.LineNumber, Is.EqualTo(4));
        Assert.That(error.Message, Does.StartWith("events.jsonl line 4: "));
        Assert.That(error.Message, Does.Contain(reason));
    }

    [Test]
    public void A_report_of_no_events_says_so_instead_of_showing_a_period()
    {
        var report = new FlowSimulator([]).Run([]);
        var text = new StringWriter();

        SimulationReportWriter.WriteText(report, text);

        Assert.That(text.ToString(), Does.StartWith("There were no events"));
        Assert.That(text.ToString(), Does.Not.Contain("0001-01-01").And.Not.Contain("1970"));
    }

    [Test]
    public void An_event_earlier_than_the_line_before_is_refused_rather_than_reordered()
    {
        var error = Assert.Throws<SimulationInputException>(() => Read("""
            {"at":"2026-11-02T10:00:00Z","type":"product_viewed","customer":1}
            {"at":"2026-11-02T09:59:00Z","type":"product_viewed","customer":2}
            """));

        Assert.That(error.LineNumber, Is.EqualTo(2));
        Assert.That(error.Message, Does.Contain("time order"));
    }

    [Test]
    public void Customers_are_read_from_json_lines_or_a_json_array_with_their_facts()
    {
        const string line = """{"id":3,"email":"a@b.c","timeZone":"Europe/Warsaw","country":"PL","language":"pl","store":2,"roles":["Vendors"],"registered":true,"newsletter":true,"dateOfBirth":"1990-05-01","tags":["vip"],"score":7,"orders":[{"at":"2026-01-01T10:00:00Z","total":99.5,"products":[4]}]}""";

        var fromLines = CustomerFileReader.Read(new StringReader(line + "\n"));
        var fromArray = CustomerFileReader.Read(new StringReader("[" + line + "]"));

        foreach (var customer in new[] { fromLines.Single(), fromArray.Single() })
        {
            var facts = customer.Facts;
            Assert.That((customer.Id, customer.StoreId, facts.CountryCode, facts.LanguageCode, facts.Score), Is.EqualTo((3, 2, "PL", "pl", 7)));
            Assert.That(facts.TimeZone.Id, Is.EqualTo("Europe/Warsaw"));
            Assert.That(facts.IsRegistered && facts.NewsletterSubscribed && facts.HasTag("VIP") && facts.HasRole("vendors") && facts.HasRole("Registered"), Is.True);
            Assert.That(customer.Dates["birthday"], Is.EqualTo(new DateOnly(1990, 5, 1)));
            Assert.That(facts.SumOrders(null), Is.EqualTo(99.5m));
        }
    }

    [Test]
    public void A_customer_with_an_unknown_time_zone_is_refused_with_its_line()
    {
        var error = Assert.Throws<SimulationInputException>(() => CustomerFileReader.Read(new StringReader("{\"id\":1}\n{\"id\":2,\"timeZone\":\"Mars/Olympus\"}"), "customers.jsonl"));

        Assert.That(error.Message, Is.EqualTo("customers.jsonl line 2: unknown time zone \"Mars/Olympus\" (use an IANA id such as \"Europe/Warsaw\")."));
    }

    [Test]
    public void A_guardrails_file_sets_budget_quiet_hours_blackout_dates_and_pauses()
    {
        var options = new SimulationOptions();

        GuardrailFileReader.Read(new StringReader("""
            { "messageBudget": [ { "channel": "email", "max": 1, "period": "24h" }, { "max": 3, "period": "7d" } ],
              "quietHours": { "start": "22:00", "end": "08:00" },
              "blackoutDates": [ "2026-12-24" ],
              "pauses": [ { "from": "2026-11-03T00:00:00Z", "to": "2026-11-04T00:00:00Z" } ] }
            """), options);

        Assert.That(options.Guardrails.MessageBudget.Select(r => (r.Channel, r.Max, r.Period)), Is.EqualTo(new[]
        {
            ((Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions.ActionChannel?)Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions.ActionChannel.Email, 1, TimeSpan.FromHours(24)),
            (null, 3, TimeSpan.FromDays(7))
        }));
        Assert.That(options.Guardrails.QuietHours.Start, Is.EqualTo(new TimeOnly(22, 0)));
        Assert.That(options.Guardrails.BlackoutDates, Is.EqualTo(new[] { new DateOnly(2026, 12, 24) }));
        Assert.That(options.Pauses.Single().ToUtc, Is.EqualTo(new DateTime(2026, 11, 4, 0, 0, 0, DateTimeKind.Utc)));
    }
}
