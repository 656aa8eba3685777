using Nop.Core.Domain.Messages;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Channels;

[TestFixture]
public class StaffAlertChannelTests
{
    [Test]
    public async Task An_alert_without_a_recipient_goes_to_the_store_owners_default_account_at_high_priority()
    {
        var shop = new TestShop();

        var result = await shop.StaffAlertChannel.PerformAsync(TestShop.Request(new AlertStaffAction { Message = "Call %Customer.FullName%, cart worth a lot" }));

        var email = shop.QueuedEmails.Table.Single();
        Assert.That(result.Status, Is.EqualTo(FlowActionStatus.Succeeded));
        Assert.That(result.QueuedEmailId, Is.EqualTo(email.Id));
        Assert.That(email.To, Is.EqualTo("shop@shop.example"));
        Assert.That(email.Priority, Is.EqualTo(QueuedEmailPriority.High));
        Assert.That(email.Subject, Is.EqualTo("Custom flow alert: anna@example.com"));
        Assert.That(email.Body, Does.StartWith("<p>Call Anna Nowak, cart worth a lot</p>"));
        Assert.That(email.Body, Does.Contain("abandoned-cart (v3)"));
    }

    [Test]
    public async Task The_steps_recipient_wins_over_the_plugins_staff_address_which_wins_over_the_account()
    {
        var shop = new TestShop();
        shop.Settings.StaffAlertEmail = "team@shop.example";

        await shop.StaffAlertChannel.PerformAsync(TestShop.Request(new AlertStaffAction { Message = "a", Recipient = "boss@shop.example" }, nodeId: "a"));
        await shop.StaffAlertChannel.PerformAsync(TestShop.Request(new AlertStaffAction { Message = "b" }, nodeId: "b"));

        Assert.That(shop.QueuedEmails.Table.OrderBy(e => e.Id).Select(e => e.To), Is.EqualTo(new[] { "boss@shop.example", "team@shop.example" }));
    }

    [Test]
    public async Task The_alert_text_cannot_inject_html()
    {
        var shop = new TestShop();

        await shop.StaffAlertChannel.PerformAsync(TestShop.Request(new AlertStaffAction { Message = "<script>x</script>" }));

        Assert.That(shop.QueuedEmails.Table.Single().Body, Does.StartWith("<p>&lt;script&gt;x&lt;/script&gt;</p>"));
    }
}
