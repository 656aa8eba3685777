using Nop.Plugin.Misc.CustomFlows.Engine.Conditions;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using Nop.Plugin.Misc.CustomFlows.Engine.Facts;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;

namespace Nop.Plugin.Misc.CustomFlows.Simulation;

/// <summary>
/// A generated shop history for demos and benchmarks: customers, then days of product views, carts,
/// orders, sign-ups and newsletter subscriptions. The same seed always gives the same shop.
/// </summary>
public sealed class SampleShop
{
    /// <summary>Top categories 1..4; each has five subcategories (10..29); products 1..200 sit in the subcategories.</summary>
    public const int ProductCount = 200;

    /// <summary>Category of subscription products (201..205), bought now and then like consumables.</summary>
    public const int SubscriptionCategory = 30;

    private static readonly string[] Zones = ["Europe/Warsaw", "Europe/London", "Europe/Berlin", "America/New_York"];
    private static readonly string[] Countries = ["PL", "GB", "DE", "US"];
    private static readonly string[] Languages = ["pl", "en", "de", "en"];

    private SampleShop(IReadOnlyList<SimulatedCustomer> customers, IReadOnlyList<SimulationEvent> events)
    {
        Customers = customers;
        Events = events;
    }

    /// <summary>The customers, by id.</summary>
    public IReadOnlyList<SimulatedCustomer> Customers { get; }

    /// <summary>The history, in time order.</summary>
    public IReadOnlyList<SimulationEvent> Events { get; }

    /// <summary>
    /// Generates a shop.
    /// </summary>
    /// <param name="seed">Same seed, same shop.</param>
    /// <param name="customerCount">Customers.</param>
    /// <param name="days">Days of history.</param>
    /// <param name="startUtc">First day (midnight UTC); default 2 November 2026, a Monday.</param>
    /// <param name="sessionsPerCustomer">Average store visits per customer over the period.</param>
    public static SampleShop Generate(int seed = 42, int customerCount = 3000, int days = 30, DateTime? startUtc = null, double sessionsPerCustomer = 2.0)
    {
        var start = startUtc ?? new DateTime(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc);
        var random = new SeededRandom(seed);
        var zones = Zones.Select(TimeZoneInfo.FindSystemTimeZoneById).ToArray();
        var customers = new List<SimulatedCustomer>(customerCount);
        var events = new List<SimulationEvent>(customerCount * 10);
        for (var id = 1; id <= customerCount; id++)
        {
            var customer = NewCustomer(id, random, zones, start);
            customers.Add(customer);
            var sessions = Poisson(random, sessionsPerCustomer);
            for (var s = 0; s < sessions; s++)
                Session(customer, random, start.AddDays(random.Next(days)).AddHours(7 + random.Next(15)).AddMinutes(random.Next(60)), start.AddDays(days), events);

            if (!customer.Facts.IsRegistered && random.NextDouble() < 0.08)
                events.Add(Event(FlowEventType.CustomerRegistered, id, start.AddMinutes(random.Next(days * 1440)), []));
            if (!customer.Facts.NewsletterSubscribed && random.NextDouble() < 0.08)
            {
                // the shop tags every new contact, which is what onboarding flows start on
                var subscribed = start.AddMinutes(random.Next(days * 1440));
                events.Add(Event(FlowEventType.NewsletterSubscribed, id, subscribed, []));
                events.Add(Tagged(id, subscribed.AddMinutes(1), "new-contact"));
            }

            if (random.NextDouble() < 0.05)
                events.Add(Tagged(id, start.AddMinutes(random.Next(days * 1440)), "lead"));
            if (random.NextDouble() < 0.03)
            {
                // a subscriber: renewal flows start some days before the subscription ends
                customer.Dates["subscriptionEndsOn"] = DateOnly.FromDateTime(start).AddDays(7 + random.Next(days + 14));
                var product = ProductCount + 1 + random.Next(5);
                var items = new[] { Product(product) };
                var placed = start.AddMinutes(random.Next(days * 1440));
                events.Add(Event(FlowEventType.OrderPlaced, id, placed, items, PriceOf(product), 1));
                events.Add(Event(FlowEventType.OrderPaid, id, placed.AddMinutes(2), items, PriceOf(product), 1));
            }
        }

        // stable: events of one customer at one instant keep their order
        var ordered = events.Select((e, i) => (e, i)).OrderBy(p => p.e.OccurredOnUtc).ThenBy(p => p.i).Select(p => p.e).ToList();
        return new SampleShop(customers, ordered);
    }

    // one immutable reference per product: a million events then share 205 product records, not a million copies
    private static readonly ProductRef[] Catalogue = Enumerable.Range(0, ProductCount + 6).Select(CreateProduct).ToArray();

    /// <summary>The categories of a product (its subcategory) and their parents (its top category).</summary>
    public static ProductRef Product(int productId) =>
        productId >= 0 && productId < Catalogue.Length ? Catalogue[productId] : CreateProduct(productId);

    private static ProductRef CreateProduct(int productId)
    {
        if (productId > ProductCount)
            return new ProductRef(productId, [SubscriptionCategory], []);
        var sub = 10 + productId % 20;
        return new ProductRef(productId, [sub], [1 + (sub - 10) / 5]);
    }

    /// <summary>Price of a product.</summary>
    public static decimal PriceOf(int productId) => 10 + productId * 37 % 290;

    private static SimulatedCustomer NewCustomer(int id, SeededRandom random, TimeZoneInfo[] zones, DateTime start)
    {
        var region = random.Next(Zones.Length);
        var customer = new SimulatedCustomer(id) { Email = $"customer{id}@example.com", StoreId = 1 };
        var facts = customer.Facts;
        facts.TimeZone = zones[region];
        facts.CountryCode = Countries[region];
        facts.LanguageCode = Languages[region];
        facts.IsRegistered = random.NextDouble() < 0.6;
        facts.Roles.Add(facts.IsRegistered ? "Registered" : "Guests");
        facts.NewsletterSubscribed = random.NextDouble() < 0.45;
        if (random.NextDouble() < 0.1)
            facts.Tags.Add("vip");
        customer.Dates["birthday"] = new DateOnly(1960 + random.Next(45), 1 + random.Next(12), 1 + random.Next(28));
        if (random.NextDouble() < 0.35)
        {
            var pastOrders = 1 + random.Next(5);
            for (var i = 0; i < pastOrders; i++)
            {
                var product = 1 + random.Next(ProductCount);
                facts.Orders.Add(new OrderFact(start.AddDays(-1 - random.Next(400)), PriceOf(product), [Product(product)]));
            }

            facts.Orders.Sort((a, b) => a.PlacedOnUtc.CompareTo(b.PlacedOnUtc));
        }

        return customer;
    }

    private static void Session(SimulatedCustomer customer, SeededRandom random, DateTime at, DateTime end, List<SimulationEvent> events)
    {
        var id = customer.Id;
        var category = random.Next(20);
        var views = 1 + random.Next(4);
        var viewed = new List<int>();
        for (var v = 0; v < views; v++)
        {
            var product = 1 + category + 20 * random.Next(ProductCount / 20);
            viewed.Add(product);
            events.Add(Event(FlowEventType.ProductViewed, id, at, [Product(product)]));
            at = at.AddMinutes(1 + random.Next(6));
        }

        if (random.NextDouble() >= 0.35)
            return;

        var cart = new List<int>();
        var adds = 1 + random.Next(Math.Min(3, viewed.Count));
        for (var a = 0; a < adds; a++)
        {
            cart.Add(viewed[a]);
            var added = Event(FlowEventType.CartUpdated, id, at, cart.Select(Product).ToArray(), cart.Sum(PriceOf), cart.Count);
            added.Event.CartChange = CartChange.ItemAdded;
            events.Add(added);
            at = at.AddMinutes(1 + random.Next(3));
        }

        var orderAt = random.NextDouble() < 0.4 ? at.AddMinutes(5 + random.Next(15))
            : random.NextDouble() < 0.15 ? at.AddDays(1 + random.Next(3)).AddMinutes(random.Next(600))
            : (DateTime?)null;
        if (orderAt is not { } placed || placed >= end)
            return;

        var items = cart.Select(Product).ToArray();
        events.Add(Event(FlowEventType.OrderPlaced, id, placed, items, cart.Sum(PriceOf), cart.Count));
        events.Add(Event(FlowEventType.OrderPaid, id, placed.AddMinutes(2), items, cart.Sum(PriceOf), cart.Count));
    }

    private static SimulationEvent Tagged(int customerId, DateTime at, string tag)
    {
        var tagged = Event(FlowEventType.TagAdded, customerId, at, []);
        tagged.Event.Tag = tag;
        return tagged;
    }

    internal static SimulationEvent Event(FlowEventType type, int customerId, DateTime at, ProductRef[] items, decimal value = 0, int quantity = 0) => new()
    {
        OccurredOnUtc = at,
        CustomerId = customerId,
        Items = items,
        Event = new FlowEvent
        {
            Type = type,
            CustomerId = customerId,
            OccurredOnUtc = at,
            ProductIds = items.Select(i => i.ProductId).Distinct().ToArray(),
            CategoryIds = items.SelectMany(i => i.CategoryIds).Distinct().ToArray(),
            AncestorCategoryIds = items.SelectMany(i => i.AncestorCategoryIds).Distinct().ToArray(),
            Value = value,
            Quantity = quantity
        }
    };

    private static int Poisson(SeededRandom random, double mean)
    {
        // Knuth: fine for the small means used here
        var limit = Math.Exp(-mean);
        var count = 0;
        var product = random.NextDouble();
        while (product > limit)
        {
            count++;
            product *= random.NextDouble();
        }

        return count;
    }
}

/// <summary>
/// The sample shop's customers' reactions to messages: some open, fewer click, a few of those order
/// what is in their cart (or the product of the message's flow). Rates are per message and decided
/// by a stable hash of the run and step, so a replay gives the same reactions.
/// </summary>
public sealed class SampleShopResponder : IMessageResponder
{
    /// <summary>Share of e-mails opened.</summary>
    public double OpenRate { get; set; } = 0.45;

    /// <summary>Share of opened e-mails (or shown pop-ups) clicked.</summary>
    public double ClickRate { get; set; } = 0.3;

    /// <summary>Share of clicks followed by an order.</summary>
    public double OrderRate { get; set; } = 0.25;

    /// <inheritdoc />
    public IEnumerable<SimulationEvent> Respond(FlowEffect effect, SimulatedCustomer customer)
    {
        var email = effect.Action.Channel == Engine.Definition.Actions.ActionChannel.Email;
        if (Chance(effect, "open") >= (email ? OpenRate : 0.6))
            yield break;

        var openedAt = effect.CreatedOnUtc.AddMinutes(30 + Chance(effect, "openAt") * 600);
        yield return Message(email ? FlowEventType.EmailOpened : FlowEventType.PopupShown, effect, customer, openedAt);
        if (Chance(effect, "click") >= ClickRate)
        {
            if (!email)
                yield return Message(FlowEventType.PopupDismissed, effect, customer, openedAt.AddSeconds(20));
            yield break;
        }

        var clickedAt = openedAt.AddMinutes(1);
        yield return Message(email ? FlowEventType.EmailClicked : FlowEventType.PopupClicked, effect, customer, clickedAt);
        if (Chance(effect, "order") >= OrderRate)
            yield break;

        var items = customer.Facts.Cart.Count > 0 ? customer.Facts.Cart.ToArray() : [SampleShop.Product(1 + (int)(Chance(effect, "product") * SampleShop.ProductCount) % SampleShop.ProductCount)];
        var total = items.Sum(i => SampleShop.PriceOf(i.ProductId));
        yield return SampleShop.Event(FlowEventType.OrderPlaced, customer.Id, clickedAt.AddMinutes(10 + Chance(effect, "orderAt") * 120), items, total, items.Length);
    }

    private static SimulationEvent Message(FlowEventType type, FlowEffect effect, SimulatedCustomer customer, DateTime at)
    {
        var message = SampleShop.Event(type, customer.Id, at, []);
        message.FlowId = effect.FlowId;
        message.Event.RunId = effect.RunId;
        message.Event.NodeId = effect.NodeId;
        return message;
    }

    private static double Chance(FlowEffect effect, string what) =>
        StableHash.Bucket(StableHash.Of(effect.FlowId + ":" + what, effect.NodeId, effect.RunId, effect.Visit), 10000) / 10000.0;
}
