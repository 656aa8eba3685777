using System.Globalization;
using System.Text.Json.Nodes;

namespace Nop.Plugin.Misc.CustomFlows.Services.Flows;

/// <summary>
/// One step of a flow document as the admin pages name it
/// </summary>
/// <param name="Id">Node id</param>
/// <param name="Kind">What the step is: the node type, or for an action the action type, or for a wait "waitTime" / "waitEvent"
/// (the last part of a locale resource under "Plugins.Misc.CustomFlows.Step.")</param>
/// <param name="Detail">What tells the step apart: its title, else its template, delay, event, tag...</param>
/// <param name="Text">The node's JSON, compact, for comparing versions</param>
public sealed record FlowStep(string Id, string Kind, string Detail, string Text);

/// <summary>
/// Reads the steps of a flow document without needing it to be valid (a draft may not be), so the version list, the
/// migration preview and the reports can name steps in words
/// </summary>
public static class FlowSteps
{
    /// <summary>
    /// Gets the steps of a document in document order; empty when it does not read
    /// </summary>
    /// <param name="json">Flow document</param>
    public static IReadOnlyList<FlowStep> Read(string json)
    {
        var document = FlowDefinitionText.TryParse(json, out _);
        if (document?["nodes"] is not JsonArray nodes)
            return [];

        return nodes.OfType<JsonObject>()
            .Select(node => new FlowStep(Text(node, "id") ?? string.Empty, KindOf(node), DetailOf(node), node.ToJsonString()))
            .Where(step => step.Id.Length > 0)
            .ToList();
    }

    private static string KindOf(JsonObject node)
    {
        var type = Text(node, "type") ?? "unknown";
        return type switch
        {
            "action" => (node["action"] as JsonObject) is { } action ? Text(action, "type") ?? "action" : "action",
            "wait" => node["untilEvent"] != null ? "waitEvent" : "waitTime",
            _ => type
        };
    }

    private static string DetailOf(JsonObject node)
    {
        if (Text(node, "title") is { Length: > 0 } title)
            return title;

        var action = node["action"] as JsonObject;
        return KindOf(node) switch
        {
            "start" => (node["trigger"] as JsonObject) is { } trigger ? Text(trigger, "event") : null,
            "waitTime" => string.Join(" ", new[] { Text(node, "delay"), Text(node, "untilTimeOfDay") }.Where(part => part != null)),
            "waitEvent" => (node["untilEvent"] as JsonObject) is { } awaited ? Text(awaited, "event") : null,
            "jump" => Text(node, "target"),
            "sendEmail" or "showPopup" => Text(action, "template"),
            "webhook" => Text(action, "url"),
            "addTag" or "removeTag" => Text(action, "tag"),
            "setFunnelStage" => Text(action, "stage"),
            "changeScore" => Number(action, "delta"),
            "createCoupon" => Number(action, "percent") is { } percent ? percent + "%" : Number(action, "amount"),
            "alertStaff" => Text(action, "message"),
            _ => null
        };
    }

    private static string Text(JsonObject obj, string name) =>
        obj?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static string Number(JsonObject obj, string name) =>
        obj?[name] is JsonValue value && value.TryGetValue<decimal>(out var number) ? number.ToString(CultureInfo.InvariantCulture) : null;
}
