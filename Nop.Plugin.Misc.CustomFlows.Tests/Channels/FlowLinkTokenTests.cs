using Moq;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.CustomFlows.Services.Channels.Links;
using Nop.Services.Configuration;
using Nop.Services.Stores;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Channels;

[TestFixture]
public class FlowLinkTokenTests
{
    [Test]
    public void A_token_reads_back_to_its_parts_with_the_same_key_and_kind()
    {
        var token = FlowLinkToken.Create("key", FlowLinkToken.Click, TokenTime.Later, "1", "41:step:1", "https://shop.example/a?b=c&d=é");

        Assert.That(FlowLinkToken.TryRead("key", FlowLinkToken.Click, token, TokenTime.Now, out var parts), Is.True);
        Assert.That(parts, Is.EqualTo(new[] { "1", "41:step:1", "https://shop.example/a?b=c&d=é" }));
        Assert.That(token, Does.Match("^[A-Za-z0-9_.-]+$"), "safe in a query string without encoding");
    }

    [Test]
    public void A_token_signed_with_another_key_or_changed_or_of_another_kind_is_refused()
    {
        var token = FlowLinkToken.Create("key", FlowLinkToken.Unsubscribe, TokenTime.Later, "1", "7", "anna@example.com");
        var otherCustomer = FlowLinkToken.Create("key", FlowLinkToken.Unsubscribe, TokenTime.Later, "1", "8", "bob@example.com");
        //a byte of the sealed part changed, and the sealed parts of two tokens mixed
        var bytes = token.ToCharArray();
        bytes[20] = bytes[20] == 'A' ? 'B' : 'A';
        var forged = new string(bytes);
        var mixed = otherCustomer[..30] + token[30..];

        Assert.That(FlowLinkToken.TryRead("other-key", FlowLinkToken.Unsubscribe, token, TokenTime.Now, out _), Is.False);
        Assert.That(FlowLinkToken.TryRead("key", FlowLinkToken.Unsubscribe, forged, TokenTime.Now, out _), Is.False);
        Assert.That(FlowLinkToken.TryRead("key", FlowLinkToken.Unsubscribe, mixed, TokenTime.Now, out _), Is.False);
        Assert.That(FlowLinkToken.TryRead("key", FlowLinkToken.Open, token, TokenTime.Now, out _), Is.False);
        Assert.That(FlowLinkToken.TryRead("key", FlowLinkToken.Unsubscribe, "not a token", TokenTime.Now, out _), Is.False);
        Assert.That(FlowLinkToken.TryRead("key", FlowLinkToken.Unsubscribe, "!!!.???", TokenTime.Now, out _), Is.False);
        Assert.That(FlowLinkToken.TryRead("key", FlowLinkToken.Unsubscribe, null, TokenTime.Now, out _), Is.False);
    }

    [Test]
    public void A_token_past_its_expiry_is_refused()
    {
        var expires = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
        var token = FlowLinkToken.Create("key", FlowLinkToken.Unsubscribe, expires, "1", "7", "anna@example.com");

        Assert.That(FlowLinkToken.TryRead("key", FlowLinkToken.Unsubscribe, token, expires.AddMinutes(-1), out _), Is.True);
        Assert.That(FlowLinkToken.TryRead("key", FlowLinkToken.Unsubscribe, token, expires.AddSeconds(1), out _), Is.False);
    }

    [Test]
    public void The_email_address_inside_a_token_cannot_be_read_from_the_link()
    {
        var token = FlowLinkToken.Create("key", FlowLinkToken.Unsubscribe, TokenTime.Later, "1", "7", "anna@example.com");

        var decoded = Convert.FromBase64String(token.Replace('-', '+').Replace('_', '/').PadRight(token.Length + (4 - token.Length % 4) % 4, '='));
        Assert.That(System.Text.Encoding.UTF8.GetString(decoded), Does.Not.Contain("anna"));
        Assert.That(System.Text.Encoding.Latin1.GetString(decoded), Does.Not.Contain("example.com"));
        Assert.That(token, Does.Not.Contain("YW5uY"), "not the base64 of the address either");
        Assert.That(FlowLinkToken.Create("key", FlowLinkToken.Unsubscribe, TokenTime.Later, "1", "7", "anna@example.com"), Is.Not.EqualTo(token),
            "two links of the same address do not even look alike");
    }

    [Test]
    public void An_unsubscribe_link_of_an_email_sent_before_tokens_were_sealed_still_unsubscribes_but_opens_nothing_else()
    {
        //the earlier form: base64url of the parts, a dot, base64url of their HMAC-SHA256
        static string Legacy(string kind, params string[] parts)
        {
            var payload = System.Text.Encoding.UTF8.GetBytes(string.Join('\u001f', parts.Prepend(kind)));
            var mac = System.Security.Cryptography.HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes("key"), payload);
            static string B64(byte[] b) => Convert.ToBase64String(b).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            return B64(payload) + "." + B64(mac);
        }

        Assert.That(FlowLinkToken.TryRead("key", FlowLinkToken.Unsubscribe, Legacy("u", "1", "7", "anna@example.com"), TokenTime.Now, out var parts), Is.True);
        Assert.That(parts, Is.EqualTo(new[] { "1", "7", "anna@example.com" }));
        Assert.That(FlowLinkToken.TryRead("key", FlowLinkToken.Click, Legacy("c", "1", "41:step:1", "https://shop.example/"), TokenTime.Now, out _), Is.False);
        Assert.That(FlowLinkToken.TryRead("key", FlowLinkToken.PopupAnswer, Legacy("p", "5", "7"), TokenTime.Now, out _), Is.False);
    }

    [Test]
    public async Task A_link_expires_after_the_lifetime_set_for_links()
    {
        var settings = new CustomFlowsSettings { LinkSigningKey = "key", LinkLifetimeDays = 60 };
        var storeService = new Mock<IStoreService>();
        storeService.Setup(s => s.GetStoreByIdAsync(3)).ReturnsAsync(new Store { Id = 3, Url = "https://second.example" });
        var clock = new TestClock(TokenTime.Now);
        var builder = new CustomFlowsUrlBuilder(settings, new Mock<ISettingService>().Object, storeService.Object, clock);

        var token = (await builder.GetUnsubscribeUrlAsync(3, 7, "anna@example.com")).Split("token=")[1];

        Assert.That(FlowLinkToken.TryRead("key", FlowLinkToken.Unsubscribe, token, TokenTime.Now.AddDays(59), out _), Is.True);
        Assert.That(FlowLinkToken.TryRead("key", FlowLinkToken.Unsubscribe, token, TokenTime.Now.AddDays(61), out _), Is.False);
    }

    [Test]
    public async Task Links_are_built_on_the_stores_address_and_a_signing_key_is_created_and_saved_on_first_use()
    {
        //given a shop that has no signing key yet
        var settings = new CustomFlowsSettings();
        var settingService = new Mock<ISettingService>();
        var storeService = new Mock<IStoreService>();
        storeService.Setup(s => s.GetStoreByIdAsync(3)).ReturnsAsync(new Store { Id = 3, Url = "https://second.example" });
        var builder = new CustomFlowsUrlBuilder(settings, settingService.Object, storeService.Object, TimeProvider.System);

        var url = await builder.GetUnsubscribeUrlAsync(3, 7, "anna@example.com");
        var keyAfterFirstLink = settings.LinkSigningKey;
        await builder.GetOpenTrackingUrlAsync(3, "41:step:1");

        Assert.That(url, Does.StartWith("https://second.example/customflows/unsubscribe?token="));
        Assert.That(keyAfterFirstLink, Has.Length.EqualTo(64));
        Assert.That(settings.LinkSigningKey, Is.EqualTo(keyAfterFirstLink), "the key is created once");
        settingService.Verify(s => s.SaveSettingAsync(settings, It.IsAny<System.Linq.Expressions.Expression<Func<CustomFlowsSettings, string>>>(), 0, true), Times.Once);
        Assert.That(FlowLinkToken.TryRead(settings.LinkSigningKey, FlowLinkToken.Unsubscribe, url.Split("token=")[1], DateTime.UtcNow, out var parts), Is.True);
        Assert.That(parts, Is.EqualTo(new[] { "3", "7", "anna@example.com" }));
    }
}
