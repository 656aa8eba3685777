using System.Globalization;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Nodes;
using Nop.Plugin.Misc.CustomFlows.Engine.Facts;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using Nop.Plugin.Misc.CustomFlows.Simulation;
using Nop.Plugin.Misc.CustomFlows.Engine.Templates;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Engine.Templates;

/// <summary>
/// A short scripted shop history played through one template's flow by the engine's simulator
/// (virtual clock, entry rules, interpreter, every channel played), with each customer's timeline
/// written as lines "MM-dd HH:mm what" so a test can assert it exactly.
/// </summary>
internal sealed class ScriptedHistory
{
    /// <summary>Monday 23 November 2026, 10:00 UTC: every script starts here.</summary>
    public static readonly DateTime Monday = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);

    private readonly CompiledFlow _flow;
    private readonly Dictionary<int, SimulatedCustomer> _customers = new();
    private readonly List<SimulationEvent> _script = new();
    private SimulationReport _report;

    public ScriptedHistory(string templateName)
    {
        var template = FlowTemplateLibrary.Find(templateName) ?? throw new ArgumentException($"No template {templateName}.");
        _flow = CompiledFlow.Compile(template.CreateDefinition(), FlowTemplateLibrary.Lookup);
    }

    /// <summary>A registered, subscribed customer on the store's clock (UTC).</summary>
    public ScriptedHistory Customer(int id, Action<CustomerSnapshot> setup = null)
    {
        var customer = new SimulatedCustomer(id);
        customer.Facts.IsRegistered = true;
        customer.Facts.NewsletterSubscribed = true;
        customer.Facts.LanguageCode = "en";
        setup?.Invoke(customer.Facts);
        _customers[id] = customer;
        return this;
    }

    /// <summary>The id of a customer the split puts in a branch (skipping the first <paramref name="skip"/>), so a script can pick one per branch.</summary>
    public int CustomerInBranch(string splitId, string branchName, int skip = 0)
    {
        var split = (SplitNode)_flow.Definition.Nodes.Single(n => n.Id == splitId);
        var total = split.Branches.Sum(b => b.Weight);
        for (var id = 1; id < 100000; id++)
        {
            var bucket = Nop.Plugin.Misc.CustomFlows.Engine.Conditions.StableHash.Bucket(
                Nop.Plugin.Misc.CustomFlows.Engine.Conditions.StableHash.Of(_flow.Id, splitId, id), total);
            var branch = split.Branches.First(b => (bucket -= b.Weight) < 0);
            if (branch.Name == branchName && skip-- == 0)
                return id;
        }

        throw new InvalidOperationException($"No customer lands in {branchName}.");
    }

    public ScriptedHistory Order(int customerId, DateTime at, decimal total = 100m, params ProductRef[] items) =>
        Add(at, new FlowEvent { Type = FlowEventType.OrderPlaced, Value = total, Quantity = Math.Max(1, items.Length) }, customerId, items);

    public ScriptedHistory OrderPaid(int customerId, DateTime at, decimal total = 100m) =>
        Add(at, new FlowEvent { Type = FlowEventType.OrderPaid, Value = total, Quantity = 1 }, customerId, []);

    public ScriptedHistory CartChanged(int customerId, DateTime at, decimal value, params ProductRef[] items) =>
        Add(at, new FlowEvent { Type = FlowEventType.CartUpdated, CartChange = CartChange.ItemAdded, Value = value, Quantity = items.Length }, customerId, items);

    public ScriptedHistory Viewed(int customerId, DateTime at, ProductRef product) =>
        Add(at, new FlowEvent { Type = FlowEventType.ProductViewed, Quantity = 1 }, customerId, [product]);

    public ScriptedHistory Registered(int customerId, DateTime at) =>
        Add(at, new FlowEvent { Type = FlowEventType.CustomerRegistered }, customerId, []);

    public ScriptedHistory Subscribed(int customerId, DateTime at) =>
        Add(at, new FlowEvent { Type = FlowEventType.NewsletterSubscribed }, customerId, []);

    public ScriptedHistory TagAdded(int customerId, DateTime at, string tag) =>
        Add(at, new FlowEvent { Type = FlowEventType.TagAdded, Tag = tag }, customerId, []);

    /// <summary>The shop's daily job raised the date for the customer's local date (that of <paramref name="at"/> in UTC unless given).</summary>
    public ScriptedHistory DateCame(int customerId, DateTime at, string field, DateOnly value, DateOnly? localDate = null) =>
        Add(at, new FlowEvent { Type = FlowEventType.Date, DateField = field, DateValue = value, LocalDate = localDate ?? DateOnly.FromDateTime(at) }, customerId, []);

    public ScriptedHistory Custom(int customerId, DateTime at, string eventName) =>
        Add(at, new FlowEvent { Type = FlowEventType.Custom, EventName = eventName }, customerId, []);

    /// <summary>The customer opened / clicked the e-mail (or saw / clicked / dismissed the pop-up) a step of this flow sent last.</summary>
    public ScriptedHistory Engaged(int customerId, DateTime at, FlowEventType type, string nodeId)
    {
        Add(at, new FlowEvent { Type = type, NodeId = nodeId }, customerId, []);
        _script[^1].FlowId = _flow.Id;
        return this;
    }

    /// <summary>The customer withdrew newsletter consent (on the account page: no flow event, only the fact changes).</summary>
    public ScriptedHistory Unsubscribed(int customerId, DateTime at)
    {
        _script.Add(new SimulationEvent { OccurredOnUtc = at, CustomerId = customerId, FactChange = SimulationEvent.NewsletterUnsubscribed });
        return this;
    }

    /// <summary>Plays the script, then lets the clock run on to <paramref name="until"/>.</summary>
    public ScriptedHistory PlayUntil(DateTime until)
    {
        if (_report != null)
            throw new InvalidOperationException("A script plays once.");

        var events = _script.OrderBy(e => e.OccurredOnUtc).ToList();
        var last = events.Count == 0 ? until : events[^1].OccurredOnUtc;
        var simulator = new FlowSimulator([_flow], new SimulationOptions { Horizon = until - last });
        _report = simulator.Run(events, _customers.Values);
        return this;
    }

    /// <summary>The customer's timeline; an empty one when nothing happened to them.</summary>
    public IReadOnlyList<string> Timeline(int customerId) =>
        (_report.Timelines.FirstOrDefault(t => t.CustomerId == customerId)?.Entries ?? [])
            .Select(Line).Where(line => line != null).ToList();

    /// <summary>How often an event that fires the trigger did not let a customer in, by reason ("tooSoon", "alreadyInFlow", ...).</summary>
    public IReadOnlyDictionary<string, int> NotEntered => _report.Flows.Single().NotEntered;

    public CustomerSnapshot Facts(int customerId) => _customers[customerId].Facts;

    private ScriptedHistory Add(DateTime at, FlowEvent flowEvent, int customerId, ProductRef[] items)
    {
        flowEvent.CustomerId = customerId;
        flowEvent.OccurredOnUtc = at;
        flowEvent.StoreId = 1;
        flowEvent.ProductIds = items.Select(i => i.ProductId).ToArray();
        flowEvent.CategoryIds = items.SelectMany(i => i.CategoryIds).Distinct().ToArray();
        flowEvent.AncestorCategoryIds = items.SelectMany(i => i.AncestorCategoryIds).Distinct().ToArray();
        _script.Add(new SimulationEvent { Event = flowEvent, OccurredOnUtc = at, CustomerId = customerId, Items = items });
        return this;
    }

    /// <summary>
    /// The timeline entries a template test cares about, in its own short words; waits, filter answers
    /// and jumps show in when and what is sent next, so they are left out.
    /// </summary>
    private string Line(TimelineEntry entry)
    {
        var text = entry.What switch
        {
            "entered" => "entered",
            "sent" => Describe(((ActionNode)_flow.Definition.Nodes.Single(n => n.Id == entry.NodeId)).Action),
            "branched" => $"split: {entry.Detail}",
            "heldOut" => $"holdout: {entry.NodeId} not performed",
            "postponed" => $"postponed {entry.NodeId} ({entry.Detail})",
            "skipped" => $"skipped {entry.NodeId} ({entry.Detail})",
            "converted" => $"converted: {entry.Detail}",
            "exited" => $"exited: {entry.Detail}",
            "ended" => $"completed: {entry.NodeId}",
            _ => null
        };
        return text == null ? null : $"{entry.At.ToString("MM-dd HH:mm", CultureInfo.InvariantCulture)} {text}";
    }

    private static string Describe(FlowAction action) => action switch
    {
        SendEmailAction { Category: EmailCategory.Transactional } email => $"email {email.Template} (transactional)",
        SendEmailAction email => $"email {email.Template}",
        ShowPopupAction popup => $"popup {popup.Template}",
        WebhookAction webhook => $"webhook {webhook.EventName}",
        AddTagAction add => $"tag +{add.Tag}",
        RemoveTagAction remove => $"tag -{remove.Tag}",
        ChangeScoreAction score => $"score {score.Delta.ToString("+0;-0", CultureInfo.InvariantCulture)}",
        SetFunnelStageAction stage => $"stage {stage.Stage}",
        AlertStaffAction => "alert staff",
        CreateCouponAction { Percent: { } percent } coupon => $"coupon {percent.ToString(CultureInfo.InvariantCulture)}% for {coupon.ValidFor}",
        CreateCouponAction coupon => $"coupon {coupon.Amount?.ToString(CultureInfo.InvariantCulture)} off for {coupon.ValidFor}",
        _ => throw new InvalidOperationException($"No description for {action.GetType().Name}.")
    };
}
