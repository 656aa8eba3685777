using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;
using Nop.Plugin.Misc.CustomFlows.Services.Channels.Webhooks;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Channels;

[TestFixture]
public class WebhookChannelTests
{
    private static TestShop ShopAllowingLoopback()
    {
        var shop = new TestShop();
        //the receiver runs on this machine, which the shop refuses unless allowed
        shop.Settings.WebhookAllowPrivateAddresses = true;
        return shop;
    }

    private static WebhookAction Hook(string url) => new() { Url = url, EventName = "cart.abandoned" };

    [Test]
    public async Task Without_a_secret_nothing_is_sent_unsigned()
    {
        using var receiver = new WebhookReceiver([200]);
        var shop = ShopAllowingLoopback();
        shop.Settings.WebhookSecret = " ";

        var result = await shop.CreateWebhookChannel().PerformAsync(TestShop.Request(Hook(receiver.Url)));

        Assert.That(result.Status, Is.EqualTo(FlowActionStatus.Failed));
        Assert.That(result.Message, Does.Contain("secret"));
        Assert.That(receiver.Received, Is.Empty);
    }

    [Test]
    public async Task The_receiver_can_verify_the_signature_of_the_body_with_the_shared_secret()
    {
        using var receiver = new WebhookReceiver([200]);
        var shop = ShopAllowingLoopback();

        var result = await shop.CreateWebhookChannel().PerformAsync(TestShop.Request(Hook(receiver.Url)));

        Assert.That(result.Status, Is.EqualTo(FlowActionStatus.Succeeded), result.Message);
        Assert.That(result.HttpStatusCode, Is.EqualTo(200));
        var (body, headers) = receiver.Received.Single();
        //the receiver's recipe of docs/channels.md: HMAC-SHA256 of "{timestamp}.{body}", the timestamp in its own header
        var timestamp = headers[WebhookClient.TimestampHeader];
        Assert.That(timestamp, Is.EqualTo(shop.Clock.GetUtcNow().ToUnixTimeSeconds().ToString()));
        var signed = Encoding.UTF8.GetBytes(timestamp + ".").Concat(body).ToArray();
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("s3cret"), signed));
        Assert.That(headers[WebhookClient.SignatureHeader], Is.EqualTo(expected));
        Assert.That(headers[WebhookClient.EventHeader], Is.EqualTo("cart.abandoned"));
        Assert.That(headers[WebhookClient.DeliveryHeader], Is.EqualTo("41:step-1:1"));
        Assert.That(headers["Content-Type"], Does.StartWith("application/json"));
    }

    [Test]
    public async Task The_payload_names_the_event_flow_step_customer_store_time_and_variant()
    {
        using var receiver = new WebhookReceiver([204]);
        var shop = ShopAllowingLoopback();

        await shop.CreateWebhookChannel().PerformAsync(TestShop.Request(Hook(receiver.Url)));

        using var json = JsonDocument.Parse(receiver.Received.Single().Body);
        var root = json.RootElement;
        Assert.That(root.GetProperty("event").GetString(), Is.EqualTo("cart.abandoned"));
        Assert.That(root.GetProperty("flowId").GetString(), Is.EqualTo("abandoned-cart"));
        Assert.That(root.GetProperty("flowVersion").GetInt32(), Is.EqualTo(3));
        Assert.That(root.GetProperty("nodeId").GetString(), Is.EqualTo("step-1"));
        Assert.That(root.GetProperty("runId").GetInt64(), Is.EqualTo(41));
        Assert.That(root.GetProperty("customerId").GetInt32(), Is.EqualTo(TestShop.CustomerId));
        Assert.That(root.GetProperty("customerEmail").GetString(), Is.EqualTo(TestShop.CustomerEmail));
        Assert.That(root.GetProperty("storeId").GetInt32(), Is.EqualTo(TestShop.StoreId));
        Assert.That(root.GetProperty("occurredOnUtc").GetDateTime(), Is.EqualTo(new DateTime(2026, 11, 23, 8, 59, 0, DateTimeKind.Utc)));
        Assert.That(root.GetProperty("variant").GetString(), Is.EqualTo("B"));
    }

    [Test]
    public async Task A_server_error_is_retried_after_a_wait_with_the_same_delivery_id()
    {
        using var receiver = new WebhookReceiver([500, 200]);
        var shop = ShopAllowingLoopback();

        var result = await shop.CreateWebhookChannel().PerformAsync(TestShop.Request(Hook(receiver.Url)));

        Assert.That(result.Status, Is.EqualTo(FlowActionStatus.Succeeded));
        Assert.That(receiver.Received.Count, Is.EqualTo(2));
        Assert.That(receiver.Received.Select(r => r.Headers[WebhookClient.DeliveryHeader]).Distinct().Count(), Is.EqualTo(1));
        Assert.That(shop.Clock.Waits, Is.EqualTo(new[] { TimeSpan.FromSeconds(2) }));
    }

    [Test]
    public async Task A_receiver_that_keeps_failing_is_given_up_after_the_set_attempts_with_doubling_waits()
    {
        using var receiver = new WebhookReceiver([503]);
        var shop = ShopAllowingLoopback();

        var result = await shop.CreateWebhookChannel().PerformAsync(TestShop.Request(Hook(receiver.Url)));

        Assert.That(result.Status, Is.EqualTo(FlowActionStatus.Failed));
        Assert.That(result.HttpStatusCode, Is.EqualTo(503));
        Assert.That(receiver.Received.Count, Is.EqualTo(3));
        Assert.That(shop.Clock.Waits, Is.EqualTo(new[] { TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4) }));
    }

    [Test]
    public async Task A_client_error_is_final_at_once()
    {
        using var receiver = new WebhookReceiver([400, 200]);
        var shop = ShopAllowingLoopback();

        var result = await shop.CreateWebhookChannel().PerformAsync(TestShop.Request(Hook(receiver.Url)));

        Assert.That(result.Status, Is.EqualTo(FlowActionStatus.Failed));
        Assert.That(receiver.Received.Count, Is.EqualTo(1));
        Assert.That(shop.Clock.Waits, Is.Empty);
    }

    [Test]
    public async Task A_receiver_that_does_not_answer_in_time_counts_as_failed()
    {
        using var receiver = new WebhookReceiver([200], answerDelay: TimeSpan.FromSeconds(3));
        var shop = ShopAllowingLoopback();
        shop.Settings.WebhookTimeoutSeconds = 1;
        shop.Settings.WebhookMaxAttempts = 1;

        var result = await shop.CreateWebhookChannel().PerformAsync(TestShop.Request(Hook(receiver.Url)));

        Assert.That(result.Status, Is.EqualTo(FlowActionStatus.Failed));
        Assert.That(result.Message, Does.Contain("timed out"));
    }

    [TestCase("http://127.0.0.1:{0}/hooks/flow")]
    [TestCase("http://localhost:{0}/hooks/flow")]
    public async Task The_shops_own_machine_is_refused_unless_allowed_and_nothing_is_sent(string url)
    {
        using var receiver = new WebhookReceiver([200]);
        var shop = new TestShop();

        var result = await shop.CreateWebhookChannel().PerformAsync(TestShop.Request(Hook(string.Format(url, receiver.Port))));

        Assert.That(result.Status, Is.EqualTo(FlowActionStatus.Failed));
        Assert.That(result.Message, Does.Contain("refused"));
        Assert.That(receiver.Received, Is.Empty);
        Assert.That(shop.Clock.Waits, Is.Empty, "a refused address is not retried");
    }

    [Test]
    public async Task A_host_with_one_private_address_among_public_ones_is_refused()
    {
        var shop = new TestShop();
        var policy = new WebhookAddressPolicy((host, _) => Task.FromResult(new[] { IPAddress.Parse("93.184.216.34"), IPAddress.Parse("10.0.0.5") }));

        var result = await shop.CreateWebhookChannel(policy).PerformAsync(TestShop.Request(Hook("https://hooks.example/flow")));

        Assert.That(result.Status, Is.EqualTo(FlowActionStatus.Failed));
        Assert.That(result.Message, Does.Contain("10.0.0.5"));
    }

    [Test]
    public async Task Every_attempt_is_signed_with_its_own_time_so_a_receiver_can_refuse_a_replayed_old_call()
    {
        using var receiver = new WebhookReceiver([500, 200]);
        var shop = ShopAllowingLoopback();

        await shop.CreateWebhookChannel().PerformAsync(TestShop.Request(Hook(receiver.Url)));

        var attempts = receiver.Received.ToList();
        var times = attempts.Select(a => long.Parse(a.Headers[WebhookClient.TimestampHeader])).ToList();
        Assert.That(times[1] - times[0], Is.EqualTo(2), "the retry waited two seconds and says so");
        Assert.That(attempts[0].Headers[WebhookClient.SignatureHeader], Is.Not.EqualTo(attempts[1].Headers[WebhookClient.SignatureHeader]));
    }

    [TestCase("ftp://hooks.example/flow")]
    [TestCase("/relative/path")]
    [TestCase(null)]
    public async Task An_address_that_is_not_http_is_refused(string url)
    {
        var result = await new TestShop().CreateWebhookChannel().PerformAsync(TestShop.Request(Hook(url)));

        Assert.That(result.Status, Is.EqualTo(FlowActionStatus.Failed));
    }
}
