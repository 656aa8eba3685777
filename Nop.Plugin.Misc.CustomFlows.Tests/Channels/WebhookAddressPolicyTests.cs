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
    [TestCase("::ffff:8.8.8.8")]
    [TestCase("64:ff9b::808:808")]
    [TestCase("100.63.255.255")]
    [TestCase("100.128.0.0")]
    [TestCase("198.17.255.255")]
    [TestCase("198.20.0.0")]
    [TestCase("223.255.255.255")]
    [TestCase("2606:4700:4700::1111")]
    [TestCase("2a00:1450:4001::200e")]
    public void Public_addresses_are_not_internal(string address)
    {
        Assert.That(WebhookAddressPolicy.IsInternal(IPAddress.Parse(address)), Is.False);
    }

    /// <summary>
    /// Every block of the IANA IPv4 and IPv6 special-purpose registries (and multicast, broadcast, the IPv6 space
    /// outside global unicast), each with its first address, its last address and one inside, written out here
    /// independently of the plugin's table
    /// </summary>
    [TestCase("0.0.0.0", "0.255.255.255", "0.1.2.3", "0.0.0.0/8")]
    [TestCase("10.0.0.0", "10.255.255.255", "10.20.30.40", "10.0.0.0/8")]
    [TestCase("100.64.0.0", "100.127.255.255", "100.100.100.100", "100.64.0.0/10")]
    [TestCase("127.0.0.0", "127.255.255.255", "127.0.0.1", "127.0.0.0/8")]
    [TestCase("169.254.0.0", "169.254.255.255", "169.254.169.254", "169.254.0.0/16")]
    [TestCase("172.16.0.0", "172.31.255.255", "172.20.1.1", "172.16.0.0/12")]
    [TestCase("192.0.0.0", "192.0.0.255", "192.0.0.100", "192.0.0.0/24")]
    [TestCase("192.0.0.0", "192.0.0.7", "192.0.0.3", "192.0.0.0/29")]
    [TestCase("192.0.0.8", "192.0.0.8", "192.0.0.8", "192.0.0.8/32")]
    [TestCase("192.0.0.9", "192.0.0.9", "192.0.0.9", "192.0.0.9/32")]
    [TestCase("192.0.0.10", "192.0.0.10", "192.0.0.10", "192.0.0.10/32")]
    [TestCase("192.0.0.170", "192.0.0.171", "192.0.0.171", "192.0.0.170/32")]
    [TestCase("192.0.2.0", "192.0.2.255", "192.0.2.10", "192.0.2.0/24")]
    [TestCase("192.31.196.0", "192.31.196.255", "192.31.196.1", "192.31.196.0/24")]
    [TestCase("192.52.193.0", "192.52.193.255", "192.52.193.1", "192.52.193.0/24")]
    [TestCase("192.88.99.0", "192.88.99.255", "192.88.99.1", "192.88.99.0/24")]
    [TestCase("192.168.0.0", "192.168.255.255", "192.168.1.1", "192.168.0.0/16")]
    [TestCase("192.175.48.0", "192.175.48.255", "192.175.48.1", "192.175.48.0/24")]
    [TestCase("198.18.0.0", "198.19.255.255", "198.19.0.1", "198.18.0.0/15")]
    [TestCase("198.51.100.0", "198.51.100.255", "198.51.100.7", "198.51.100.0/24")]
    [TestCase("203.0.113.0", "203.0.113.255", "203.0.113.7", "203.0.113.0/24")]
    [TestCase("224.0.0.0", "239.255.255.255", "239.255.255.250", "224.0.0.0/4")]
    [TestCase("240.0.0.0", "255.255.255.254", "250.1.2.3", "240.0.0.0/4")]
    [TestCase("255.255.255.255", "255.255.255.255", "255.255.255.255", "255.255.255.255/32")]
    [TestCase("::", "::", "::", "::/128")]
    [TestCase("::1", "::1", "::1", "::1/128")]
    [TestCase("::0.0.0.2", "::255.255.255.255", "::10.0.0.1", "::/96 IPv4-compatible")]
    [TestCase("::ffff:10.0.0.0", "::ffff:10.255.255.255", "::ffff:127.0.0.1", "::ffff:0:0/96 with an internal IPv4 inside")]
    [TestCase("64:ff9b::a00:0", "64:ff9b::7f00:1", "64:ff9b::c0a8:101", "64:ff9b::/96 with an internal IPv4 inside")]
    [TestCase("64:ff9b:1::", "64:ff9b:1:ffff:ffff:ffff:ffff:ffff", "64:ff9b:1::808:808", "64:ff9b:1::/48")]
    [TestCase("100::", "100::ffff:ffff:ffff:ffff", "100::1", "100::/64")]
    [TestCase("100:0:0:1::", "100:0:0:1:ffff:ffff:ffff:ffff", "100:0:0:1::1", "100:0:0:1::/64")]
    [TestCase("2001::", "2001:1ff:ffff:ffff:ffff:ffff:ffff:ffff", "2001:100::1", "2001::/23")]
    [TestCase("2001::", "2001:0:ffff:ffff:ffff:ffff:ffff:ffff", "2001:0:4136:e378:8000:63bf:3fff:fdd2", "2001::/32 Teredo")]
    [TestCase("2001:1::1", "2001:1::3", "2001:1::2", "2001:1::1/128 - ::3/128 anycast")]
    [TestCase("2001:2::", "2001:2:0:ffff:ffff:ffff:ffff:ffff", "2001:2::1", "2001:2::/48")]
    [TestCase("2001:3::", "2001:3:ffff:ffff:ffff:ffff:ffff:ffff", "2001:3::1", "2001:3::/32")]
    [TestCase("2001:4:112::", "2001:4:112:ffff:ffff:ffff:ffff:ffff", "2001:4:112::1", "2001:4:112::/48")]
    [TestCase("2001:10::", "2001:1f:ffff:ffff:ffff:ffff:ffff:ffff", "2001:10::1", "2001:10::/28")]
    [TestCase("2001:20::", "2001:2f:ffff:ffff:ffff:ffff:ffff:ffff", "2001:20::1", "2001:20::/28")]
    [TestCase("2001:30::", "2001:3f:ffff:ffff:ffff:ffff:ffff:ffff", "2001:30::1", "2001:30::/28")]
    [TestCase("2001:db8::", "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff", "2001:db8::1", "2001:db8::/32")]
    [TestCase("2002::", "2002:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "2002:c0a8:101::1", "2002::/16 6to4")]
    [TestCase("2620:4f:8000::", "2620:4f:8000:ffff:ffff:ffff:ffff:ffff", "2620:4f:8000::1", "2620:4f:8000::/48")]
    [TestCase("3fff::", "3fff:fff:ffff:ffff:ffff:ffff:ffff:ffff", "3fff::1", "3fff::/20")]
    [TestCase("5f00::", "5f00:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "5f00::1", "5f00::/16")]
    [TestCase("fc00::", "fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "fd12:3456::1", "fc00::/7")]
    [TestCase("fe80::", "febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "fe80::1", "fe80::/10")]
    [TestCase("ff00::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "ff02::1", "ff00::/8 multicast")]
    [TestCase("fec0::", "fec0::ffff", "fec0::1", "fec0::/10 deprecated site-local, outside 2000::/3")]
    [TestCase("4000::", "7fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "4000::1", "4000::/2 reserved")]
    [TestCase("8000::", "8000::ffff", "abcd::1", "8000::/1 reserved")]
    public void Every_special_purpose_block_of_both_families_is_refused(string first, string last, string inside, string block)
    {
        foreach (var address in new[] { first, last, inside })
            Assert.That(WebhookAddressPolicy.IsInternal(IPAddress.Parse(address)), Is.True, $"{address} of {block}");
    }

    [Test]
    public async Task The_refusal_names_the_block_the_address_lies_in()
    {
        var policy = new WebhookAddressPolicy((_, _) => Task.FromResult(new[] { IPAddress.Parse("100.64.0.1") }));

        var refused = Assert.ThrowsAsync<WebhookAddressRefusedException>(() => policy.ResolveAsync("cgnat.example", allowInternal: false));

        Assert.That(refused.Message, Does.Contain("100.64.0.0/10").And.Contain("Shared Address Space"));
        await Task.CompletedTask;
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

        Assert.That(await policy.ResolveAsync("[2606:4700::1111]", allowInternal: false), Is.EqualTo(new[] { IPAddress.Parse("2606:4700::1111") }));
    }
}
