using System.Text.Json.Nodes;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Conditions;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Nodes;
using Nop.Plugin.Misc.CustomFlows.Engine.Serialization;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Engine.Definition;

[TestFixture]
public class FlowJsonTests
{
    [Test]
    public void A_flow_read_from_json_and_written_back_keeps_every_property()
    {
        // given the documented example with every kind of node
        var original = JsonNode.Parse(SampleFlows.AbandonedCart);

        // when it is read and written back
        var written = JsonNode.Parse(FlowJson.Serialize(FlowJson.Deserialize(SampleFlows.AbandonedCart)));

        // then nothing was lost or renamed (default values may be added, so compare the original's properties)
        AssertContains(original, written, "$");
    }

    [Test]
    public void Writing_a_flow_puts_out_only_data_not_what_the_engine_derives_from_it()
    {
        var json = FlowJson.Serialize(FlowJson.Deserialize(SampleFlows.AbandonedCart));

        Assert.That(json, Does.Not.Contain("\"channel\"").And.Not.Contain("\"isMessage\"").And.Not.Contain("\"isMarketingMessage\""));
        Assert.That(FlowJson.Serialize(FlowJson.Deserialize(json)), Is.EqualTo(json), "a second round trip changes nothing");
    }

    [Test]
    public void Reading_the_example_gives_typed_nodes_actions_and_conditions()
    {
        var flow = FlowJson.Deserialize(SampleFlows.AbandonedCart);

        Assert.That(flow.Nodes.Select(n => n.GetType().Name), Is.EqualTo(new[]
        {
            nameof(StartNode), nameof(FilterNode), nameof(ActionNode), nameof(SplitNode), nameof(ActionNode),
            nameof(ActionNode), nameof(WaitNode), nameof(WaitNode), nameof(JumpNode), nameof(EndNode)
        }));
        var start = (StartNode)flow.Nodes[0];
        Assert.That(start.Trigger.Event, Is.EqualTo(FlowEventType.CartUpdated));
        Assert.That(start.Trigger.CartChange, Is.EqualTo(CartChange.Abandoned));
        Assert.That(((ActionNode)flow.Nodes[5]).Action, Is.TypeOf<SendEmailAction>());
        Assert.That(((FilterNode)flow.Nodes[1]).Condition, Is.TypeOf<AllCondition>());
        Assert.That(flow.Settings.ReEntry.Mode, Is.EqualTo(ReEntryMode.OncePerPeriod));
    }

    [Test]
    public void Event_names_are_written_in_snake_case_like_the_shop_inbox()
    {
        var flow = new FlowDefinition
        {
            Id = "f",
            Nodes = { new StartNode { Id = "s", Trigger = new() { Event = FlowEventType.NewsletterSubscribed }, Next = "e" }, new EndNode { Id = "e" } }
        };

        var json = FlowJson.Serialize(flow);

        Assert.That(json, Does.Contain("\"event\":\"newsletter_subscribed\""));
        Assert.That(json, Does.Contain("\"type\":\"start\""));
        Assert.That(json, Does.Contain("\"schemaVersion\":1"));
    }

    [Test]
    public void A_misspelled_property_is_refused_with_its_path()
    {
        var json = SampleFlows.AbandonedCart.Replace("\"priority\"", "\"priorty\"");

        var ex = Assert.Throws<FlowFormatException>(() => FlowJson.Deserialize(json));

        Assert.That(ex.Message, Does.Contain("priorty"));
    }

    [Test]
    public void A_newer_schema_version_is_refused_rather_than_half_understood()
    {
        var json = SampleFlows.AbandonedCart.Replace("\"schemaVersion\": 1", "\"schemaVersion\": 2");

        var ex = Assert.Throws<FlowFormatException>(() => FlowJson.Deserialize(json));

        Assert.That(ex.Message, Does.Contain("schemaVersion 2"));
    }

    [Test]
    public void A_definition_that_starts_with_a_byte_order_mark_is_read()
    {
        var flow = FlowJson.Deserialize("\uFEFF" + SampleFlows.AbandonedCart);

        Assert.That(flow.Id, Is.EqualTo("abandoned-cart"));
    }

    private static void AssertContains(JsonNode expected, JsonNode actual, string path)
    {
        switch (expected)
        {
            case JsonObject obj:
                Assert.That(actual, Is.InstanceOf<JsonObject>(), path);
                foreach (var (name, value) in obj)
                {
                    Assert.That(((JsonObject)actual).ContainsKey(name), Is.True, $"{path}.{name} is missing");
                    AssertContains(value, actual[name], $"{path}.{name}");
                }
                break;
            case JsonArray array:
                Assert.That(actual.AsArray(), Has.Count.EqualTo(array.Count), path);
                for (var i = 0; i < array.Count; i++)
                    AssertContains(array[i], actual[i], $"{path}[{i}]");
                break;
            default:
                Assert.That(actual?.ToJsonString(), Is.EqualTo(expected?.ToJsonString()), path);
                break;
        }
    }
}
