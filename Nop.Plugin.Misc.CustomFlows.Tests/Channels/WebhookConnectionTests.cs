using System.Net;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;
using Nop.Plugin.Misc.CustomFlows.Services.Channels.Webhooks;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Channels;

/// <summary>
/// Where a webhook connection really goes: not through the machine's proxy, through the admin's proxy only to the
/// checked address, to the address DNS answered once, and never on to a redirect
/// </summary>
[TestFixture]
[NonParallelizable]
public class WebhookConnectionTests
{
    private IWebProxy _systemProxy;

    [SetUp]
    public void RememberSystemProxy() => _systemProxy = HttpClient.DefaultProxy;

    [TearDown]
    public void RestoreSystemProxy() => HttpClient.DefaultProxy = _systemProxy;

    private static WebhookAction Hook(string url) => new() { Url = url, EventName = "cart.abandoned" };

    [Test]
    public async Task The_machines_proxy_is_not_used_so_it_cannot_carry_a_webhook_past_the_address_check()
    {
        using var proxy = new RawHttpRecorder();
        using var receiver = new WebhookReceiver([200]);
        //what HTTP_PROXY / HTTPS_PROXY set up for every HttpClient of the process
        HttpClient.DefaultProxy = new WebProxy(proxy.Url);
        var shop = new TestShop();
        shop.Settings.WebhookAllowPrivateAddresses = true;

        var result = await shop.CreateWebhookChannel().PerformAsync(TestShop.Request(Hook(receiver.Url)));

        Assert.That(result.Status, Is.EqualTo(FlowActionStatus.Succeeded), result.Message);
        Assert.That(proxy.RequestHeads, Is.Empty, "the system proxy was not asked");
        Assert.That(receiver.Received, Has.Count.EqualTo(1), "the receiver was called directly");
    }

    [Test]
    public async Task Through_the_admins_proxy_the_request_names_the_checked_address_not_the_host_name()
    {
        using var proxy = new RawHttpRecorder();
        var shop = new TestShop();
        shop.Settings.WebhookProxyAddress = proxy.Url;
        var policy = new WebhookAddressPolicy((_, _) => Task.FromResult(new[] { IPAddress.Parse("93.184.216.34") }));

        var result = await shop.CreateWebhookChannel(policy).PerformAsync(TestShop.Request(Hook("http://hooks.example:8080/flow")));

        Assert.That(result.Status, Is.EqualTo(FlowActionStatus.Succeeded), result.Message);
        var head = proxy.RequestHeads.Single();
        Assert.That(head, Does.StartWith("POST http://93.184.216.34:8080/flow HTTP/1.1"), "the proxy connects to the checked address, its own DNS is not asked");
        Assert.That(head, Does.Contain("Host: hooks.example:8080"), "the receiver still sees its own name");
    }

    [Test]
    public async Task Through_the_admins_proxy_an_https_tunnel_is_asked_for_the_checked_address()
    {
        using var proxy = new RawHttpRecorder();
        var shop = new TestShop();
        shop.Settings.WebhookProxyAddress = proxy.Url;
        shop.Settings.WebhookMaxAttempts = 1;
        var policy = new WebhookAddressPolicy((_, _) => Task.FromResult(new[] { IPAddress.Parse("93.184.216.34") }));

        //the recorder closes the tunnel at once, so the call itself fails; where the proxy was asked to go is what counts
        await shop.CreateWebhookChannel(policy).PerformAsync(TestShop.Request(Hook("https://hooks.example/flow")));

        Assert.That(proxy.RequestHeads.Single(), Does.StartWith("CONNECT 93.184.216.34:443 HTTP/1.1"));
    }

    [TestCase("10.0.0.5")]
    [TestCase("100.64.1.1")]
    [TestCase("::ffff:192.168.1.1")]
    public async Task Through_the_admins_proxy_an_internal_target_is_refused_before_the_proxy_is_asked(string internalAddress)
    {
        using var proxy = new RawHttpRecorder();
        var shop = new TestShop();
        shop.Settings.WebhookProxyAddress = proxy.Url;
        var policy = new WebhookAddressPolicy((_, _) => Task.FromResult(new[] { IPAddress.Parse(internalAddress) }));

        var result = await shop.CreateWebhookChannel(policy).PerformAsync(TestShop.Request(Hook("http://intranet.example/flow")));

        Assert.That(result.Status, Is.EqualTo(FlowActionStatus.Failed));
        Assert.That(result.Message, Does.Contain("refused"));
        Assert.That(proxy.RequestHeads, Is.Empty);
    }

    [Test]
    public async Task The_connection_goes_to_the_address_of_the_one_lookup_that_was_checked_so_dns_cannot_rebind_it()
    {
        using var receiver = new RawHttpRecorder();
        var lookups = 0;
        //a rebinding name: the first answer is the one checked; any later answer points elsewhere
        var policy = new WebhookAddressPolicy((_, _) => Task.FromResult(new[]
        {
            Interlocked.Increment(ref lookups) == 1 ? IPAddress.Loopback : IPAddress.Parse("10.255.255.1")
        }));
        var shop = new TestShop();
        shop.Settings.WebhookAllowPrivateAddresses = true;

        var result = await shop.CreateWebhookChannel(policy).PerformAsync(TestShop.Request(Hook($"http://rebind.example:{receiver.Port}/hooks/flow")));

        Assert.That(result.Status, Is.EqualTo(FlowActionStatus.Succeeded), result.Message);
        Assert.That(lookups, Is.EqualTo(1), "the name was resolved once, for the check and the connection together");
        Assert.That(receiver.RequestHeads, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_rebinding_name_whose_checked_answer_is_public_never_reaches_the_internal_receiver()
    {
        using var receiver = new RawHttpRecorder();
        var lookups = 0;
        var policy = new WebhookAddressPolicy((_, _) => Task.FromResult(new[]
        {
            Interlocked.Increment(ref lookups) == 1 ? IPAddress.Parse("93.184.216.34") : IPAddress.Loopback
        }));
        var shop = new TestShop();
        shop.Settings.WebhookTimeoutSeconds = 1;
        shop.Settings.WebhookMaxAttempts = 1;

        await shop.CreateWebhookChannel(policy).PerformAsync(TestShop.Request(Hook($"http://rebind.example:{receiver.Port}/hooks/flow")));

        Assert.That(receiver.RequestHeads, Is.Empty);
        Assert.That(lookups, Is.EqualTo(1));
    }

    [Test]
    public async Task A_redirect_is_not_followed_so_it_cannot_lead_to_an_internal_address()
    {
        using var inside = new WebhookReceiver([200]);
        using var receiver = new WebhookReceiver([302], location: inside.Url);
        var shop = new TestShop();
        shop.Settings.WebhookAllowPrivateAddresses = true;

        var result = await shop.CreateWebhookChannel().PerformAsync(TestShop.Request(Hook(receiver.Url)));

        Assert.That(result.Status, Is.EqualTo(FlowActionStatus.Failed));
        Assert.That(result.Message, Does.Contain("302"));
        Assert.That(inside.Received, Is.Empty);
    }
}
