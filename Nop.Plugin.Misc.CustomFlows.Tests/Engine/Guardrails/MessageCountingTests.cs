using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;
using Nop.Plugin.Misc.CustomFlows.Engine.Guardrails;
using Nop.Plugin.Misc.CustomFlows.Engine.Ports;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using Nop.Plugin.Misc.CustomFlows.Engine.Serialization;
using Nop.Plugin.Misc.CustomFlows.Engine.Validation;
using Nop.Plugin.Misc.CustomFlows.Simulation;
using SimulationScenario = Nop.Plugin.Misc.CustomFlows.Tests.Engine.Simulation.SimulationScenario;
using static Nop.Plugin.Misc.CustomFlows.Tests.Engine.EngineKit;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Engine.Guardrails;

/// <summary>
/// Which actions count as messages: e-mails, pop-ups and webhooks that say they message the customer.
/// One rule for the flow's frequency cap and the shop-wide budget: marketing messages are held and
/// counted, transactional e-mails never.
/// </summary>
[TestFixture]
public class MessageCountingTests
{
    private readonly FlowInterpreter _interpreter = new();

    private const string CapOfOneSkipping = """{ "frequencyCap": { "max": 1, "period": "7d" }, "whenBudgetExceeded": "skip" }""";

    private const string Sms = """{ "type": "webhook", "url": "https://sms.example.com/send", "eventName": "sms", "messagesCustomer": true }""";

    private const string CrmCall = """{ "type": "webhook", "url": "https://crm.example.com/hook", "eventName": "lead" }""";

    private static string Email(string category) => $$"""{ "type": "sendEmail", "template": "Promo", "category": "{{category}}" }""";

    /// <summary>Two actions in a row, then the end.</summary>
    private static CompiledFlow TwoActions(string first, string second, string settings = "{}") => Compile($$"""
        {{StartOnOrder}},
        { "type": "action", "id": "step-1", "action": {{first}}, "next": "step-2" },
        { "type": "action", "id": "step-2", "action": {{second}}, "next": "end" },
        { "type": "end", "id": "end" }
        """, settings);

    private StepResult Run(CompiledFlow flow, GuardrailSettings guardrails = null)
    {
        var customer = Customer();
        return _interpreter.Advance(NewRun(flow, customer, Monday10Utc), flow, Context(customer, Monday10Utc, guardrails));
    }

    private static IEnumerable<string> Emitted(StepResult result) => result.Effects.Select(e => e.NodeId);

    [Test]
    public void A_webhook_that_messages_the_customer_is_a_marketing_message_and_one_that_does_not_is_neither()
    {
        var sms = (WebhookAction)TwoActions(Sms, CrmCall).Definition.Nodes.OfType<Nop.Plugin.Misc.CustomFlows.Engine.Definition.Nodes.ActionNode>().First().Action;
        var crm = new WebhookAction { Url = "https://crm.example.com/hook" };

        Assert.That((sms.MessagesCustomer, sms.IsMessage, sms.IsMarketingMessage), Is.EqualTo((true, true, true)));
        Assert.That((crm.MessagesCustomer, crm.IsMessage, crm.IsMarketingMessage), Is.EqualTo((false, false, false)));
    }

    [Test]
    public void A_webhook_that_messages_the_customer_counts_against_the_flows_frequency_cap()
    {
        var result = Run(TwoActions(Email("marketing"), Sms, CapOfOneSkipping));

        Assert.That(Emitted(result), Is.EqualTo(new[] { "step-1" }));
        Assert.That(result.Records, Does.Contain(new StepRecord(Monday10Utc, "step-2", StepKind.ActionSkipped, "frequencyCap")));
    }

    [Test]
    public void An_ordinary_webhook_is_not_held_by_the_frequency_cap()
    {
        var result = Run(TwoActions(Email("marketing"), CrmCall, CapOfOneSkipping));

        Assert.That(Emitted(result), Is.EqualTo(new[] { "step-1", "step-2" }));
    }

    [Test]
    public void A_webhook_message_counts_against_a_shop_wide_budget_for_every_channel()
    {
        var onePerDay = new GuardrailSettings { MessageBudget = { new MessageBudgetRule { Max = 1, Period = TimeSpan.FromDays(1) } } };

        var result = Run(TwoActions(Sms, Email("marketing"), """{ "whenBudgetExceeded": "skip" }"""), onePerDay);

        Assert.That(Emitted(result), Is.EqualTo(new[] { "step-1" }));
        Assert.That(result.Records, Does.Contain(new StepRecord(Monday10Utc, "step-2", StepKind.ActionSkipped, "budget")));
    }

    [Test]
    public void A_transactional_email_is_never_held_by_the_frequency_cap()
    {
        var result = Run(TwoActions(Email("marketing"), Email("transactional"), CapOfOneSkipping));

        Assert.That(Emitted(result), Is.EqualTo(new[] { "step-1", "step-2" }));
    }

    [Test]
    public void A_transactional_email_is_never_counted_by_the_frequency_cap()
    {
        var result = Run(TwoActions(Email("transactional"), Email("marketing"), CapOfOneSkipping));

        Assert.That(Emitted(result), Is.EqualTo(new[] { "step-1", "step-2" }));
    }

    [Test]
    public void Transactional_emails_sent_before_are_not_counted_by_the_cap_or_the_budget()
    {
        var customer = Customer();
        customer.Messages.Add(new SentMessage(Monday10Utc.AddHours(-1), ActionChannel.Email, false, "f"));
        var flow = Compile($$"""
            {{StartOnOrder}},
            { "type": "action", "id": "step-1", "action": {{Email("marketing")}}, "next": "end" },
            { "type": "end", "id": "end" }
            """, CapOfOneSkipping);
        var budget = new GuardrailSettings { MessageBudget = { new MessageBudgetRule { Channel = ActionChannel.Email, Max = 1, Period = TimeSpan.FromDays(1) } } };

        var result = _interpreter.Advance(NewRun(flow, customer, Monday10Utc), flow, Context(customer, Monday10Utc, budget));

        Assert.That(Emitted(result), Is.EqualTo(new[] { "step-1" }));
    }

    [Test]
    public void A_webhook_that_does_not_say_it_messages_the_customer_is_written_as_before()
    {
        var json = FlowJson.Serialize(TwoActions(CrmCall, Sms).Definition);

        Assert.That(json, Does.Contain("\"messagesCustomer\":true"));
        Assert.That(json.Split("\"messagesCustomer\"").Length - 1, Is.EqualTo(1), "false is the default and left out");
    }

    [Test]
    public void MessagesCustomer_is_true_or_false()
    {
        var json = $$"""
            { "schemaVersion": 1, "id": "f", "version": 1, "settings": {}, "nodes": [
              {{StartOnOrder}},
              { "type": "action", "id": "step-1", "action": { "type": "webhook", "url": "https://sms.example.com", "messagesCustomer": "yes" }, "next": "end" },
              { "type": "end", "id": "end" } ] }
            """;

        var problem = new FlowValidator().Validate(json).Problems.Single();

        Assert.That(problem.Path, Is.EqualTo("$.nodes[1].action.messagesCustomer"));
        Assert.That(problem.Message, Does.Contain("true or false"));
    }

    [Test]
    public void The_simulator_counts_a_webhook_message_as_sent_and_credits_the_next_order_to_it()
    {
        var flow = SimulationScenario.Flow("sms", """{ "event": "customer_registered" }""", $$"""
            { "type": "action", "id": "text", "action": {{Sms}}, "next": "end" },
            { "type": "end", "id": "end" }
            """);
        var crm = SimulationScenario.Flow("crm", """{ "event": "customer_registered" }""", $$"""
            { "type": "action", "id": "call", "action": {{CrmCall}}, "next": "end" },
            { "type": "end", "id": "end" }
            """);

        var report = SimulationScenario.Run([flow, crm], """
            {"at":"2026-11-02T10:00:00Z","type":"customer_registered","customer":1}
            {"at":"2026-11-03T10:00:00Z","type":"order_placed","customer":1,"value":80}
            """);

        Assert.That(SimulationScenario.Flow(report, "sms").Sent["webhook"], Is.EqualTo(1));
        Assert.That(SimulationScenario.Flow(report, "sms").Revenue, Is.EqualTo(80m));
        Assert.That(SimulationScenario.Flow(report, "crm").Revenue, Is.Zero, "a call to another system is not a message to the customer");
    }

    [Test]
    public void The_simulators_guardrails_file_can_limit_webhook_messages()
    {
        var options = new SimulationOptions();

        GuardrailFileReader.Read(new StringReader("""{ "messageBudget": [ { "channel": "webhook", "max": 2, "period": "7d" } ] }"""), options);

        Assert.That(options.Guardrails.MessageBudget.Single().Channel, Is.EqualTo(ActionChannel.Webhook));
    }
}
