using System.Net;
using Nop.Plugin.Misc.CustomFlows.Services.Channels.Webhooks;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Channels;

[TestFixture]
public class WebhookAddressPolicyTests
{
    [TestCase("127.0.0.1")]
    [TestCase("127.8.9.10")]
    [TestCase("10.1.2.3")]
    [TestCase("172.16.0.1")]
    [TestCase("172.31.255.255")]
    [TestCase("192.168.1.1")]
    [TestCase("169.254.169.254")]
    [TestCase("0.0.0.0")]
    [TestCase("::1")]
    [TestCase("::")]
    [TestCase("fc00::1")]
    [TestCase("fd12:3456::1")]
    [TestCase("fe80::1")]
    [TestCase("febf::1")]
    [TestCase("::ffff:10.0.0.1")]
    [TestCase("::ffff:127.0.0.1")]
    public void Loopback_private_link_local_and_unspecified_addresses_are_internal(string address)
    {
        Assert.That(WebhookAddressPolicy.IsInternal(IPAddress.Parse(address)), Is.True);
    }

    [TestCase("8.8.8.8")]
    [TestCase("172.15.255.255")]
    [TestCase("172.32.0.1")]
    [TestCase("192.169.0.1")]
    [TestCase("169.255.0.1")]
    [TestCase("11.0.0.1")]
    [TestCase("2001:4860:4860::8888")]
    [TestCase("fec0::1")]
    [TestCase("::ffff:8.8.8.8")]
    public void Public_addresses_are_not_internal(string address)
    {
        Assert.That(WebhookAddressPolicy.IsInternal(IPAddress.Parse(address)), Is.False);
    }

    [Test]
    public async Task Every_resolved_address_is_checked_not_just_the_first()
    {
        var policy = new WebhookAddressPolicy((_, _) => Task.FromResult(new[] { IPAddress.Parse("8.8.8.8"), IPAddress.Parse("fe80::5") }));

        Assert.ThrowsAsync<WebhookAddressRefusedException>(() => policy.ResolveAsync("hooks.example", allowInternal: false));
        Assert.That(await policy.ResolveAsync("hooks.example", allowInternal: true), Has.Length.EqualTo(2));
    }

    [Test]
    public void A_host_without_addresses_is_refused()
    {
        var policy = new WebhookAddressPolicy((_, _) => Task.FromResult(Array.Empty<IPAddress>()));

        Assert.ThrowsAsync<WebhookAddressRefusedException>(() => policy.ResolveAsync("nowhere.example", allowInternal: true));
    }

    [Test]
    public async Task An_address_literal_is_not_looked_up()
    {
        var policy = new WebhookAddressPolicy((_, _) => throw new AssertionException("no lookup expected"));

        Assert.That(await policy.ResolveAsync("[2001:db8::1]", allowInternal: false), Is.EqualTo(new[] { IPAddress.Parse("2001:db8::1") }));
    }
}
