using System.Globalization;
using System.Text.Json;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Ports;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using Nop.Plugin.Misc.CustomFlows.Engine.Serialization;
using Nop.Plugin.Misc.CustomFlows.Services.Actions;
using Nop.Plugin.Misc.CustomFlows.Services.Channels.CustomerData;
using Nop.Plugin.Misc.CustomFlows.Services.Runs;
using Nop.Plugin.Misc.CustomFlows.Simulation;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Replay;

/// <summary>
/// What one host made of the history, in words both hosts can be held to: each run's committed steps (records,
/// effects, state), each run's final state, what became of each effect, what the customers' kept facts
/// (tags, score, stage, messages) ended as, and the flow's per-step and total counts.
/// </summary>
internal sealed class ReplayOutcome
{
    /// <summary>Committed steps by run, in order.</summary>
    public SortedDictionary<long, List<string>> Steps { get; } = new();

    /// <summary>Final state by run.</summary>
    public SortedDictionary<long, string> Runs { get; } = new();

    /// <summary>What became of each effect (performed, or skipped by its channel), by idempotency key.</summary>
    public SortedDictionary<string, string> Effects { get; } = new(StringComparer.Ordinal);

    /// <summary>Why the shop's channel did not perform an effect, by idempotency key.</summary>
    public Dictionary<string, string> Reasons { get; } = new(StringComparer.Ordinal);

    /// <summary>Tags, score, stage and remembered messages by customer (only customers with any).</summary>
    public SortedDictionary<int, string> Customers { get; } = new();

    /// <summary>Per step: entered, yes, no, messages sent, goal reached, and the orders credited by the one attribution rule and their total.</summary>
    public SortedDictionary<string, string> Nodes { get; } = new(StringComparer.Ordinal);

    /// <summary>Runs entered, converted, exited, completed and still waiting.</summary>
    public string Totals { get; private set; }

    /// <summary>
    /// The simulator's outcome: its committed steps, its runs, its report and its customers' facts.
    /// </summary>
    public static ReplayOutcome OfSimulator(StepTap tap, FlowSimulator simulator, SimulationReport report)
    {
        var outcome = new ReplayOutcome();
        outcome.AddSteps(tap);
        foreach (var run in simulator.Runs.AllRuns)
            outcome.Runs[run.RunId] = RunText(run);

        //the simulator is every channel: it performs every effect, but sends a marketing e-mail only with consent, and
        //what it sent is in the customer's messages
        var delivered = simulator.Customers.All
            .SelectMany(customer => customer.Facts.Messages.Select(message => (customer.Id, message.SentOnUtc, message.Channel, message.Marketing)))
            .GroupBy(message => message)
            .ToDictionary(group => group.Key, group => group.Count());
        foreach (var effect in tap.Steps.SelectMany(step => step.Effects))
        {
            var message = (effect.CustomerId, effect.CreatedOnUtc, effect.Action.Channel, effect.Action.IsMarketingMessage);
            var performed = !effect.Action.IsMessage || delivered.GetValueOrDefault(message) > 0;
            if (performed && effect.Action.IsMessage)
                delivered[message]--;
            outcome.Effects[effect.IdempotencyKey] = $"{TappedStep.Time(effect.CreatedOnUtc)} {(performed ? FlowActionStatus.Succeeded : FlowActionStatus.Skipped)}";
        }

        foreach (var customer in simulator.Customers.All)
            outcome.AddCustomer(customer.Id, customer.Facts.Tags, customer.Facts.Score, customer.Facts.FunnelStage, Remembered(customer.Facts.Messages));

        //both hosts credit orders by the one attribution rule: the report's per-step orders and revenue against the
        //shop's attribution rows
        var flow = report.Flows.Single();
        foreach (var node in flow.Nodes)
        {
            var sent = node.Sent.GetValueOrDefault("email") + node.Sent.GetValueOrDefault("popup");
            outcome.Nodes[node.NodeId] = NodeText(node.Entered, node.PassedYes, node.PassedNo, sent, node.GoalReached, node.Converted, node.Revenue);
        }

        outcome.Totals = TotalsText(flow.Entered, flow.GoalReached, flow.Exited, flow.Completed, flow.StillWaiting)
            + string.Create(CultureInfo.InvariantCulture, $", orders credited {flow.Converted}, revenue {flow.Revenue}");
        return outcome;
    }

    /// <summary>
    /// The shop's outcome: its committed steps, and what it stored: run rows, action log rows, customer state rows and
    /// daily statistics.
    /// </summary>
    public static ReplayOutcome OfShop(StepTap tap, ReplayShop shop)
    {
        var outcome = new ReplayOutcome();
        outcome.AddSteps(tap);
        var rows = shop.Runs.Table.ToList();
        foreach (var row in rows)
            outcome.Runs[row.Id] = RunText(FlowRunStore.ToState(row));

        //what the channel made of each effect; its reason is shown but not compared, the simulator has none
        foreach (var log in shop.ActionLogs.Table)
        {
            outcome.Effects[log.IdempotencyKey] = $"{TappedStep.Time(log.CreatedOnUtc)} {log.Status}";
            if (log.Status != FlowActionStatus.Succeeded)
                outcome.Reasons[log.IdempotencyKey] = FlowActionResult.FromLog(log).Message;
        }

        foreach (var state in shop.CustomerStates.Table)
        {
            outcome.AddCustomer(state.CustomerId, CustomerDataChannel.ReadTags(state.TagsJson), state.Score, state.FunnelStage,
                FlowEffectDispatcher.ReadMessages(state.MessagesSentJson));
        }

        var orders = shop.Attributions.Table.ToLookup(order => order.NodeId);
        foreach (var nodeId in shop.Stats.Table.Select(stat => stat.NodeId).Concat(orders.Select(group => group.Key)).Distinct())
        {
            var node = shop.Stats.Table.Where(stat => stat.NodeId == nodeId).ToList();
            outcome.Nodes[nodeId] = NodeText(node.Sum(s => s.Entered), node.Sum(s => s.PassedYes), node.Sum(s => s.PassedNo),
                node.Sum(s => s.Sent), node.Sum(s => s.Converted), orders[nodeId].Count(), orders[nodeId].Sum(order => order.OrderTotal));
        }

        outcome.Totals = TotalsText(rows.Count, rows.Count(r => r.Converted), rows.Count(r => r.Status == FlowRunStatus.Exited),
                rows.Count(r => r.Status == FlowRunStatus.Completed && !r.Converted), rows.Count(r => r.Status is FlowRunStatus.Running or FlowRunStatus.Waiting))
            + string.Create(CultureInfo.InvariantCulture, $", orders credited {shop.Attributions.Table.Count()}, revenue {shop.Attributions.Table.Sum(order => order.OrderTotal)}");
        return outcome;
    }

    /// <summary>
    /// Where the two outcomes differ, the first few differences of each kind, each with both sides.
    /// </summary>
    public static IReadOnlyList<string> Differences(ReplayOutcome simulator, ReplayOutcome shop)
    {
        var differences = new List<string>();
        Compare(differences, "committed steps of run", simulator.Steps, shop.Steps, steps => string.Join("\n", steps), FirstDifferentStep);
        Compare(differences, "final state of run", simulator.Runs, shop.Runs, text => text);
        Compare(differences, "effect", simulator.Effects, shop.Effects, text => text,
            (left, right) => $"\n  simulator: {left}\n  shop:      {right}", key => shop.Reasons.GetValueOrDefault(key));
        Compare(differences, "kept facts of customer", simulator.Customers, shop.Customers, text => text);
        //a step nobody reached has no statistics row in the shop and zeros in the report
        var zero = NodeText(0, 0, 0, 0, 0, 0, 0);
        var shopNodes = new SortedDictionary<string, string>(shop.Nodes, StringComparer.Ordinal);
        foreach (var node in simulator.Nodes.Where(node => node.Value == zero))
            shopNodes.TryAdd(node.Key, zero);
        Compare(differences, "statistics of step", simulator.Nodes, shopNodes, text => text);
        if (simulator.Totals != shop.Totals)
            differences.Add($"totals:\n  simulator: {simulator.Totals}\n  shop:      {shop.Totals}");
        return differences;
    }

    private static void Compare<TKey, TValue>(List<string> differences, string what, SortedDictionary<TKey, TValue> simulator,
        SortedDictionary<TKey, TValue> shop, Func<TValue, string> text, Func<TValue, TValue, string> detail = null, Func<TKey, string> note = null)
    {
        var found = 0;
        foreach (var key in simulator.Keys.Union(shop.Keys).Order())
        {
            var inSimulator = simulator.TryGetValue(key, out var left) ? text(left) : null;
            var inShop = shop.TryGetValue(key, out var right) ? text(right) : null;
            if (inSimulator == inShop)
                continue;

            if (++found > 3)
            {
                differences.Add($"... and more differences in the {what}s");
                return;
            }

            var difference = left != null && right != null && detail != null
                ? $"{what} {key}: {detail(left, right)}"
                : $"{what} {key}:\n  simulator: {inSimulator ?? "(none)"}\n  shop:      {inShop ?? "(none)"}";
            differences.Add(note?.Invoke(key) is { } reason ? $"{difference} ({reason})" : difference);
        }
    }

    private static string FirstDifferentStep(List<string> simulator, List<string> shop)
    {
        for (var i = 0; ; i++)
        {
            var left = i < simulator.Count ? simulator[i] : "(no further step)";
            var right = i < shop.Count ? shop[i] : "(no further step)";
            if (left != right)
                return $"step {i + 1} of {simulator.Count} / {shop.Count}\n  simulator: {left}\n  shop:      {right}";
        }
    }

    private void AddSteps(StepTap tap)
    {
        foreach (var step in tap.Steps)
        {
            if (!Steps.TryGetValue(step.RunId, out var steps))
                Steps[step.RunId] = steps = new List<string>();
            steps.Add(step.Text);
        }
    }

    private void AddCustomer(int customerId, IEnumerable<string> tags, int score, string stage, IEnumerable<SentMessage> messages)
    {
        var tagList = tags.Order(StringComparer.OrdinalIgnoreCase).ToList();
        var messageList = messages.OrderBy(m => m.SentOnUtc).Select(m => $"{TappedStep.Time(m.SentOnUtc)} {m.Channel}{(m.Marketing ? " marketing" : string.Empty)} of {m.FlowId}").ToList();
        if (tagList.Count == 0 && score == 0 && string.IsNullOrEmpty(stage) && messageList.Count == 0)
            return;

        Customers[customerId] = string.Create(CultureInfo.InvariantCulture,
            $"tags [{string.Join(", ", tagList)}], score {score}, stage {stage}, messages [{string.Join("; ", messageList)}]");
    }

    /// <summary>
    /// The simulator's messages as the shop keeps them: each message sent forgets those older than the dispatcher's
    /// memory, which is longer than any budget or cap period, so the engine sees the same either way.
    /// </summary>
    private static List<SentMessage> Remembered(IEnumerable<SentMessage> messages)
    {
        var kept = new List<SentMessage>();
        foreach (var message in messages)
        {
            kept.RemoveAll(old => old.SentOnUtc < message.SentOnUtc - FlowEffectDispatcher.MessageMemory);
            kept.Add(message);
        }

        return kept;
    }

    private static string RunText(FlowRunState run) => JsonSerializer.Serialize(run, FlowJson.Options);

    private static string NodeText(int entered, int yes, int no, int sent, int goalReached, int orders, decimal revenue) =>
        string.Create(CultureInfo.InvariantCulture, $"entered {entered}, yes {yes}, no {no}, sent {sent}, goal reached {goalReached}, orders credited {orders}, revenue {revenue:0.00}");

    private static string TotalsText(int entered, int converted, int exited, int completed, int waiting) =>
        $"entered {entered}, converted {converted}, exited {exited}, completed {completed}, still waiting {waiting}";
}
