using System.Globalization;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using Nop.Plugin.Misc.CustomFlows.Engine.Serialization;
using Nop.Plugin.Misc.CustomFlows.Simulation;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Engine.Simulation;

/// <summary>
/// Runs a small scripted history through flows and reads the result back as short timeline lines,
/// so a test states the exact timeline it expects.
/// </summary>
internal static class SimulationScenario
{
    public static SimulationReport Run(IEnumerable<string> flowJson, string eventLines, SimulationOptions options = null, string customerLines = null)
    {
        var flows = flowJson.Select(json => CompiledFlow.Compile(FlowJson.Deserialize(json))).ToList();
        var customers = customerLines == null ? [] : CustomerFileReader.Read(new StringReader(customerLines), "customers.jsonl");
        return new FlowSimulator(flows, options).Run(EventLineReader.Read(new StringReader(eventLines), "events.jsonl"), customers);
    }

    public static SimulationReport Run(string flowJson, string eventLines, SimulationOptions options = null, string customerLines = null) =>
        Run([flowJson], eventLines, options, customerLines);

    /// <summary>"11-02 10:00 flow node what detail" for each entry of the customer's timeline.</summary>
    public static List<string> Timeline(SimulationReport report, int customerId) =>
        report.Timelines.Single(t => t.CustomerId == customerId).Entries
            .Select(e => $"{e.At.ToString("MM-dd HH:mm", CultureInfo.InvariantCulture)} {e.FlowId} {e.NodeId} {e.What} {e.Detail}".TrimEnd())
            .ToList();

    public static FlowReport Flow(SimulationReport report, string flowId) => report.Flows.Single(f => f.FlowId == flowId);

    public static NodeReport Node(SimulationReport report, string flowId, string nodeId) => Flow(report, flowId).Nodes.Single(n => n.NodeId == nodeId);

    /// <summary>A flow: start on the trigger, then the given steps; settings and goal optional.</summary>
    public static string Flow(string id, string trigger, string nodes, string settings = "{}", string goal = null) => $$"""
        { "schemaVersion": 1, "id": "{{id}}", "name": "{{id}}", "settings": {{settings}},
          {{(goal == null ? "" : $"\"goal\": {goal},")}}
          "nodes": [ { "type": "start", "id": "start", "trigger": {{trigger}}, "next": "{{FirstId(nodes)}}" }, {{nodes}} ] }
        """;

    public const string PurchasedGoal = """{ "name": "purchased", "condition": { "type": "ordersCount", "op": "gte", "value": 1, "sinceEntry": true } }""";

    private static string FirstId(string nodes)
    {
        var at = nodes.IndexOf("\"id\": \"", StringComparison.Ordinal) + 7;
        return nodes[at..nodes.IndexOf('"', at)];
    }
}
