using System.Text;
using System.Text.Json;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using Nop.Plugin.Misc.CustomFlows.Engine.Serialization;
using static Nop.Plugin.Misc.CustomFlows.Tests.Engine.EngineKit;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Engine.Runtime;

[TestFixture]
public class RunStateJsonTests
{
    private readonly FlowInterpreter _interpreter = new();

    private static readonly CompiledFlow Flow = FlowFromSample();

    private static CompiledFlow FlowFromSample() => CompiledFlow.Compile(FlowJson.Deserialize(SampleFlows.AbandonedCart));

    private FlowRunState WaitingRun()
    {
        var customer = Customer();
        var cart = new Nop.Plugin.Misc.CustomFlows.Engine.Runtime.FlowEvent
        {
            Type = Nop.Plugin.Misc.CustomFlows.Engine.Definition.FlowEventType.CartUpdated, CustomerId = 7, OccurredOnUtc = Monday10Utc,
            StoreId = 1, Quantity = 3, Value = 180m, ProductIds = [101, 102, 103], CategoryIds = [12], AncestorCategoryIds = [5]
        };
        var run = Nop.Plugin.Misc.CustomFlows.Engine.Entry.FlowRunFactory.Create(Flow, cart, Monday10Utc);
        run.RunId = 123456789;
        var context = Context(customer, Monday10Utc.AddHours(2));
        run = _interpreter.Advance(run, Flow, context).Run;
        return _interpreter.Advance(run, Flow, context).Run;
    }

    [Test]
    public void A_waiting_run_is_stored_in_well_under_one_kilobyte_of_json()
    {
        var run = WaitingRun();

        var bytes = Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(run, FlowJson.Options));

        Assert.That(run.Status, Is.EqualTo(RunStatus.Waiting), "the sample run should be waiting at the e-mail click wait");
        Assert.That(bytes, Is.LessThan(1024));
    }

    [Test]
    public void A_run_written_to_json_and_read_back_continues_exactly_like_the_original()
    {
        var run = WaitingRun();
        var copy = JsonSerializer.Deserialize<FlowRunState>(JsonSerializer.Serialize(run, FlowJson.Options), FlowJson.Options);
        var later = Context(Customer(), Monday10Utc.AddDays(5));

        var fromOriginal = JsonSerializer.Serialize(_interpreter.Advance(run, Flow, later), FlowJson.Options);
        var fromCopy = JsonSerializer.Serialize(_interpreter.Advance(copy, Flow, later), FlowJson.Options);

        Assert.That(fromCopy, Is.EqualTo(fromOriginal));
    }

    [Test]
    public void An_effect_written_to_json_keeps_its_action_type()
    {
        var effect = new FlowEffect { IdempotencyKey = "1:mail:1", Action = new SendEmailAction { Template = "T" } };

        var json = JsonSerializer.Serialize(effect, FlowJson.Options);
        var back = JsonSerializer.Deserialize<FlowEffect>(json, FlowJson.Options);

        Assert.That(json, Does.Contain("\"type\":\"sendEmail\""));
        Assert.That(json, Does.Not.Contain("channel").And.Not.Contain("isMessage").And.Not.Contain("isMarketing"), "derived facts about the action are not data");
        Assert.That(((SendEmailAction)back.Action).Template, Is.EqualTo("T"));
    }
}
