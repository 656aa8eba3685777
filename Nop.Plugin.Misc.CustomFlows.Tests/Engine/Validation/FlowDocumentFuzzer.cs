using System.Text;
using System.Text.Json.Nodes;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Engine.Validation;

/// <summary>
/// Generates hostile flow documents from a seed: random bytes, damaged copies of a valid flow, and
/// random flows built from the real vocabulary with wrong values in every place.
/// </summary>
internal sealed class FlowDocumentFuzzer
{
    private static readonly string[] NodeTypes = ["start", "filter", "wait", "split", "action", "jump", "end", "teleport", ""];
    private static readonly string[] Ids = ["s", "a", "b", "c", "d", "e", "", "x"];
    private static readonly string[] Events = ["product_viewed", "cart_updated", "order_placed", "order_paid", "customer_registered", "newsletter_subscribed", "date", "tag_added", "custom", "email_clicked", "popup_dismissed", "nope"];
    private static readonly string[] ConditionTypes = ["all", "any", "not", "ordersCount", "amountSpent", "daysSinceLastOrder", "purchasedSinceEntry", "hasTag", "score", "funnelStage", "newsletterConsent", "country", "language", "store", "customerRole", "registered", "cartValue", "cartContains", "emailEngagement", "popupEngagement", "randomPercent", "eventValue", "eventContains", "bogus"];
    private static readonly string[] ActionTypes = ["sendEmail", "showPopup", "webhook", "addTag", "removeTag", "changeScore", "setFunnelStage", "alertStaff", "createCoupon", "fax"];
    private static readonly string[] Durations = ["1d", "30m", "0s", "-1d", "1h1h", "2w", "abc", "99999w", "1d12h"];
    private static readonly string[] Scalars = ["null", "0", "-1", "\"\"", "[]", "{}", "\"x\"", "true", "1e400", "99999999999", "\"1d\"", "\"09:00\"", "[null]", "{\"type\":1}"];

    private readonly Random _random;

    public FlowDocumentFuzzer(int seed) => _random = new Random(seed);

    /// <summary>
    /// Copies of a document with one property or list item at a time replaced by each replacement.
    /// </summary>
    public static IEnumerable<byte[]> EveryPropertyReplaced(string json, string[] replacements)
    {
        var original = JsonNode.Parse(json)!;
        var paths = new List<List<object>>();
        Collect(original, new List<object>(), paths);
        foreach (var path in paths)
        {
            foreach (var replacement in replacements)
            {
                var copy = original.DeepClone();
                var parent = path.Take(path.Count - 1).Aggregate(copy, (node, step) => step is string name ? node[name]! : node[(int)step]!);
                var value = JsonNode.Parse(replacement);
                if (path[^1] is string property)
                    parent[property] = value;
                else
                    parent[(int)path[^1]] = value;
                yield return Encoding.UTF8.GetBytes(copy.ToJsonString());
            }
        }
    }

    private static void Collect(JsonNode node, List<object> path, List<List<object>> paths)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    var childPath = new List<object>(path) { name };
                    paths.Add(childPath);
                    if (child != null)
                        Collect(child, childPath, paths);
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var childPath = new List<object>(path) { i };
                    paths.Add(childPath);
                    if (array[i] != null)
                        Collect(array[i], childPath, paths);
                }
                break;
        }
    }

    public byte[] RandomBytes()
    {
        var bytes = new byte[_random.Next(0, 400)];
        _random.NextBytes(bytes);
        return bytes;
    }

    public byte[] Damaged(string valid)
    {
        var text = new StringBuilder(valid);
        var edits = _random.Next(1, 6);
        for (var i = 0; i < edits && text.Length > 0; i++)
        {
            var at = _random.Next(text.Length);
            switch (_random.Next(5))
            {
                case 0:
                    text.Remove(at, Math.Min(_random.Next(1, 30), text.Length - at));
                    break;
                case 1:
                    text.Insert(at, "{}[]\":,0ae\\"[_random.Next(11)]);
                    break;
                case 2:
                    text.Insert(at, Scalars[_random.Next(Scalars.Length)]);
                    break;
                case 3:
                    var length = Math.Min(_random.Next(1, 80), text.Length - at);
                    text.Insert(_random.Next(text.Length), text.ToString(at, length));
                    break;
                default:
                    text[at] = (char)_random.Next(32, 127);
                    break;
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public byte[] RandomFlow()
    {
        var nodes = new JsonArray();
        var count = _random.Next(0, 9);
        for (var i = 0; i < count; i++)
            nodes.Add(RandomNode());

        var root = new JsonObject
        {
            ["schemaVersion"] = _random.Next(10) == 0 ? JsonValue.Create(2) : JsonValue.Create(1),
            ["id"] = Pick(Ids),
            ["version"] = _random.Next(-1, 3),
            ["settings"] = new JsonObject
            {
                ["audience"] = Maybe(() => RandomCondition(0)),
                ["reEntry"] = new JsonObject { ["mode"] = Pick(["onceEver", "oncePerPeriod", "everyTime", "notWhileActive", "sometimes"]), ["period"] = Maybe(() => Pick(Durations)) },
                ["frequencyCap"] = Maybe(() => new JsonObject { ["max"] = _random.Next(-1, 4), ["period"] = Pick(Durations) })
            },
            ["goal"] = Maybe(() => new JsonObject { ["name"] = "g", ["condition"] = RandomCondition(0) }),
            ["nodes"] = nodes
        };
        if (_random.Next(8) == 0)
            root["extra"] = Junk();

        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    /// <summary>
    /// A flow that is mostly right: a chain from start to end with random valid steps, forward side
    /// exits and backward jumps, so that many pass validation and can be run.
    /// </summary>
    public byte[] PlausibleFlow()
    {
        var count = _random.Next(1, 9);
        string Id(int index) => index == 0 ? "start" : index > count ? "end" : $"n{index}";
        string Forward(int from) => Id(_random.Next(from + 1, count + 2));

        var nodes = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "start", ["id"] = "start", ["next"] = Id(1),
                ["trigger"] = new JsonObject { ["event"] = Pick(["order_placed", "product_viewed", "customer_registered"]) }
            }
        };
        for (var i = 1; i <= count; i++)
        {
            var node = new JsonObject { ["id"] = Id(i) };
            switch (_random.Next(5))
            {
                case 0:
                    node["type"] = "filter";
                    node["condition"] = JsonNode.Parse(Pick(["{\"type\":\"hasTag\",\"tag\":\"vip\"}", "{\"type\":\"randomPercent\",\"percent\":50}", "{\"type\":\"ordersCount\",\"op\":\"gte\",\"value\":1,\"sinceEntry\":true}"]));
                    node["yes"] = Id(i + 1);
                    node["no"] = Forward(i);
                    break;
                case 1:
                    node["type"] = "wait";
                    node["delay"] = Pick(["1d", "2h", "30m"]);
                    if (_random.Next(2) == 0)
                        node["untilTimeOfDay"] = Pick(["09:00", "18:30"]);
                    node["next"] = Id(i + 1);
                    break;
                case 2:
                    node["type"] = "split";
                    node["branches"] = new JsonArray(
                        new JsonObject { ["name"] = "A", ["weight"] = _random.Next(1, 5), ["next"] = Id(i + 1) },
                        new JsonObject { ["name"] = "B", ["weight"] = _random.Next(1, 5), ["holdout"] = _random.Next(2) == 0, ["next"] = Forward(i) });
                    break;
                case 3:
                    node["type"] = "action";
                    node["action"] = JsonNode.Parse(Pick(["{\"type\":\"sendEmail\",\"template\":\"CustomFlows.CartReminder\"}", "{\"type\":\"addTag\",\"tag\":\"t\"}", "{\"type\":\"showPopup\",\"template\":\"CustomFlows.Popup\"}"]));
                    node["next"] = Id(i + 1);
                    break;
                default:
                    node["type"] = "jump";
                    node["target"] = Id(_random.Next(1, i + 1));
                    node["maxRepetitions"] = _random.Next(1, 4);
                    node["next"] = Id(i + 1);
                    break;
            }

            nodes.Add(node);
        }

        nodes.Add(new JsonObject { ["type"] = "end", ["id"] = "end" });
        var root = new JsonObject { ["schemaVersion"] = 1, ["id"] = "fuzz", ["version"] = 1, ["settings"] = new JsonObject(), ["nodes"] = nodes };
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private JsonObject RandomNode()
    {
        var node = new JsonObject { ["type"] = Pick(NodeTypes), ["id"] = Pick(Ids) };
        foreach (var exit in new[] { "next", "yes", "no", "onEvent", "target" })
        {
            if (_random.Next(2) == 0)
                node[exit] = Pick(Ids);
        }

        switch (node["type"]!.GetValue<string>())
        {
            case "start":
                node["trigger"] = new JsonObject
                {
                    ["event"] = Pick(Events),
                    ["scope"] = Maybe(() => new JsonObject { ["kind"] = Pick(["any", "product", "category", "brand"]), ["id"] = _random.Next(-1, 3) }),
                    ["cartChange"] = Maybe(() => Pick(["any", "itemAdded", "itemRemoved", "abandoned"])),
                    ["abandonedAfterMinutes"] = Maybe(() => _random.Next(-5, 100)),
                    ["tag"] = Maybe(() => "t"),
                    ["dateField"] = Maybe(() => "birthday"),
                    ["eventName"] = Maybe(() => "x")
                };
                break;
            case "filter":
                node["condition"] = RandomCondition(0);
                break;
            case "wait":
                node["delay"] = Maybe(() => Pick(Durations));
                node["untilTimeOfDay"] = Maybe(() => Pick(["09:00", "25:00", "9:00", "23:59"]));
                node["onWeekdays"] = Maybe(() => new JsonArray(Pick(["monday", "friday", "funday"])));
                node["untilEvent"] = Maybe(() => new JsonObject { ["event"] = Pick(Events), ["nodeId"] = Maybe(() => Pick(Ids)) });
                node["timeout"] = Maybe(() => Pick(Durations));
                break;
            case "split":
                var branches = new JsonArray();
                for (var i = _random.Next(0, 4); i > 0; i--)
                    branches.Add(new JsonObject { ["name"] = Pick(["A", "B", ""]), ["weight"] = _random.Next(-1, 5), ["holdout"] = _random.Next(2) == 0, ["next"] = Pick(Ids) });
                node["branches"] = branches;
                break;
            case "action":
                node["action"] = new JsonObject
                {
                    ["type"] = Pick(ActionTypes),
                    ["template"] = Maybe(() => Pick(["CustomFlows.CartReminder", "Nope", ""])),
                    ["tag"] = Maybe(() => "t"),
                    ["url"] = Maybe(() => Pick(["https://example.com/h", "ftp://x", "not a url"])),
                    ["percent"] = Maybe(() => _random.Next(-10, 120)),
                    ["validFor"] = Maybe(() => Pick(Durations))
                };
                break;
            case "jump":
                node["maxRepetitions"] = Maybe(() => _random.Next(-1, 200));
                break;
        }

        if (_random.Next(10) == 0)
            node[Pick(["next", "id", "type", "trigger", "condition"])] = Junk();
        return node;
    }

    private JsonNode RandomCondition(int depth)
    {
        var type = Pick(ConditionTypes);
        var condition = new JsonObject { ["type"] = type };
        switch (type)
        {
            case "all" or "any" when depth < 4:
                var list = new JsonArray();
                for (var i = _random.Next(0, 3); i > 0; i--)
                    list.Add(RandomCondition(depth + 1));
                condition["conditions"] = list;
                break;
            case "not" when depth < 4:
                condition["condition"] = RandomCondition(depth + 1);
                break;
            default:
                condition["op"] = Maybe(() => Pick(["eq", "gte", "lt", "approx"]));
                condition["value"] = Maybe(() => _random.Next(-5, 500));
                condition["withinDays"] = Maybe(() => _random.Next(-1, 60));
                condition["nodeId"] = Maybe(() => Pick(Ids));
                break;
        }

        return condition;
    }

    private JsonNode Maybe(Func<JsonNode> make) => _random.Next(3) == 0 ? null : make();

    private JsonNode Junk() => JsonNode.Parse(Pick(Scalars));

    private string Pick(string[] values) => values[_random.Next(values.Length)];
}
