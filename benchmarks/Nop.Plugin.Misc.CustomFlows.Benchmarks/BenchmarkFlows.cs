using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using Nop.Plugin.Misc.CustomFlows.Engine.Serialization;

namespace Nop.Plugin.Misc.CustomFlows.Benchmarks;

/// <summary>
/// Flows the benchmarks run, written as JSON like an admin's flows, and validated on compile.
/// </summary>
internal static class BenchmarkFlows
{
    /// <summary>
    /// 100 live flows over three trigger types and every kind of scope, some with event filters,
    /// like a busy shop's flow list.
    /// </summary>
    public static List<CompiledFlow> HundredFlows()
    {
        var events = new[] { "product_viewed", "cart_updated", "order_placed" };
        var flows = new List<CompiledFlow>();
        for (var i = 0; i < 100; i++)
        {
            var scope = (i % 4) switch
            {
                0 => "",
                1 => $", \"scope\": {{ \"kind\": \"product\", \"id\": {1 + i * 7 % 200} }}",
                2 => $", \"scope\": {{ \"kind\": \"category\", \"id\": {10 + i % 20} }}",
                _ => $", \"scope\": {{ \"kind\": \"category\", \"id\": {1 + i % 4}, \"includeSubcategories\": true }}"
            };
            var filters = i % 5 == 0 ? ", \"filters\": { \"minValue\": 100 }" : "";
            flows.Add(Compile($$"""
                { "schemaVersion": 1, "id": "flow-{{i:000}}", "settings": { "priority": {{i % 7}} },
                  "nodes": [
                    { "type": "start", "id": "start", "trigger": { "event": "{{events[i % 3]}}"{{scope}}{{filters}} }, "next": "mail" },
                    { "type": "action", "id": "mail", "action": { "type": "sendEmail", "template": "T{{i}}" }, "next": "end" },
                    { "type": "end", "id": "end" } ] }
                """));
        }

        return flows;
    }

    /// <summary>
    /// A flow of <paramref name="filters"/> filters each followed by a tag action, then an end: no wait, so one call runs it all.
    /// </summary>
    public static CompiledFlow LongChain(int filters)
    {
        var nodes = new List<string> { """{ "type": "start", "id": "start", "trigger": { "event": "order_placed" }, "next": "f0" }""" };
        for (var i = 0; i < filters; i++)
        {
            var next = i + 1 < filters ? $"f{i + 1}" : "end";
            var condition = (i % 3) switch
            {
                0 => """{ "type": "ordersCount", "op": "gte", "value": 1 }""",
                1 => """{ "type": "all", "conditions": [ { "type": "hasTag", "tag": "vip" }, { "type": "newsletterConsent", "subscribed": true } ] }""",
                _ => """{ "type": "eventValue", "op": "gte", "value": 50 }"""
            };
            nodes.Add($$"""{ "type": "filter", "id": "f{{i}}", "condition": {{condition}}, "yes": "a{{i}}", "no": "a{{i}}" }""");
            nodes.Add($$"""{ "type": "action", "id": "a{{i}}", "action": { "type": "changeScore", "delta": 1 }, "next": "{{next}}" }""");
        }

        nodes.Add("""{ "type": "end", "id": "end" }""");
        return Compile($$"""{ "schemaVersion": 1, "id": "chain", "nodes": [ {{string.Join(",\n", nodes)}} ] }""");
    }

    /// <summary>
    /// An abandoned-cart style flow whose runs end up waiting at an event wait after an e-mail.
    /// </summary>
    public static CompiledFlow WaitingFlow() => Compile("""
        { "schemaVersion": 1, "id": "abandoned-cart", "version": 3,
          "goal": { "name": "purchased", "condition": { "type": "ordersCount", "op": "gte", "value": 1, "sinceEntry": true } },
          "nodes": [
            { "type": "start", "id": "start", "trigger": { "event": "cart_updated" }, "next": "split" },
            { "type": "split", "id": "split", "branches": [ { "name": "A", "weight": 50, "next": "mail-1" }, { "name": "B", "weight": 50, "next": "mail-1" } ] },
            { "type": "action", "id": "mail-1", "action": { "type": "sendEmail", "template": "CustomFlows.CartReminder" }, "next": "wait-click" },
            { "type": "wait", "id": "wait-click", "untilEvent": { "event": "email_clicked", "nodeId": "mail-1" }, "timeout": "3d", "next": "end", "onEvent": "end" },
            { "type": "end", "id": "end" } ] }
        """);

    /// <summary>The CLI's bundled sample flows.</summary>
    public static List<CompiledFlow> Samples()
    {
        var assembly = typeof(BenchmarkFlows).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("samples/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return CompiledFlow.Compile(FlowJson.Deserialize(reader.ReadToEnd()));
            })
            .ToList();
    }

    private static CompiledFlow Compile(string json) => CompiledFlow.Compile(FlowJson.Deserialize(json));
}
