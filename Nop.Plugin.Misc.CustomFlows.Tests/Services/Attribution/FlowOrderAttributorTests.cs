using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Services.Attribution;
using Nop.Plugin.Misc.CustomFlows.Services.Runs;
using Nop.Plugin.Misc.CustomFlows.Tests.Support;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Services.Attribution;

[TestFixture]
public class FlowOrderAttributorTests
{
    private const int Customer = 7;
    private static readonly DateTime Placed = new(2026, 11, 10, 12, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    private const string Definition = """
        {
          "id": "{{ID}}", "name": "Flow", "version": 1,
          "nodes": [
            { "type": "start", "id": "start", "trigger": { "event": "cart_updated" }, "next": "mail" },
            { "type": "action", "id": "mail", "action": { "type": "sendEmail", "template": "T" }, "next": "crm" },
            { "type": "action", "id": "crm", "action": { "type": "webhook", "url": "https://crm.example/hook", "eventName": "x" }, "next": "sms" },
            { "type": "action", "id": "sms", "action": { "type": "webhook", "url": "https://sms.example/send", "eventName": "y", "messagesCustomer": true }, "next": "end" },
            { "type": "end", "id": "end" }
          ]
        }
        """;

    private InMemoryRepository<Flow> _flows;
    private InMemoryRepository<FlowVersion> _versions;
    private InMemoryRepository<FlowRun> _runs;
    private InMemoryRepository<FlowActionLog> _logs;
    private InMemoryRepository<FlowAttribution> _attributions;
    private FlowOrderAttributor _attributor;

    [SetUp]
    public void SetUp()
    {
        //NUnit keeps one fixture instance for all its tests: fresh tables for each
        (_flows, _versions, _runs, _logs, _attributions) = (new(), new(), new(), new(), new());
        _attributor = new FlowOrderAttributor(_logs, _attributions, new FlowCatalog(_flows, _versions, new InMemoryStaticCache()), _runs, _versions);
    }

    private async Task<FlowRun> RunOfNewFlowAsync(int customerId = Customer)
    {
        var flow = new Flow { Name = "Flow", StatusId = (int)FlowStatus.Active };
        await _flows.InsertAsync(flow);
        var version = new FlowVersion { FlowId = flow.Id, VersionNumber = 1, DefinitionJson = Definition.Replace("{{ID}}", flow.Id.ToString()) };
        await _versions.InsertAsync(version);
        flow.PublishedVersionId = version.Id;
        await _flows.UpdateAsync(flow);
        var run = new FlowRun { FlowId = flow.Id, FlowVersionId = version.Id, CustomerId = customerId, ActiveKey = $"run-{flow.Id}", StateJson = "{}" };
        await _runs.InsertAsync(run);
        return run;
    }

    private Task LogAsync(FlowRun run, string nodeId, FlowChannel channel, DateTime at, FlowActionStatus status = FlowActionStatus.Succeeded) =>
        _logs.InsertAsync(new FlowActionLog
        {
            IdempotencyKey = $"{run.Id}:{nodeId}:{at.Ticks}", FlowRunId = run.Id, NodeId = nodeId, CustomerId = run.CustomerId,
            ChannelId = (int)channel, StatusId = (int)status, CreatedOnUtc = at
        });

    [Test]
    public async Task An_order_after_a_delivered_email_is_credited_to_its_step_and_run_once_even_when_handled_again()
    {
        var run = await RunOfNewFlowAsync();
        await LogAsync(run, "mail", FlowChannel.Email, Placed.AddDays(-2));

        var first = await _attributor.AttributeAsync(31, Customer, Placed, 80m, Week);
        var again = await _attributor.AttributeAsync(31, Customer, Placed, 80m, Week);

        var row = _attributions.Table.Single();
        Assert.That((row.OrderId, row.FlowId, row.FlowVersionId, row.NodeId, row.FlowRunId, row.CustomerId, row.OrderTotal, row.PlacedOnUtc, row.MessageSentOnUtc),
            Is.EqualTo((31, run.FlowId, run.FlowVersionId, "mail", run.Id, Customer, 80m, Placed, Placed.AddDays(-2))));
        Assert.That((first.Count, again.Count), Is.EqualTo((1, 0)), "a retried inbox event credits nothing twice");
    }

    [Test]
    public async Task Skipped_emails_webhooks_to_other_systems_old_messages_and_other_customers_are_not_credited()
    {
        var run = await RunOfNewFlowAsync();
        await LogAsync(run, "mail", FlowChannel.Email, Placed.AddDays(-1), FlowActionStatus.Skipped);
        await LogAsync(run, "crm", FlowChannel.Webhook, Placed.AddDays(-1));
        await LogAsync(run, "mail", FlowChannel.Email, Placed.AddDays(-8));
        var other = await RunOfNewFlowAsync(customerId: Customer + 1);
        await LogAsync(other, "mail", FlowChannel.Email, Placed.AddHours(-1));

        Assert.That(await _attributor.AttributeAsync(32, Customer, Placed, 80m, Week), Is.Empty);
        Assert.That(_attributions.Table, Is.Empty);
    }

    [Test]
    public async Task A_webhook_that_messages_the_customer_counts_and_each_flow_gets_its_own_credit()
    {
        var sms = await RunOfNewFlowAsync();
        await LogAsync(sms, "mail", FlowChannel.Email, Placed.AddDays(-3));
        await LogAsync(sms, "sms", FlowChannel.Webhook, Placed.AddHours(-5));
        var second = await RunOfNewFlowAsync();
        await LogAsync(second, "mail", FlowChannel.Email, Placed.AddDays(-6));

        await _attributor.AttributeAsync(33, Customer, Placed, 120m, Week);

        Assert.That(_attributions.Table.ToList().OrderBy(row => row.FlowId).Select(row => (row.FlowId, row.NodeId, row.OrderTotal)),
            Is.EqualTo(new[] { (sms.FlowId, "sms", 120m), (second.FlowId, "mail", 120m) }));
    }

    [Test]
    public async Task A_guests_credited_orders_move_to_the_account_they_log_in_to()
    {
        var run = await RunOfNewFlowAsync(customerId: 90);
        await LogAsync(run, "mail", FlowChannel.Email, Placed.AddDays(-1));
        await _attributor.AttributeAsync(34, 90, Placed, 10m, Week);

        await _attributor.MoveCustomerAsync(90, Customer);

        Assert.That(_attributions.Table.Single().CustomerId, Is.EqualTo(Customer));
    }

    [TestCase(0, 1)]
    [TestCase(7, 7)]
    [TestCase(500, 90)]
    public void The_window_setting_is_kept_within_1_to_90_days(int days, int expected)
    {
        Assert.That(FlowOrderAttributor.WindowOf(new CustomFlowsSettings { AttributionWindowDays = days }), Is.EqualTo(TimeSpan.FromDays(expected)));
    }
}
