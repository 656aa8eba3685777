using System.Reflection;
using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Gdpr;
using Nop.Core.Events;
using Nop.Plugin.Misc.CustomFlows.Data.Migrations;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;
using Nop.Plugin.Misc.CustomFlows.Events;
using Nop.Plugin.Misc.CustomFlows.Services.Privacy;
using Nop.Plugin.Misc.CustomFlows.Tests.Channels;
using Nop.Plugin.Misc.CustomFlows.Tests.Support;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Privacy;

/// <summary>
/// Deleting a customer in the admin, or erasing them through nopCommerce's GDPR tools, removes what the plugin holds
/// about them, and no message or webhook goes out for a deleted customer
/// </summary>
[TestFixture]
public class CustomerErasureTests
{
    private const int Anna = 7;
    private const int Bob = 8;
    private const string AnnaEmail = "anna@example.com";

    private Dictionary<Type, object> _tables;

    private static Dictionary<Type, object> NewTables() => new()
    {
        [typeof(Flow)] = new InMemoryRepository<Flow>(),
        [typeof(FlowVersion)] = new InMemoryRepository<FlowVersion>(),
        [typeof(FlowRun)] = new InMemoryRepository<FlowRun>(),
        [typeof(FlowInboxEvent)] = new InMemoryRepository<FlowInboxEvent>(),
        [typeof(FlowActionLog)] = new InMemoryRepository<FlowActionLog>(),
        [typeof(PendingPopup)] = new InMemoryRepository<PendingPopup>(),
        [typeof(CustomerFlowState)] = new InMemoryRepository<CustomerFlowState>(),
        [typeof(FlowNodeDailyStat)] = new InMemoryRepository<FlowNodeDailyStat>(),
        [typeof(FlowAttribution)] = new InMemoryRepository<FlowAttribution>()
    };

    private InMemoryRepository<T> Table<T>() where T : BaseEntity => (InMemoryRepository<T>)_tables[typeof(T)];

    private CustomerErasureConsumer Consumer() => new(new CustomerDataEraser(Table<CustomerFlowState>(), Table<FlowActionLog>(),
        Table<FlowInboxEvent>(), Table<FlowRun>(), Table<FlowVersion>(), Table<PendingPopup>(), Table<FlowAttribution>()));

    [SetUp]
    public async Task SeedBothCustomers()
    {
        _tables = NewTables();
        await Table<Flow>().InsertAsync(new Flow { Name = "Welcome" });
        foreach (var customer in new[] { Anna, Bob })
        {
            var email = customer == Anna ? AnnaEmail : "bob@example.com";
            await Table<FlowVersion>().InsertAsync(new FlowVersion { FlowId = 1, VersionNumber = customer, CreatedByCustomerId = customer, DefinitionJson = "{}" });
            await Table<FlowRun>().InsertAsync(new FlowRun { FlowId = 1, CustomerId = customer, ActiveKey = $"1|{customer}|", StateJson = "{}" });
            await Table<FlowInboxEvent>().InsertAsync(new FlowInboxEvent { EventType = "order_placed", CustomerId = customer, PayloadJson = "{}" });
            //a newsletter sign-up before the account existed: guest 0, the address in the payload
            await Table<FlowInboxEvent>().InsertAsync(new FlowInboxEvent { EventType = "newsletter_subscribed", CustomerId = 0, PayloadJson = $"{{\"email\":\"{email}\"}}" });
            await Table<FlowActionLog>().InsertAsync(new FlowActionLog { IdempotencyKey = $"{customer}:mail:1", CustomerId = customer, Details = $"{{\"message\":\"queued for {email}\"}}" });
            await Table<PendingPopup>().InsertAsync(new PendingPopup { CustomerId = customer, ContentJson = "{}" });
            await Table<CustomerFlowState>().InsertAsync(new CustomerFlowState { CustomerId = customer, TagsJson = "[\"vip\"]" });
            await Table<FlowAttribution>().InsertAsync(new FlowAttribution { OrderId = 10 + customer, FlowId = 1, FlowVersionId = 1, NodeId = "mail", CustomerId = customer, OrderTotal = 50m });
        }
        await Table<FlowNodeDailyStat>().InsertAsync(new FlowNodeDailyStat { FlowId = 1, FlowVersionId = 1, NodeId = "mail", Sent = 2 });
    }

    /// <summary>
    /// Every row of every plugin table that names the customer: by a customer id column, or by their address anywhere
    /// </summary>
    private List<string> RowsOf(int customerId, string email)
    {
        var found = new List<string>();
        foreach (var (type, table) in _tables)
        {
            var rows = ((System.Collections.IEnumerable)table.GetType().GetProperty("Table")!.GetValue(table)!).Cast<object>();
            foreach (var row in rows)
            {
                var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
                if (properties.Any(p => p.Name.EndsWith("CustomerId") && p.PropertyType == typeof(int) && (int)p.GetValue(row)! == customerId)
                    || properties.Any(p => p.PropertyType == typeof(string) && ((string)p.GetValue(row))?.Contains(email) == true))
                    found.Add($"{type.Name} #{((BaseEntity)row).Id}");
            }
        }

        return found;
    }

    [Test]
    public void The_test_covers_every_table_of_the_plugin()
    {
        Assert.That(CustomFlowsSchema.All.Select(t => t.EntityType), Is.EquivalentTo(_tables.Keys));
    }

    [Test]
    public async Task The_gdpr_erasure_leaves_no_row_of_the_customer_in_any_plugin_table()
    {
        Assert.That(RowsOf(Anna, AnnaEmail), Is.Not.Empty, "the seed names Anna");
        var bobsRows = RowsOf(Bob, "bob@example.com");

        await Consumer().HandleEventAsync(new CustomerPermanentlyDeleted(Anna, AnnaEmail));

        Assert.That(RowsOf(Anna, AnnaEmail), Is.Empty);
        Assert.That(RowsOf(Bob, "bob@example.com"), Is.EqualTo(bobsRows), "the other customer keeps everything");
        Assert.That(Table<FlowNodeDailyStat>().Table.Single().Sent, Is.EqualTo(2), "numbers of no one stay");
        Assert.That(Table<FlowAttribution>().Table.Sum(row => row.OrderTotal), Is.EqualTo(100m), "the flow keeps the revenue of the erased customer's order, linked to no one");
        Assert.That(Table<FlowVersion>().Table.Count(), Is.EqualTo(2), "the flows an erased admin published stay, without their id");
    }

    [Test]
    public async Task The_admins_delete_of_a_customer_removes_their_rows_too_even_with_the_deleted_suffix_on_the_address()
    {
        var bobsRows = RowsOf(Bob, "bob@example.com");
        //nopCommerce's soft delete can suffix the address ("SuffixDeletedCustomers") before it publishes the event
        await Consumer().HandleEventAsync(new EntityDeletedEvent<Customer>(new Customer { Id = Anna, Email = AnnaEmail + "-DELETED", Deleted = true }));

        Assert.That(RowsOf(Anna, AnnaEmail), Is.Empty);
        Assert.That(RowsOf(Bob, "bob@example.com"), Is.EqualTo(bobsRows));
    }

    [Test]
    public async Task No_webhook_and_no_staff_alert_goes_out_for_a_deleted_customer()
    {
        using var receiver = new WebhookReceiver([200]);
        var shop = new TestShop();
        shop.Settings.WebhookAllowPrivateAddresses = true;
        shop.Customers.Single().Deleted = true;

        var webhook = await shop.CreateWebhookChannel().PerformAsync(TestShop.Request(new WebhookAction { Url = receiver.Url, EventName = "x" }));
        var alert = await shop.StaffAlertChannel.PerformAsync(TestShop.Request(new AlertStaffAction { Message = "VIP", Recipient = "staff@shop.example" }));
        var email = await shop.EmailChannel.PerformAsync(TestShop.Request(TestShop.MarketingEmail));

        Assert.That((webhook.Status, alert.Status, email.Status), Is.EqualTo((FlowActionStatus.Skipped, FlowActionStatus.Skipped, FlowActionStatus.Skipped)));
        Assert.That(receiver.Received, Is.Empty);
        Assert.That(shop.QueuedEmails.Table, Is.Empty);
    }
}
