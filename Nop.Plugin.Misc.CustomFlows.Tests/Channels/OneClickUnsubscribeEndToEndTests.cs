using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Moq;
using Nop.Core;
using Nop.Core.Domain.Messages;
using Nop.Plugin.Misc.CustomFlows.Controllers;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;
using Nop.Plugin.Misc.CustomFlows.Infrastructure;
using Nop.Plugin.Misc.CustomFlows.Services.Channels.Email;
using Nop.Plugin.Misc.CustomFlows.Services.Inbox;
using Nop.Plugin.Misc.CustomFlows.Services.Tracking;
using Nop.Plugin.Misc.CustomFlows.Tests.Support;
using Nop.Services.Configuration;
using Nop.Services.Messages;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Channels;

/// <summary>
/// A flow's marketing e-mail from the queue to the wire: the plugin's sender wrapper, a sender doing what
/// nopCommerce's EmailSender does with MailKit, a real SMTP conversation on 127.0.0.1, and the one-click POST a mail
/// client makes with what it found in the headers
/// </summary>
[TestFixture]
public class OneClickUnsubscribeEndToEndTests
{
    /// <summary>
    /// nopCommerce 4.90's EmailSender in short: a MimeMessage of the arguments, every header added as given, sent with MailKit
    /// </summary>
    private sealed class MailKitEmailSender(int port) : IEmailSender
    {
        public async Task SendEmailAsync(EmailAccount emailAccount, string subject, string body, string fromAddress, string fromName,
            string toAddress, string toName, string replyToAddress = null, string replyToName = null, IEnumerable<string> bcc = null,
            IEnumerable<string> cc = null, string attachmentFilePath = null, string attachmentFileName = null, int attachedDownloadId = 0,
            IDictionary<string, string> headers = null)
        {
            var message = new MimeMessage();
            message.From.Add(new MailboxAddress(fromName, fromAddress));
            message.To.Add(new MailboxAddress(toName, toAddress));
            message.Subject = subject;
            foreach (var (name, value) in headers ?? new Dictionary<string, string>())
                message.Headers.Add(name, value);
            message.Body = new TextPart("html") { Text = body };

            using var smtp = new SmtpClient();
            await smtp.ConnectAsync("127.0.0.1", port, SecureSocketOptions.None);
            await smtp.SendAsync(message);
            await smtp.DisconnectAsync(true);
        }
    }

    private static IEmailSender Sender(TestShop shop, SmtpCapture smtp) =>
        new ListUnsubscribeEmailSender(new MailKitEmailSender(smtp.Port), shop.SettingService, shop.Clock);

    /// <summary>What nopCommerce's queued sender does with a queued e-mail: no headers of its own</summary>
    private static Task SendQueuedAsync(IEmailSender sender, QueuedEmail email) =>
        sender.SendEmailAsync(new EmailAccount { Email = email.From }, email.Subject, email.Body, email.From, email.FromName, email.To, email.ToName);

    [Test]
    public async Task A_marketing_email_carries_both_headers_on_the_wire_and_the_one_click_post_they_name_unsubscribes()
    {
        var shop = new TestShop();
        using var smtp = new SmtpCapture();
        var result = await shop.EmailChannel.PerformAsync(TestShop.Request(TestShop.MarketingEmail));
        Assert.That(result.Status, Is.EqualTo(FlowActionStatus.Succeeded), result.Message);

        await SendQueuedAsync(Sender(shop, smtp), shop.QueuedEmails.Table.Single());

        Assert.That(smtp.Messages.TryTake(out var message, TimeSpan.FromSeconds(10)), Is.True, "the SMTP server got the message");
        var listUnsubscribe = message.Headers[ListUnsubscribeEmailSender.ListUnsubscribeHeader];
        Assert.That(listUnsubscribe, Does.Match("^<https://shop\\.example/customflows/unsubscribe\\?token=[A-Za-z0-9_-]+>$"));
        Assert.That(message.Headers[ListUnsubscribeEmailSender.ListUnsubscribePostHeader], Is.EqualTo("List-Unsubscribe=One-Click"));

        //the mail client's one-click POST (RFC 8058): no cookies, no antiforgery token, the body the header names
        var inbox = new InMemoryRepository<FlowInboxEvent>();
        var engagement = new FlowEngagementService(shop.ActionLogs, new FlowInboxWriter(inbox, shop.Clock), shop.SubscriptionService,
            shop.Popups, shop.SettingService, shop.Clock);
        var antiforgery = new Mock<IAntiforgery>(MockBehavior.Strict);
        var controller = new CustomFlowsTrackingController(antiforgery.Object, engagement, new Mock<IWorkContext>().Object)
        {
            ControllerContext = new ControllerContext { HttpContext = new DefaultHttpContext() }
        };
        var token = listUnsubscribe.Trim('<', '>').Split("token=")[1];

        var answer = await controller.UnsubscribePost(token, "One-Click");

        Assert.That(answer, Is.InstanceOf<OkResult>());
        Assert.That(shop.Subscriptions.Single().Active, Is.False, "the newsletter subscription ended");
        Assert.That(inbox.Table.Single().EventType, Is.EqualTo(FlowInboxEventTypes.NEWSLETTER_UNSUBSCRIBED));
    }

    [Test]
    public async Task A_transactional_email_of_a_flow_goes_out_without_unsubscribe_headers()
    {
        var shop = new TestShop();
        using var smtp = new SmtpCapture();
        await shop.EmailChannel.PerformAsync(TestShop.Request(new SendEmailAction
        {
            Template = TestShop.Template,
            Category = EmailCategory.Transactional
        }));

        await SendQueuedAsync(Sender(shop, smtp), shop.QueuedEmails.Table.Single());

        Assert.That(smtp.Messages.TryTake(out var message, TimeSpan.FromSeconds(10)), Is.True);
        Assert.That(message.Headers.Contains(ListUnsubscribeEmailSender.ListUnsubscribeHeader), Is.False);
        Assert.That(message.Headers.Contains(ListUnsubscribeEmailSender.ListUnsubscribePostHeader), Is.False);
    }

    [Test]
    public async Task Every_other_email_is_passed_on_exactly_as_it_came()
    {
        var shop = new TestShop();
        var inner = new Mock<IEmailSender>();
        var sender = new ListUnsubscribeEmailSender(inner.Object, shop.SettingService, shop.Clock);
        var account = new EmailAccount();
        var shopHeaders = new Dictionary<string, string> { ["X-Shop"] = "1" };

        await sender.SendEmailAsync(account, "Order shipped", "<p>Your order</p>", "shop@shop.example", "Shop", "anna@example.com", "Anna",
            "reply@shop.example", "Reply", ["bcc@shop.example"], ["cc@shop.example"], "/tmp/a.pdf", "a.pdf", 5, shopHeaders);

        inner.Verify(s => s.SendEmailAsync(account, "Order shipped", "<p>Your order</p>", "shop@shop.example", "Shop", "anna@example.com", "Anna",
            "reply@shop.example", "Reply", It.Is<IEnumerable<string>>(b => b.Single() == "bcc@shop.example"),
            It.Is<IEnumerable<string>>(c => c.Single() == "cc@shop.example"), "/tmp/a.pdf", "a.pdf", 5, shopHeaders), Times.Once);
    }

    [Test]
    public async Task A_marker_typed_into_someone_elses_message_adds_no_headers()
    {
        //a customer writes the marker of their own unsubscribe link into a contact-form message to the shop owner
        var shop = new TestShop();
        var link = await shop.UrlBuilder.GetUnsubscribeUrlAsync(TestShop.StoreId, TestShop.CustomerId, TestShop.CustomerEmail);
        var inner = new Mock<IEmailSender>();
        var sender = new ListUnsubscribeEmailSender(inner.Object, shop.SettingService, shop.Clock);

        await sender.SendEmailAsync(new EmailAccount(), "Contact us", "Hello " + FlowEmailQueue.UnsubscribeMarkerOf(link),
            "shop@shop.example", "Shop", "owner@shop.example", "Owner");
        await sender.SendEmailAsync(new EmailAccount(), "Contact us", "Hello " + FlowEmailQueue.UnsubscribeMarkerOf("https://evil.example/u?token=x"),
            "shop@shop.example", "Shop", TestShop.CustomerEmail, "Anna");

        inner.Verify(s => s.SendEmailAsync(It.IsAny<EmailAccount>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(),
            It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<IEnumerable<string>>(), It.IsAny<IEnumerable<string>>(),
            It.IsAny<string>(), It.IsAny<string>(), It.IsAny<int>(), null), Times.Exactly(2));
    }

    [Test]
    public void The_plugin_wraps_whichever_sender_the_shop_registered_and_replaces_its_registration()
    {
        var services = new ServiceCollection();
        var shopSender = new Mock<IEmailSender>().Object;
        services.AddScoped(_ => shopSender);
        services.AddSingleton(new Mock<ISettingService>().Object);
        services.AddSingleton(TimeProvider.System);

        NopStartup.DecorateEmailSender(services);

        Assert.That(services.Count(d => d.ServiceType == typeof(IEmailSender)), Is.EqualTo(1), "one registration: no 'overridden' warning");
        using var scope = services.BuildServiceProvider().CreateScope();
        Assert.That(scope.ServiceProvider.GetRequiredService<IEmailSender>(), Is.InstanceOf<ListUnsubscribeEmailSender>());
    }
}
