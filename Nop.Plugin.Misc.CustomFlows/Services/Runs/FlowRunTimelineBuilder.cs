using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Nodes;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using Nop.Plugin.Misc.CustomFlows.Engine.Serialization;
using Nop.Plugin.Misc.CustomFlows.Services.Actions;
using Nop.Plugin.Misc.CustomFlows.Services.Reports;

namespace Nop.Plugin.Misc.CustomFlows.Services.Runs;

/// <summary>
/// Puts a run's timeline together from what is stored: the run row (start, current wait, end), its state (visit
/// counts, split branch, trigger) and its action log rows (each action with its time, first open and first click).
/// The state keeps no times per step, so only those moments are dated; the steps visited are listed beside them.
/// </summary>
public static partial class FlowRunTimelineBuilder
{
    /// <summary>
    /// Builds the timeline
    /// </summary>
    /// <param name="run">The run row</param>
    /// <param name="flowName">The flow's name; null when the flow is gone</param>
    /// <param name="version">The version the run is pinned to; null when it is gone</param>
    /// <param name="logs">The run's action log rows</param>
    /// <param name="orders">The orders credited to the run's messages</param>
    /// <returns>The timeline</returns>
    public static FlowRunTimeline Build(FlowRun run, string flowName, FlowVersion version, IEnumerable<FlowActionLog> logs,
        IEnumerable<FlowAttribution> orders = null)
    {
        ArgumentNullException.ThrowIfNull(run);

        var nodes = FlowStepLabels.ReadNodes(version?.DefinitionJson);
        var byId = nodes.GroupBy(node => node.Id).ToDictionary(group => group.Key, group => group.First());
        string Label(string nodeId) => nodeId == null ? null
            : byId.TryGetValue(nodeId, out var node) ? FlowStepLabels.LabelOf(node) : nodeId;

        var state = Read<FlowRunState>(run.StateJson);
        var entries = new List<FlowRunTimelineEntry>();

        var start = nodes.OfType<StartNode>().FirstOrDefault();
        entries.Add(new FlowRunTimelineEntry(Utc(run.StartedOnUtc), FlowRunTimelineKind.Entered, start?.Id, Label(start?.Id),
            EntryDetails(start, Read<TriggerSnapshot>(run.TriggerContextJson))));

        foreach (var log in logs.OrderBy(log => log.CreatedOnUtc).ThenBy(log => log.Id))
        {
            entries.Add(new FlowRunTimelineEntry(Utc(log.CreatedOnUtc), FlowRunTimelineKind.Action, log.NodeId, Label(log.NodeId), ActionDetails(log)));
            if (log.OpenedOnUtc is { } opened)
                entries.Add(new FlowRunTimelineEntry(Utc(opened), FlowRunTimelineKind.Opened, log.NodeId, Label(log.NodeId),
                    log.Channel == FlowChannel.Popup ? "pop-up shown" : "opened"));
            if (log.ClickedOnUtc is { } clicked)
                entries.Add(new FlowRunTimelineEntry(Utc(clicked), FlowRunTimelineKind.Clicked, log.NodeId, Label(log.NodeId), "clicked"));
        }

        foreach (var order in (orders ?? []).OrderBy(order => order.PlacedOnUtc).ThenBy(order => order.Id))
            entries.Add(new FlowRunTimelineEntry(Utc(order.PlacedOnUtc), FlowRunTimelineKind.OrderCredited, order.NodeId, Label(order.NodeId),
                string.Create(CultureInfo.InvariantCulture, $"order #{order.OrderId}, {order.OrderTotal:0.00}, credited to the message of {Utc(order.MessageSentOnUtc):yyyy-MM-ddTHH:mm:ssZ}")));

        if (run.Status == FlowRunStatus.Waiting && run.DueOnUtc is { } due)
        {
            //the moment the wait began is in the state; without it the wait is shown at its latest known moment
            var since = state?.WaitStartedOnUtc ?? entries.Max(entry => entry.AtUtc);
            var why = state?.WaitReason is { } reason and not WaitReason.None ? $" ({JsonName(reason)})" : string.Empty;
            entries.Add(new FlowRunTimelineEntry(Utc(since), FlowRunTimelineKind.Waiting, run.CurrentNodeId, Label(run.CurrentNodeId),
                $"waiting until {Utc(due):yyyy-MM-ddTHH:mm:ssZ}{why}"));
        }

        if (run.EndedOnUtc is { } ended)
            entries.Add(new FlowRunTimelineEntry(Utc(ended), FlowRunTimelineKind.Ended, run.CurrentNodeId, Label(run.CurrentNodeId), EndDetails(run)));

        var ordered = entries.Select((entry, index) => (entry, index))
            .OrderBy(item => item.entry.AtUtc)
            .ThenBy(item => item.entry.Kind)
            .ThenBy(item => item.index)
            .Select(item => item.entry)
            .ToList();

        return new FlowRunTimeline(run.Id, run.FlowId, flowName, version?.VersionNumber ?? 0, run.Status, ordered, StepsVisited(nodes, state, Label));
    }

    /// <summary>
    /// Masks e-mail addresses in a text, so a timeline shown to staff carries no customer address
    /// </summary>
    /// <param name="text">The text</param>
    /// <returns>The text with every address replaced by "[e-mail]"</returns>
    public static string MaskEmails(string text) => string.IsNullOrEmpty(text) ? text : EmailAddress().Replace(text, "[e-mail]");

    //a domain is dot-separated labels, so a sentence's full stop after an address stays outside the mask
    [GeneratedRegex(@"[^\s@<>()\[\]""',;:]+@[\w-]+(?:\.[\w-]+)+")]
    private static partial Regex EmailAddress();

    private static List<FlowRunStepVisit> StepsVisited(IReadOnlyList<FlowNode> nodes, FlowRunState state, Func<string, string> label)
    {
        if (state?.Visits == null)
            return [];

        //the state keeps only the last branch taken, credited to the last visited split that has a branch of that name
        var branchSplit = state.Variant == null ? null : nodes.OfType<SplitNode>()
            .LastOrDefault(split => state.VisitsOf(split.Id) > 0 && split.Branches.Any(branch => branch?.Name == state.Variant));

        var known = nodes.Select(node => node.Id).ToHashSet();
        return nodes.Where(node => state.VisitsOf(node.Id) > 0).Select(node => node.Id)
            .Concat(state.Visits.Keys.Where(id => !known.Contains(id)).OrderBy(id => id, StringComparer.Ordinal))
            .Select(id => new FlowRunStepVisit(id, label(id), state.VisitsOf(id),
                id == branchSplit?.Id ? $"branch {state.Variant}{(state.Holdout ? " (holdout)" : string.Empty)}" : null))
            .ToList();
    }

    private static string EntryDetails(StartNode start, TriggerSnapshot trigger)
    {
        var parts = new List<string>();
        if (start?.Trigger != null)
            parts.Add(JsonName(start.Trigger.Event));
        if (trigger != null)
        {
            if (trigger.Value != 0)
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"value {trigger.Value}"));
            if (trigger.ProductIds?.Length > 0)
                parts.Add("products " + string.Join(", ", trigger.ProductIds.Select(id => id.ToString(CultureInfo.InvariantCulture))));
        }

        return string.Join("; ", parts);
    }

    private static string ActionDetails(FlowActionLog log)
    {
        var result = FlowActionResult.FromLog(log);
        var parts = new List<string> { $"{log.Channel} {log.Status}".ToLowerInvariant() };
        if (!string.IsNullOrWhiteSpace(result.Message))
            parts.Add(result.Message.Trim());
        if (result.QueuedEmailId is { } emailId)
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"queued e-mail #{emailId}"));
        if (result.PopupId is { } popupId)
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"pop-up #{popupId}"));
        if (result.DiscountId is { } discountId)
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"discount #{discountId}"));
        if (result.HttpStatusCode is { } status)
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"HTTP {status}"));

        return MaskEmails(string.Join("; ", parts));
    }

    private static string EndDetails(FlowRun run)
    {
        var text = run.Converted
            ? $"converted ({run.ExitReason ?? "goal"})"
            : $"{run.Status.ToString().ToLowerInvariant()}{(string.IsNullOrEmpty(run.ExitReason) ? string.Empty : $": {run.ExitReason}")}";
        return MaskEmails(text);
    }

    //the names the flow JSON uses ("cart_updated", "waitStep"), which the admin also sees in the builder
    private static string JsonName<T>(T value) => JsonSerializer.Serialize(value, FlowJson.Options).Trim('"');

    private static T Read<T>(string json) where T : class
    {
        if (string.IsNullOrWhiteSpace(json))
            return null;

        try
        {
            return JsonSerializer.Deserialize<T>(json, FlowJson.Options);
        }
        catch (JsonException)
        {
            //an unreadable state or trigger leaves its part of the timeline out rather than the whole page
            return null;
        }
    }

    private static DateTime Utc(DateTime moment) => DateTime.SpecifyKind(moment, DateTimeKind.Utc);
}
