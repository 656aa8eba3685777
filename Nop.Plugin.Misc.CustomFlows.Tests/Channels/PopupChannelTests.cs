using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;
using Nop.Plugin.Misc.CustomFlows.Services.Popups;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Channels;

[TestFixture]
public class PopupChannelTests
{
    private static TestShop ShopWithPopupTemplate()
    {
        var shop = new TestShop();
        shop.Templates.Add(new() { Id = 5, Name = "CustomFlows.Popup.Comeback", IsActive = true, Subject = "Welcome back, %Customer.FullName%", Body = "<p>Code %CustomFlows.CouponCode%</p>" });
        return shop;
    }

    [Test]
    public async Task A_popup_waits_for_the_customer_with_the_template_subject_as_title_and_body_as_body()
    {
        var shop = ShopWithPopupTemplate();
        shop.Translations[("MessageTemplate", 5, 2, "Subject")] = "Witaj ponownie, %Customer.FullName%";

        var result = await shop.PopupChannel.PerformAsync(TestShop.Request(new ShowPopupAction { Template = "CustomFlows.Popup.Comeback", ExpiresAfter = "3d" }));

        var popup = shop.Popups.Table.Single();
        Assert.That(result.Status, Is.EqualTo(FlowActionStatus.Succeeded));
        Assert.That(result.PopupId, Is.EqualTo(popup.Id));
        Assert.That((popup.CustomerId, popup.StoreId, popup.FlowRunId, popup.NodeId), Is.EqualTo((TestShop.CustomerId, TestShop.StoreId, 41, "step-1")));
        Assert.That(popup.CreatedOnUtc, Is.EqualTo(shop.Clock.UtcNow));
        Assert.That(popup.ExpiresOnUtc, Is.EqualTo(shop.Clock.UtcNow.AddDays(3)));
        var content = PopupContent.FromJson(popup.ContentJson);
        Assert.That(content.Title, Is.EqualTo("Witaj ponownie, Anna Nowak"));
        Assert.That(content.BodyHtml, Is.EqualTo("<p>Code </p>"), "no coupon in this run yet");
    }

    [Test]
    public async Task The_popup_service_shows_what_the_channel_wrote_until_it_expires()
    {
        var shop = ShopWithPopupTemplate();
        await shop.PopupChannel.PerformAsync(TestShop.Request(new ShowPopupAction { Template = "CustomFlows.Popup.Comeback", ExpiresAfter = "1h" }));
        var popups = new PopupService(shop.Popups, shop.Clock);

        var now = await popups.GetPopupsToShowAsync(TestShop.CustomerId, TestShop.StoreId, PopupPage.Product);
        shop.Clock.Advance(TimeSpan.FromHours(2));
        var later = await popups.GetPopupsToShowAsync(TestShop.CustomerId, TestShop.StoreId, PopupPage.Product);

        Assert.That(now.Single().Title, Is.EqualTo("Welcome back, Anna Nowak"));
        Assert.That(later, Is.Empty);
    }

    [Test]
    public async Task The_display_rules_of_the_step_are_stored_with_the_popup()
    {
        var shop = ShopWithPopupTemplate();
        var display = new PopupDisplay { Pages = [PopupPage.Product], Show = PopupMoment.OnScroll, ScrollPercent = 50, MaxShows = 1, MinInterval = "2h" };

        await shop.PopupChannel.PerformAsync(TestShop.Request(new ShowPopupAction { Template = "CustomFlows.Popup.Comeback", Display = display }));

        var stored = PopupRules.FromJson(shop.Popups.Table.Single().DisplayRulesJson);
        Assert.That((stored.Pages.Single(), stored.Show, stored.ScrollPercent, stored.MaxShows, stored.MinInterval),
            Is.EqualTo((PopupPage.Product, PopupMoment.OnScroll, (int?)50, (int?)1, "2h")));
    }

    [Test]
    public async Task A_bad_minimum_interval_writes_no_popup()
    {
        var shop = ShopWithPopupTemplate();

        var result = await shop.PopupChannel.PerformAsync(TestShop.Request(new ShowPopupAction
        {
            Template = "CustomFlows.Popup.Comeback", Display = new PopupDisplay { MinInterval = "often" }
        }));

        Assert.That(result.Status, Is.EqualTo(FlowActionStatus.Failed));
        Assert.That(shop.Popups.Table, Is.Empty);
    }

    [Test]
    public async Task A_popup_without_expiry_stays_until_answered()
    {
        var shop = ShopWithPopupTemplate();

        await shop.PopupChannel.PerformAsync(TestShop.Request(new ShowPopupAction { Template = "CustomFlows.Popup.Comeback" }));

        Assert.That(shop.Popups.Table.Single().ExpiresOnUtc, Is.Null);
    }

    [Test]
    public async Task A_bad_expiry_or_missing_template_writes_no_popup()
    {
        var shop = ShopWithPopupTemplate();

        var badExpiry = await shop.PopupChannel.PerformAsync(TestShop.Request(new ShowPopupAction { Template = "CustomFlows.Popup.Comeback", ExpiresAfter = "soon" }));
        var noTemplate = await shop.PopupChannel.PerformAsync(TestShop.Request(new ShowPopupAction { Template = "Nope" }));

        Assert.That(badExpiry.Status, Is.EqualTo(FlowActionStatus.Failed));
        Assert.That(noTemplate.Status, Is.EqualTo(FlowActionStatus.Failed));
        Assert.That(shop.Popups.Table, Is.Empty);
    }

    [Test]
    public async Task An_interrupted_popup_is_found_only_when_written_after_the_attempt_started()
    {
        //given the same step of the run wrote a pop-up on an earlier visit
        var shop = ShopWithPopupTemplate();
        var action = new ShowPopupAction { Template = "CustomFlows.Popup.Comeback" };
        await shop.PopupChannel.PerformAsync(TestShop.Request(action));
        shop.Clock.Advance(TimeSpan.FromDays(1));
        var startedOnUtc = shop.Clock.UtcNow;

        var beforeWriting = await shop.PopupChannel.FindPerformedAsync(TestShop.Request(action), startedOnUtc);
        await shop.PopupChannel.PerformAsync(TestShop.Request(action));
        var afterWriting = await shop.PopupChannel.FindPerformedAsync(TestShop.Request(action), startedOnUtc);

        Assert.That(beforeWriting, Is.Null);
        Assert.That(afterWriting.PopupId, Is.EqualTo(shop.Popups.Table.Max(p => p.Id)));
    }
}
