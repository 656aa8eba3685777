using System.Globalization;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;
using Nop.Plugin.Misc.CustomFlows.Engine.Entry;
using Nop.Plugin.Misc.CustomFlows.Engine.Facts;
using Nop.Plugin.Misc.CustomFlows.Engine.Guardrails;
using Nop.Plugin.Misc.CustomFlows.Engine.Ports;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using Nop.Plugin.Misc.CustomFlows.Engine.Templates;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Engine.Templates;

/// <summary>
/// Plays a short scripted shop history through one template's flow with the real entry rules and
/// interpreter, on a virtual clock, and writes each customer's timeline as lines "MM-dd HH:mm what".
/// The shop's side is played the simplest faithful way: orders and carts update the customer's
/// facts, tag / score / stage effects change them, sent messages count for frequency caps.
/// </summary>
internal sealed class ScriptedHistory
{
    /// <summary>Monday 23 November 2026, 10:00 UTC: every script starts here.</summary>
    public static readonly DateTime Monday = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);

    private readonly CompiledFlow _flow;
    private readonly FlowInterpreter _interpreter = new();
    private readonly GuardrailSettings _guardrails = new();
    private readonly Dictionary<int, CustomerSnapshot> _customers = new();
    private readonly Dictionary<int, List<string>> _timelines = new();
    private readonly List<FlowRunState> _runs = new();
    private readonly List<Step> _script = new();
    private long _lastRunId;
    private bool _played;

    public ScriptedHistory(string templateName)
    {
        var template = FlowTemplateLibrary.Find(templateName) ?? throw new ArgumentException($"No template {templateName}.");
        _flow = CompiledFlow.Compile(template.CreateDefinition(), FlowTemplateLibrary.Lookup);
    }

    public CompiledFlow Flow => _flow;

    /// <summary>A registered, subscribed customer on the store's clock (UTC).</summary>
    public ScriptedHistory Customer(int id, Action<CustomerSnapshot> setup = null)
    {
        var customer = new CustomerSnapshot { CustomerId = id, IsRegistered = true, NewsletterSubscribed = true, LanguageCode = "en" };
        setup?.Invoke(customer);
        _customers[id] = customer;
        _timelines[id] = new List<string>();
        return this;
    }

    /// <summary>Ids of customers the split puts in a branch, so a script can pick one per branch.</summary>
    public int CustomerInBranch(string splitId, string branchName, int skip = 0)
    {
        var split = (Nop.Plugin.Misc.CustomFlows.Engine.Definition.Nodes.SplitNode)_flow.Definition.Nodes.Single(n => n.Id == splitId);
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

    /// <summary>The daily date job ran for the customer's local date (that of <paramref name="at"/> in UTC unless given).</summary>
    public ScriptedHistory DateCame(int customerId, DateTime at, string field, DateOnly value, DateOnly? localDate = null) =>
        Add(at, new FlowEvent { Type = FlowEventType.Date, DateField = field, DateValue = value, LocalDate = localDate ?? DateOnly.FromDateTime(at) }, customerId, []);

    public ScriptedHistory Custom(int customerId, DateTime at, string eventName) =>
        Add(at, new FlowEvent { Type = FlowEventType.Custom, EventName = eventName }, customerId, []);

    /// <summary>The customer opened / clicked the e-mail (or saw / clicked / dismissed the pop-up) of a step of their latest run.</summary>
    public ScriptedHistory Engaged(int customerId, DateTime at, FlowEventType type, string nodeId) =>
        Add(at, new FlowEvent { Type = type, NodeId = nodeId }, customerId, [], ofLatestRun: true);

    /// <summary>Something about the customer changes without an event (e.g. consent withdrawn on the account page).</summary>
    public ScriptedHistory Changes(int customerId, DateTime at, Action<CustomerSnapshot> change)
    {
        _script.Add(new Step(at, customerId, null, [], false, change));
        return this;
    }

    /// <summary>Plays the script, then lets the clock run to <paramref name="until"/>.</summary>
    public ScriptedHistory PlayUntil(DateTime until)
    {
        if (_played)
            throw new InvalidOperationException("A script plays once.");
        _played = true;
        foreach (var step in _script.OrderBy(s => s.At))
        {
            RunDueUntil(step.At);
            if (step.Change != null)
            {
                step.Change(_customers[step.CustomerId]);
                continue;
            }

            Happen(step);
        }

        RunDueUntil(until);
        return this;
    }

    public IReadOnlyList<string> Timeline(int customerId) => _timelines[customerId];

    public CustomerSnapshot Facts(int customerId) => _customers[customerId];

    private ScriptedHistory Add(DateTime at, FlowEvent flowEvent, int customerId, ProductRef[] items, bool ofLatestRun = false)
    {
        flowEvent.CustomerId = customerId;
        flowEvent.OccurredOnUtc = at;
        flowEvent.StoreId = 1;
        flowEvent.ProductIds = items.Select(i => i.ProductId).ToArray();
        flowEvent.CategoryIds = items.SelectMany(i => i.CategoryIds).Distinct().ToArray();
        flowEvent.AncestorCategoryIds = items.SelectMany(i => i.AncestorCategoryIds).Distinct().ToArray();
        _script.Add(new Step(at, customerId, flowEvent, items, ofLatestRun, null));
        return this;
    }

    private void Happen(Step step)
    {
        var flowEvent = step.Event;
        var customer = _customers[step.CustomerId];
        var now = step.At;
        if (step.OfLatestRun)
            flowEvent.RunId = _runs.Where(r => r.CustomerId == customer.CustomerId).Max(r => r.RunId);
        UpdateFacts(customer, flowEvent, step.Items);

        for (var i = 0; i < _runs.Count; i++)
        {
            if (_runs[i].CustomerId != customer.CustomerId || _runs[i].IsEnded)
                continue;
            var result = _interpreter.HandleEvent(_runs[i], _flow, flowEvent, Context(customer, now));
            _runs[i] = result.Run;
            Write(customer, result);
        }

        var mine = _runs.Where(r => r.CustomerId == customer.CustomerId).ToList();
        var history = new EntryHistory(mine.Any(r => !r.IsEnded), mine.Count == 0 ? null : mine.Max(r => r.EnteredOnUtc));
        var decision = EntryRules.Decide(_flow, flowEvent, customer, history, _guardrails, now);
        if (decision == EntryDecision.NotTriggered)
            return;
        if (decision != EntryDecision.Enter)
        {
            Line(customer, now, $"not entered: {decision}");
            return;
        }

        var run = FlowRunFactory.Create(_flow, flowEvent, now);
        run.RunId = ++_lastRunId;
        Line(customer, now, "entered");
        var first = _interpreter.Advance(run, _flow, Context(customer, now));
        _runs.Add(first.Run);
        Write(customer, first);
    }

    private void RunDueUntil(DateTime until)
    {
        for (var guard = 0; guard < 10000; guard++)
        {
            var index = -1;
            for (var i = 0; i < _runs.Count; i++)
            {
                var run = _runs[i];
                if (run.IsEnded || run.DueOnUtc == null || run.DueOnUtc > until)
                    continue;
                if (index < 0 || run.DueOnUtc < _runs[index].DueOnUtc)
                    index = i;
            }

            if (index < 0)
                return;

            var due = _runs[index];
            var customer = _customers[due.CustomerId];
            var result = _interpreter.Advance(due, _flow, Context(customer, due.DueOnUtc.Value));
            _runs[index] = result.Run;
            Write(customer, result);
        }

        throw new InvalidOperationException("The runs did not settle; a flow keeps a run busy without waiting.");
    }

    private RunContext Context(CustomerSnapshot customer, DateTime now) => new(customer, _guardrails, TimeZoneInfo.Utc, now);

    private static void UpdateFacts(CustomerSnapshot customer, FlowEvent flowEvent, ProductRef[] items)
    {
        switch (flowEvent.Type)
        {
            case FlowEventType.OrderPlaced:
                customer.Orders.Add(new OrderFact(flowEvent.OccurredOnUtc, flowEvent.Value, items));
                customer.Cart.Clear();
                customer.CartValue = 0;
                break;
            case FlowEventType.CartUpdated:
                customer.Cart = items.ToList();
                customer.CartValue = flowEvent.Value;
                break;
            case FlowEventType.TagAdded:
                customer.Tags.Add(flowEvent.Tag);
                break;
        }
    }

    private void Write(CustomerSnapshot customer, StepResult result)
    {
        var effects = new Queue<FlowEffect>(result.Effects);
        foreach (var record in result.Records)
        {
            var text = record.Kind switch
            {
                StepKind.Branched => $"split: {record.Detail}",
                StepKind.ActionEmitted => Perform(customer, effects.Dequeue()),
                StepKind.ActionSuppressed => $"holdout: {record.NodeId} not performed",
                StepKind.ActionPostponed => $"postponed {record.NodeId} ({record.Detail})",
                StepKind.ActionSkipped => $"skipped {record.NodeId} ({record.Detail})",
                StepKind.Converted => $"converted: {record.Detail}",
                StepKind.Exited => $"exited: {record.Detail}",
                StepKind.Completed => $"completed: {record.Detail}",
                _ => null
            };
            if (text != null)
                Line(customer, record.AtUtc, text);
        }
    }

    /// <summary>Plays the channel: applies customer-data effects, counts messages, and describes the effect.</summary>
    private static string Perform(CustomerSnapshot customer, FlowEffect effect)
    {
        var action = effect.Action;
        if (action.IsMessage)
            customer.Messages.Add(new SentMessage(effect.CreatedOnUtc, action.Channel, action.IsMarketingMessage, effect.FlowId));

        switch (action)
        {
            case SendEmailAction email:
                return email.Category == EmailCategory.Transactional ? $"email {email.Template} (transactional)" : $"email {email.Template}";
            case ShowPopupAction popup:
                return $"popup {popup.Template}";
            case WebhookAction webhook:
                return $"webhook {webhook.EventName}";
            case AddTagAction add:
                customer.Tags.Add(add.Tag);
                return $"tag +{add.Tag}";
            case RemoveTagAction remove:
                customer.Tags.Remove(remove.Tag);
                return $"tag -{remove.Tag}";
            case ChangeScoreAction score:
                customer.Score += score.Delta;
                return $"score {score.Delta.ToString("+0;-0", CultureInfo.InvariantCulture)}";
            case SetFunnelStageAction stage:
                customer.FunnelStage = stage.Stage;
                return $"stage {stage.Stage}";
            case AlertStaffAction:
                return "alert staff";
            case CreateCouponAction { Percent: { } percent } coupon:
                return $"coupon {percent.ToString(CultureInfo.InvariantCulture)}% for {coupon.ValidFor}";
            case CreateCouponAction coupon:
                return $"coupon {coupon.Amount?.ToString(CultureInfo.InvariantCulture)} off for {coupon.ValidFor}";
            default:
                throw new InvalidOperationException($"No channel plays {action.GetType().Name}.");
        }
    }

    private void Line(CustomerSnapshot customer, DateTime at, string text) =>
        _timelines[customer.CustomerId].Add($"{at.ToString("MM-dd HH:mm", CultureInfo.InvariantCulture)} {text}");

    private sealed record Step(DateTime At, int CustomerId, FlowEvent Event, ProductRef[] Items, bool OfLatestRun, Action<CustomerSnapshot> Change);
}
