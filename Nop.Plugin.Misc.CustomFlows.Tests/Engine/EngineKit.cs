using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using Nop.Plugin.Misc.CustomFlows.Engine.Entry;
using Nop.Plugin.Misc.CustomFlows.Engine.Facts;
using Nop.Plugin.Misc.CustomFlows.Engine.Guardrails;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using Nop.Plugin.Misc.CustomFlows.Engine.Serialization;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Engine;

/// <summary>
/// Small builders shared by the engine tests: flows from JSON fragments, customers, runs, contexts.
/// </summary>
internal static class EngineKit
{
    /// <summary>Monday 23 November 2026, 10:00 UTC (11:00 in Warsaw).</summary>
    public static readonly DateTime Monday10Utc = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);

    public static readonly TimeZoneInfo Warsaw = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");

    public const string StartOnOrder = """{ "type": "start", "id": "start", "trigger": { "event": "order_placed" }, "next": "step-1" }""";

    public static CompiledFlow Compile(string nodes, string settings = "{}", string goal = null, string exits = null, string id = "f", int version = 1)
    {
        var json = $$"""
            { "schemaVersion": 1, "id": "{{id}}", "version": {{version}}, "settings": {{settings}},
              {{(goal == null ? "" : $"\"goal\": {goal},")}}
              {{(exits == null ? "" : $"\"exitConditions\": {exits},")}}
              "nodes": [ {{nodes}} ] }
            """;
        return CompiledFlow.Compile(FlowJson.Deserialize(json));
    }

    public static CustomerSnapshot Customer(int id = 7) => new() { CustomerId = id, IsRegistered = true, NewsletterSubscribed = true };

    public static FlowEvent Order(int customerId, DateTime at, decimal total = 100m, params int[] productIds) => new()
    {
        Type = FlowEventType.OrderPlaced,
        CustomerId = customerId,
        OccurredOnUtc = at,
        StoreId = 1,
        Value = total,
        Quantity = Math.Max(1, productIds.Length),
        ProductIds = productIds
    };

    public static FlowRunState NewRun(CompiledFlow flow, CustomerSnapshot customer, DateTime now, long runId = 1, FlowEvent trigger = null)
    {
        var run = FlowRunFactory.Create(flow, trigger ?? Order(customer.CustomerId, now), now);
        run.RunId = runId;
        return run;
    }

    public static RunContext Context(CustomerSnapshot customer, DateTime now, GuardrailSettings guardrails = null, TimeZoneInfo storeZone = null) =>
        new(customer, guardrails ?? new GuardrailSettings(), storeZone ?? TimeZoneInfo.Utc, now);
}
