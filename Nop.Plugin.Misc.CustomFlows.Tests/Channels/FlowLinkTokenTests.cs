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
        var token = FlowLinkToken.Create("key", FlowLinkToken.Click, "1", "41:step:1", "https://shop.example/a?b=c&d=é");

        Assert.That(FlowLinkToken.TryRead("key", FlowLinkToken.Click, token, out var parts), Is.True);
        Assert.That(parts, Is.EqualTo(new[] { "1", "41:step:1", "https://shop.example/a?b=c&d=é" }));
        Assert.That(token, Does.Match("^[A-Za-z0-9_.-]+$"), "safe in a query string without encoding");
    }

    [Test]
    public void A_token_signed_with_another_key_or_changed_or_of_another_kind_is_refused()
    {
        var token = FlowLinkToken.Create("key", FlowLinkToken.Unsubscribe, "1", "7", "anna@example.com");
        var otherCustomer = FlowLinkToken.Create("key", FlowLinkToken.Unsubscribe, "1", "8", "bob@example.com");
        var forged = otherCustomer.Split('.')[0] + "." + token.Split('.')[1];

        Assert.That(FlowLinkToken.TryRead("other-key", FlowLinkToken.Unsubscribe, token, out _), Is.False);
        Assert.That(FlowLinkToken.TryRead("key", FlowLinkToken.Unsubscribe, forged, out _), Is.False);
        Assert.That(FlowLinkToken.TryRead("key", FlowLinkToken.Open, token, out _), Is.False);
        Assert.That(FlowLinkToken.TryRead("key", FlowLinkToken.Unsubscribe, "not a token", out _), Is.False);
        Assert.That(FlowLinkToken.TryRead("key", FlowLinkToken.Unsubscribe, "!!!.???", out _), Is.False);
        Assert.That(FlowLinkToken.TryRead("key", FlowLinkToken.Unsubscribe, null, out _), Is.False);
    }

    [Test]
    public async Task Links_are_built_on_the_stores_address_and_a_signing_key_is_created_and_saved_on_first_use()
    {
        //given a shop that has no signing key yet
        var settings = new CustomFlowsSettings();
        var settingService = new Mock<ISettingService>();
        var storeService = new Mock<IStoreService>();
        storeService.Setup(s => s.GetStoreByIdAsync(3)).ReturnsAsync(new Store { Id = 3, Url = "https://second.example" });
        var builder = new CustomFlowsUrlBuilder(settings, settingService.Object, storeService.Object);

        var url = await builder.GetUnsubscribeUrlAsync(3, 7, "anna@example.com");
        var keyAfterFirstLink = settings.LinkSigningKey;
        await builder.GetOpenTrackingUrlAsync(3, "41:step:1");

        Assert.That(url, Does.StartWith("https://second.example/customflows/unsubscribe?token="));
        Assert.That(keyAfterFirstLink, Has.Length.EqualTo(64));
        Assert.That(settings.LinkSigningKey, Is.EqualTo(keyAfterFirstLink), "the key is created once");
        settingService.Verify(s => s.SaveSettingAsync(settings, It.IsAny<System.Linq.Expressions.Expression<Func<CustomFlowsSettings, string>>>(), 0, true), Times.Once);
        Assert.That(FlowLinkToken.TryRead(settings.LinkSigningKey, FlowLinkToken.Unsubscribe, url.Split("token=")[1], out var parts), Is.True);
        Assert.That(parts, Is.EqualTo(new[] { "3", "7", "anna@example.com" }));
    }
}
