using System.Text.Json;
using Moq;
using Nop.Core.Domain.Messages;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Services.Channels.Links;
using Nop.Plugin.Misc.CustomFlows.Services.Inbox;
using Nop.Plugin.Misc.CustomFlows.Services.Tracking;
using Nop.Plugin.Misc.CustomFlows.Tests.Channels;
using Nop.Plugin.Misc.CustomFlows.Tests.Support;
using Nop.Services.Configuration;
using Nop.Services.Messages;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Tracking;

[TestFixture]
public class FlowEngagementServiceTests
{
    private const string SigningKey = "test-signing-key-0123456789";

    private InMemoryRepository<FlowActionLog> _logs;
    private InMemoryRepository<FlowInboxEvent> _inbox;
    private InMemoryRepository<PendingPopup> _popups;
    private Mock<INewsLetterSubscriptionService> _newsletter;
    private FlowEngagementService _service;

    [SetUp]
    public async Task SetUp()
    {
        _logs = new InMemoryRepository<FlowActionLog>();
        _inbox = new InMemoryRepository<FlowInboxEvent>();
        _popups = new InMemoryRepository<PendingPopup>();
        _newsletter = new Mock<INewsLetterSubscriptionService>();
        var settings = new Mock<ISettingService>();
        settings.Setup(s => s.LoadSettingAsync<CustomFlowsSettings>(0)).ReturnsAsync(new CustomFlowsSettings { LinkSigningKey = SigningKey });
        _service = new FlowEngagementService(_logs, new FlowInboxWriter(_inbox, TimeProvider.System), _newsletter.Object, _popups, settings.Object, TimeProvider.System);

        await _logs.InsertAsync(new FlowActionLog { IdempotencyKey = "12:mail-1:1", FlowRunId = 12, NodeId = "mail-1", CustomerId = 7 });
    }

    [Test]
    public async Task Later_appearances_count_against_the_display_rules_but_only_the_first_is_an_event()
    {
        var clock = new Nop.Plugin.Misc.CustomFlows.Tests.Channels.TestClock(new DateTime(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc));
        var settings = new Mock<ISettingService>();
        settings.Setup(s => s.LoadSettingAsync<CustomFlowsSettings>(0)).ReturnsAsync(new CustomFlowsSettings { LinkSigningKey = SigningKey });
        var service = new FlowEngagementService(_logs, new FlowInboxWriter(_inbox, clock), _newsletter.Object, _popups, settings.Object, clock);
        var popup = new PendingPopup { CustomerId = 7, StoreId = 1, FlowRunId = 12, NodeId = "popup-1" };
        await _popups.InsertAsync(popup);
        var first = clock.UtcNow;

        await service.RecordPopupAnswerAsync(popup.Id, 7, "shown", PopupToken(popup.Id, 7));
        clock.Advance(TimeSpan.FromSeconds(2));
        await service.RecordPopupAnswerAsync(popup.Id, 7, "shown", PopupToken(popup.Id, 7));
        clock.Advance(TimeSpan.FromHours(1));
        await service.RecordPopupAnswerAsync(popup.Id, 7, "shown", PopupToken(popup.Id, 7));

        var stored = await _popups.GetByIdAsync(popup.Id);
        Assert.That(stored.ShowCount, Is.EqualTo(2), "the report two seconds later was the same appearance");
        Assert.That((stored.ShownOnUtc, stored.LastShownOnUtc), Is.EqualTo(((DateTime?)first, (DateTime?)clock.UtcNow)));
        Assert.That(OnlyEngagement("popup_shown"), Is.EqualTo(new EngagementPayload(12, "popup-1", popup.Id)));
    }

    /// <summary>The answer token the storefront page carries with a pop-up</summary>
    private static string PopupToken(int popupId, int customerId) =>
        FlowLinkToken.Create(SigningKey, FlowLinkToken.PopupAnswer, TokenTime.Later, popupId.ToString(), customerId.ToString());

    [Test]
    public async Task A_popup_answer_without_its_pages_token_is_refused()
    {
        var popup = new PendingPopup { CustomerId = 7, StoreId = 1, FlowRunId = 12, NodeId = "popup-1" };
        await _popups.InsertAsync(popup);
        var other = new PendingPopup { CustomerId = 7, StoreId = 1, FlowRunId = 13, NodeId = "popup-1" };
        await _popups.InsertAsync(other);

        //a cookie-carrying POST made up on another site: no token, a made-up one, or the token of another pop-up
        Assert.That(await _service.RecordPopupAnswerAsync(popup.Id, 7, "clicked", null), Is.False);
        Assert.That(await _service.RecordPopupAnswerAsync(popup.Id, 7, "clicked", "forged"), Is.False);
        Assert.That(await _service.RecordPopupAnswerAsync(popup.Id, 7, "clicked", PopupToken(other.Id, 7)), Is.False);
        Assert.That(await _service.RecordPopupAnswerAsync(popup.Id, 7, "clicked",
            FlowLinkToken.Create(SigningKey, FlowLinkToken.Open, TokenTime.Later, popup.Id.ToString(), "7")), Is.False, "a token of another kind");

        Assert.That(_inbox.Table, Is.Empty);
        Assert.That((await _popups.GetByIdAsync(popup.Id)).ClickedOnUtc, Is.Null);
    }

    [Test]
    public async Task Concurrent_clicks_on_one_popup_count_once()
    {
        //a repository that gives way between every read and write, like a database under load
        var popups = YieldingRepository<PendingPopup>.Over(_popups);
        var settings = new Mock<ISettingService>();
        settings.Setup(s => s.LoadSettingAsync<CustomFlowsSettings>(0)).ReturnsAsync(new CustomFlowsSettings { LinkSigningKey = SigningKey });
        var service = new FlowEngagementService(_logs, new FlowInboxWriter(_inbox, TimeProvider.System), _newsletter.Object, popups, settings.Object,
            TimeProvider.System, new Nop.Plugin.Misc.CustomFlows.Services.Customers.CustomerStateGate(), new EngagementThrottle());
        var popup = new PendingPopup { CustomerId = 7, StoreId = 1, FlowRunId = 12, NodeId = "popup-1" };
        await _popups.InsertAsync(popup);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => service.RecordPopupAnswerAsync(popup.Id, 7, "clicked", PopupToken(popup.Id, 7)))));

        Assert.That(_inbox.Table.Count(row => row.EventType == FlowInboxEventTypes.POPUP_CLICKED), Is.EqualTo(1));
    }

    [Test]
    public async Task A_flood_of_pixel_loads_and_unsubscribe_posts_writes_one_inbox_row_per_link_and_kind_a_minute()
    {
        var clock = new Nop.Plugin.Misc.CustomFlows.Tests.Channels.TestClock(new DateTime(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc));
        var settings = new Mock<ISettingService>();
        settings.Setup(s => s.LoadSettingAsync<CustomFlowsSettings>(0)).ReturnsAsync(new CustomFlowsSettings { LinkSigningKey = SigningKey });
        var service = new FlowEngagementService(YieldingRepository<FlowActionLog>.Over(_logs), new FlowInboxWriter(_inbox, clock), _newsletter.Object,
            _popups, settings.Object, clock, new Nop.Plugin.Misc.CustomFlows.Services.Customers.CustomerStateGate(), new EngagementThrottle());
        _newsletter.Setup(n => n.GetNewsLetterSubscriptionsByEmailAsync(It.IsAny<string>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<bool?>()))
            .ReturnsAsync(new List<NewsLetterSubscription>());
        var open = FlowLinkToken.Create(SigningKey, FlowLinkToken.Open, TokenTime.Later, "2", "12:mail-1:1");
        var unsubscribe = FlowLinkToken.Create(SigningKey, FlowLinkToken.Unsubscribe, TokenTime.Later, "2", "7", "ala@example.pl");

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => service.RecordOpenAsync(open))));
        for (var i = 0; i < 50; i++)
            await service.UnsubscribeAsync(unsubscribe);
        clock.Advance(TimeSpan.FromMinutes(1));
        await service.UnsubscribeAsync(unsubscribe);

        Assert.That(_inbox.Table.Count(row => row.EventType == FlowInboxEventTypes.EMAIL_OPENED), Is.EqualTo(1));
        Assert.That(_inbox.Table.Count(row => row.EventType == FlowInboxEventTypes.NEWSLETTER_UNSUBSCRIBED), Is.EqualTo(2), "one in each minute");
    }

    private EngagementPayload OnlyEngagement(string type)
    {
        var row = _inbox.Table.Single();
        Assert.That((row.EventType, row.CustomerId), Is.EqualTo((type, 7)));
        return JsonSerializer.Deserialize<EngagementPayload>(row.PayloadJson, new JsonSerializerOptions(JsonSerializerDefaults.Web));
    }

    [Test]
    public async Task Opening_an_email_records_an_open_of_that_run_and_step()
    {
        var recorded = await _service.RecordOpenAsync(FlowLinkToken.Create(SigningKey, FlowLinkToken.Open, TokenTime.Later, "2", "12:mail-1:1"));

        Assert.That(recorded, Is.True);
        Assert.That(OnlyEngagement("email_opened"), Is.EqualTo(new EngagementPayload(12, "mail-1")));
        Assert.That(_inbox.Table.Single().StoreId, Is.EqualTo(2));
    }

    [Test]
    public async Task Only_the_first_open_and_the_first_click_of_a_message_are_events()
    {
        var open = FlowLinkToken.Create(SigningKey, FlowLinkToken.Open, TokenTime.Later, "2", "12:mail-1:1");
        var click = FlowLinkToken.Create(SigningKey, FlowLinkToken.Click, TokenTime.Later, "2", "12:mail-1:1", "https://shop.example/");

        Assert.That(await _service.RecordOpenAsync(open), Is.True);
        Assert.That(await _service.RecordOpenAsync(open), Is.True, "the pixel still answers");
        Assert.That(await _service.RecordClickAsync(click), Is.EqualTo("https://shop.example/"));
        Assert.That(await _service.RecordClickAsync(click), Is.EqualTo("https://shop.example/"), "the link still leads on");

        Assert.That(_inbox.Table.Select(e => e.EventType), Is.EqualTo(new[] { "email_opened", "email_clicked" }));
        var log = _logs.Table.Single();
        Assert.That((log.OpenedOnUtc.HasValue, log.ClickedOnUtc.HasValue), Is.EqualTo((true, true)));
    }

    [Test]
    public async Task A_forged_or_foreign_token_records_nothing()
    {
        Assert.That(await _service.RecordOpenAsync(FlowLinkToken.Create("another-key-0123456789", FlowLinkToken.Open, TokenTime.Later, "2", "12:mail-1:1")), Is.False);
        Assert.That(await _service.RecordOpenAsync(FlowLinkToken.Create(SigningKey, FlowLinkToken.Click, TokenTime.Later, "2", "12:mail-1:1", "https://shop/")), Is.False,
            "a click token is not an open token");
        Assert.That(await _service.RecordOpenAsync("garbage"), Is.False);
        Assert.That(_inbox.Table, Is.Empty);
    }

    [Test]
    public async Task A_click_is_recorded_and_leads_to_the_signed_address()
    {
        var target = await _service.RecordClickAsync(FlowLinkToken.Create(SigningKey, FlowLinkToken.Click, TokenTime.Later, "2", "12:mail-1:1", "https://shop.example/cart?x=1"));

        Assert.That(target, Is.EqualTo("https://shop.example/cart?x=1"));
        Assert.That(OnlyEngagement("email_clicked"), Is.EqualTo(new EngagementPayload(12, "mail-1")));
    }

    [Test]
    public async Task A_click_to_something_other_than_a_web_address_is_not_followed()
    {
        var target = await _service.RecordClickAsync(FlowLinkToken.Create(SigningKey, FlowLinkToken.Click, TokenTime.Later, "2", "12:mail-1:1", "javascript:alert(1)"));

        Assert.That(target, Is.Null);
        Assert.That(_inbox.Table, Is.Empty);
    }

    [Test]
    public async Task Unsubscribing_deactivates_the_store_subscription_and_ends_marketing_flows_without_login()
    {
        var subscription = new NewsLetterSubscription { Id = 3, Email = "ala@example.pl", StoreId = 2, Active = true };
        _newsletter.Setup(n => n.GetNewsLetterSubscriptionsByEmailAsync("ala@example.pl", 2, 0, true)).ReturnsAsync(new List<NewsLetterSubscription> { subscription });

        var email = await _service.UnsubscribeAsync(FlowLinkToken.Create(SigningKey, FlowLinkToken.Unsubscribe, TokenTime.Later, "2", "7", "ala@example.pl"));

        Assert.That(email, Is.EqualTo("a***@example.pl"), "the page shows the address only partly");
        Assert.That(subscription.Active, Is.False);
        _newsletter.Verify(n => n.UpdateNewsLetterSubscriptionAsync(subscription, true), Times.Once);
        var row = _inbox.Table.Single();
        Assert.That((row.EventType, row.CustomerId, row.StoreId), Is.EqualTo(("newsletter_unsubscribed", 7, 2)));
    }

    [Test]
    public async Task A_popup_answer_counts_only_for_its_own_customer_and_only_once()
    {
        var popup = new PendingPopup { CustomerId = 7, StoreId = 1, FlowRunId = 12, NodeId = "popup-1" };
        await _popups.InsertAsync(popup);

        Assert.That(await _service.RecordPopupAnswerAsync(popup.Id, 8, "clicked", PopupToken(popup.Id, 8)), Is.False, "someone else's pop-up");
        Assert.That(await _service.RecordPopupAnswerAsync(popup.Id, 7, "clicked", PopupToken(popup.Id, 7)), Is.True);
        Assert.That(await _service.RecordPopupAnswerAsync(popup.Id, 7, "clicked", PopupToken(popup.Id, 7)), Is.True);
        Assert.That(await _service.RecordPopupAnswerAsync(popup.Id, 7, "exploded", PopupToken(popup.Id, 7)), Is.False);

        Assert.That(OnlyEngagement("popup_clicked"), Is.EqualTo(new EngagementPayload(12, "popup-1", popup.Id)));
        Assert.That((await _popups.GetByIdAsync(popup.Id)).ClickedOnUtc, Is.Not.Null);
    }
}
