using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using Nop.Plugin.Misc.CustomFlows.Engine.Facts;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using Nop.Plugin.Misc.CustomFlows.Simulation;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Replay;

/// <summary>
/// The one history both hosts replay: the simulator's sample shop (customers in four time zones, some registered,
/// some subscribed, some with earlier orders; product views, carts, orders and payments, registrations, newsletter
/// sign-ups, "new-contact" and "lead" tags, subscriptions, birthdays) over a few weeks, and a few scripted customers
/// for the branches a small sample shop leaves out (subscribers imported as contacts, consumables and subscriptions
/// bought, guests registering, leads
/// already engaged or scored, a browsed category already in the cart, survey answers, a birthday far west of the
/// store, customers without consent in flows without an audience). Customers' reactions to the
/// messages (opens, clicks, pop-ups, orders) come from <see cref="SampleShopResponder"/> in both hosts.
/// </summary>
/// <remarks>
/// Generated afresh for each host, because the simulator changes its customers and events as it plays them. A
/// subscription is also what the shop knows it as: a recurring payment whose first order came the day before the
/// history and which ends on the customer's "subscriptionEndsOn" date. Nobody unsubscribes from the newsletter: the
/// hosts differ there by design (the shop ends the runs of flows that send marketing e-mail at once, the simulator
/// lets exit conditions and filters see it at the run's next step), so order-follow-up's "still subscribed?" checks
/// always answer yes.
/// </remarks>
internal sealed class ReplayHistory
{
    /// <summary>The product the subscriptions' first orders are for.</summary>
    public const int SubscriptionProduct = SampleShop.ProductCount + 1;

    /// <summary>The first of the scripted customers' ids, after the sample shop's.</summary>
    public const int FirstScriptedCustomer = 1001;

    private readonly List<SimulatedCustomer> _customers;
    private readonly List<SimulationEvent> _events;
    private readonly Dictionary<int, Subscription> _subscriptions = new();

    private ReplayHistory(List<SimulatedCustomer> customers, List<SimulationEvent> events, DateTime startUtc)
    {
        _customers = customers;
        _events = events;
        StartUtc = startUtc;
    }

    /// <summary>The customers as the history begins.</summary>
    public IReadOnlyList<SimulatedCustomer> Customers => _customers;

    /// <summary>The events, in time order.</summary>
    public IReadOnlyList<SimulationEvent> Events => _events;

    /// <summary>Midnight (UTC) of the first day.</summary>
    public DateTime StartUtc { get; }

    /// <summary>The subscribers' subscriptions, by customer.</summary>
    public IReadOnlyDictionary<int, Subscription> Subscriptions => _subscriptions;

    /// <summary>
    /// Generates the history; the same arguments always give the same history.
    /// </summary>
    public static ReplayHistory Generate(int customers, int days, int seed)
    {
        var start = new DateTime(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc);
        var shop = SampleShop.Generate(seed, customers, days, start);
        var history = new ReplayHistory(shop.Customers.ToList(), shop.Events.ToList(), start);
        foreach (var customer in shop.Customers)
        {
            if (customer.Dates.TryGetValue("subscriptionEndsOn", out var endsOn))
                history.Subscribe(customer, endsOn);
        }

        history.AddScriptedCustomers();
        //stable: what one customer does at one moment keeps its order
        var ordered = history._events.Select((e, i) => (e, i)).OrderBy(p => p.e.OccurredOnUtc).ThenBy(p => p.i).Select(p => p.e).ToList();
        history._events.Clear();
        history._events.AddRange(ordered);
        return history;
    }

    private void AddScriptedCustomers()
    {
        var id = FirstScriptedCustomer;
        var day = StartUtc.AddHours(9);

        //the shop imports its subscribers as contacts on the tenth day: the onboarding test splits them, holdout included
        foreach (var subscriber in _customers.Where(customer => customer.Facts.NewsletterSubscribed).ToList())
            Add(subscriber, day.AddDays(10), new FlowEvent { Type = FlowEventType.TagAdded, Tag = "new-contact" }, []);

        //consumables (category 20): the repurchase flows, whose opened / not opened branches need several buyers; the
        //last buyer gave no newsletter consent, so the marketing e-mails of flows without an audience do not reach them
        foreach (var offset in new[] { 1, 2, 3, 4 })
            Ordered(Customer(id++, consent: offset < 4), day.AddDays(offset), SampleShop.Product(30), SampleShop.Product(50));

        //subscriptions ending in two to three weeks: the renewal flow starts 14 days before, clicked or not; again the
        //last one without consent
        foreach (var offset in new[] { 16, 18, 20, 22 })
            Subscribe(Customer(id++, consent: offset < 22), DateOnly.FromDateTime(StartUtc).AddDays(offset));

        //guests who agreed to the newsletter and then register: the advanced onboarding
        foreach (var offset in new[] { 3, 4, 5, 6, 7, 9, 10, 12 })
        {
            var guest = Customer(id++);
            guest.Facts.IsRegistered = false;
            guest.Facts.Roles.Clear();
            guest.Facts.Roles.Add("Guests");
            Add(guest, day.AddDays(offset), new FlowEvent { Type = FlowEventType.CustomerRegistered }, []);
        }

        //leads: one already engaged (skips the introduction), one with a high score (sales-ready), two plain
        var engaged = Customer(id++);
        engaged.Facts.FunnelStage = "engaged";
        Add(engaged, day.AddDays(2), new FlowEvent { Type = FlowEventType.TagAdded, Tag = "lead" }, []);
        var scored = Customer(id++);
        scored.Facts.Score = 25;
        Add(scored, day.AddDays(3), new FlowEvent { Type = FlowEventType.TagAdded, Tag = "lead" }, []);
        foreach (var offset in new[] { 4, 5 })
            Add(Customer(id++), day.AddDays(offset), new FlowEvent { Type = FlowEventType.TagAdded, Tag = "lead" }, []);

        //browsing category 12: one puts the product in the cart and leaves it there, the others only look
        var browser = Customer(id++);
        Add(browser, day.AddDays(6), new FlowEvent { Type = FlowEventType.ProductViewed }, [SampleShop.Product(2)]);
        Add(browser, day.AddDays(6).AddMinutes(5), new FlowEvent { Type = FlowEventType.CartUpdated, CartChange = CartChange.ItemAdded, Quantity = 1, Value = SampleShop.PriceOf(2) },
            [SampleShop.Product(2)]);
        foreach (var offset in new[] { 7, 8, 9, 10 })
            Add(Customer(id++), day.AddDays(offset), new FlowEvent { Type = FlowEventType.ProductViewed }, [SampleShop.Product(22)]);

        //a customer ten hours behind the store whose birthday falls in the history: the date job runs on the store's day
        var faraway = Customer(id++);
        faraway.Facts.TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Honolulu");
        faraway.Dates["birthday"] = new DateOnly(1980, 11, 12);

        //the survey: paid orders answered after the first request, after the pop-up, and never
        foreach (var answeredAfter in new double?[] { 7, 11, null })
        {
            var buyer = Customer(id++);
            var paid = Ordered(buyer, day.AddDays(2), SampleShop.Product(5));
            if (answeredAfter is { } days)
                Add(buyer, paid.AddDays(days), new FlowEvent { Type = FlowEventType.Custom, EventName = "nps_answered" }, []);
        }
    }

    /// <summary>A registered customer in Warsaw, born in spring (no birthday in the history), with newsletter consent unless said.</summary>
    private SimulatedCustomer Customer(int id, bool consent = true)
    {
        var customer = new SimulatedCustomer(id) { Email = $"customer{id}@example.com", StoreId = 1 };
        customer.Facts.IsRegistered = true;
        customer.Facts.Roles.Add("Registered");
        customer.Facts.NewsletterSubscribed = consent;
        customer.Facts.TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");
        customer.Facts.CountryCode = "PL";
        customer.Facts.LanguageCode = "pl";
        customer.Dates["birthday"] = new DateOnly(1990, 4, 15);
        _customers.Add(customer);
        return customer;
    }

    /// <summary>The customer orders the products and pays two minutes later; returns when it was paid.</summary>
    private DateTime Ordered(SimulatedCustomer customer, DateTime at, params ProductRef[] items)
    {
        var total = items.Sum(item => SampleShop.PriceOf(item.ProductId));
        Add(customer, at, new FlowEvent { Type = FlowEventType.OrderPlaced, Value = total, Quantity = items.Length }, items);
        Add(customer, at.AddMinutes(2), new FlowEvent { Type = FlowEventType.OrderPaid, Value = total, Quantity = items.Length }, items);
        return at.AddMinutes(2);
    }

    private void Subscribe(SimulatedCustomer customer, DateOnly endsOn)
    {
        customer.Dates["subscriptionEndsOn"] = endsOn;
        var firstOrder = new OrderFact(StartUtc.AddDays(-1), SampleShop.PriceOf(SubscriptionProduct), [SampleShop.Product(SubscriptionProduct)]);
        customer.Facts.Orders.Add(firstOrder);
        customer.Facts.Orders.Sort((a, b) => a.PlacedOnUtc.CompareTo(b.PlacedOnUtc));
        _subscriptions[customer.Id] = new Subscription(firstOrder, endsOn);
    }

    private void Add(SimulatedCustomer customer, DateTime at, FlowEvent flowEvent, ProductRef[] items)
    {
        flowEvent.CustomerId = customer.Id;
        flowEvent.OccurredOnUtc = at;
        flowEvent.ProductIds = items.Select(item => item.ProductId).Distinct().ToArray();
        flowEvent.CategoryIds = items.SelectMany(item => item.CategoryIds).Distinct().ToArray();
        flowEvent.AncestorCategoryIds = items.SelectMany(item => item.AncestorCategoryIds).Distinct().ToArray();
        _events.Add(new SimulationEvent { Event = flowEvent, OccurredOnUtc = at, CustomerId = customer.Id, Items = items });
    }

    /// <summary>
    /// A subscription: its first order, and the day it ends.
    /// </summary>
    public sealed record Subscription(OrderFact FirstOrder, DateOnly EndsOn);
}
