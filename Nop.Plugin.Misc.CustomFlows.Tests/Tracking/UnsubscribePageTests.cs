using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Moq;
using Nop.Core;
using Nop.Plugin.Misc.CustomFlows.Controllers;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Models;
using Nop.Plugin.Misc.CustomFlows.Services.Inbox;
using Nop.Plugin.Misc.CustomFlows.Services.Tracking;
using Nop.Plugin.Misc.CustomFlows.Tests.Channels;
using Nop.Plugin.Misc.CustomFlows.Tests.Support;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Tracking;

/// <summary>
/// The unsubscribe link of an e-mail: opening it (what mail scanners do) only asks; the page's form, with its
/// antiforgery token, unsubscribes
/// </summary>
[TestFixture]
public class UnsubscribePageTests
{
    private TestShop _shop;
    private InMemoryRepository<FlowInboxEvent> _inbox;
    private Mock<IAntiforgery> _antiforgery;
    private CustomFlowsTrackingController _controller;
    private string _token;

    [SetUp]
    public async Task SetUp()
    {
        _shop = new TestShop();
        _inbox = new InMemoryRepository<FlowInboxEvent>();
        _antiforgery = new Mock<IAntiforgery>();
        var engagement = new FlowEngagementService(_shop.ActionLogs, new FlowInboxWriter(_inbox, _shop.Clock), _shop.SubscriptionService,
            _shop.Popups, _shop.SettingService, _shop.Clock);
        _controller = new CustomFlowsTrackingController(_antiforgery.Object, engagement, new Mock<IWorkContext>().Object)
        {
            ControllerContext = new ControllerContext { HttpContext = new DefaultHttpContext() }
        };
        var url = await _shop.UrlBuilder.GetUnsubscribeUrlAsync(TestShop.StoreId, TestShop.CustomerId, TestShop.CustomerEmail);
        _token = url.Split("token=")[1];
    }

    [Test]
    public async Task Opening_the_link_changes_nothing_and_asks_for_confirmation()
    {
        var page = (ViewResult)await _controller.Unsubscribe(_token);

        Assert.That(_shop.Subscriptions.Single().Active, Is.True, "still subscribed");
        Assert.That(_inbox.Table, Is.Empty, "no flow was told anything");
        Assert.That(page.Model, Is.EqualTo(new UnsubscribePageModel(_token, "a***@example.com", Done: false)));
    }

    [Test]
    public async Task Opening_a_broken_link_offers_nothing_to_confirm()
    {
        var page = (ViewResult)await _controller.Unsubscribe(_token[..^4] + "AAAA");

        Assert.That(page.Model, Is.EqualTo(new UnsubscribePageModel(null, null, Done: false)));
    }

    [Test]
    public async Task The_confirmation_form_with_its_antiforgery_token_unsubscribes()
    {
        var page = (ViewResult)await _controller.UnsubscribePost(_token, listUnsubscribe: null);

        _antiforgery.Verify(a => a.ValidateRequestAsync(It.IsAny<HttpContext>()), Times.Once);
        Assert.That(_shop.Subscriptions.Single().Active, Is.False);
        Assert.That(page.Model, Is.EqualTo(new UnsubscribePageModel(null, "a***@example.com", Done: true)));
    }

    [Test]
    public async Task A_form_post_without_a_valid_antiforgery_token_is_refused_and_changes_nothing()
    {
        _antiforgery.Setup(a => a.ValidateRequestAsync(It.IsAny<HttpContext>())).ThrowsAsync(new AntiforgeryValidationException("missing"));

        var answer = await _controller.UnsubscribePost(_token, listUnsubscribe: null);

        Assert.That(answer, Is.InstanceOf<BadRequestResult>());
        Assert.That(_shop.Subscriptions.Single().Active, Is.True);
        Assert.That(_inbox.Table, Is.Empty);
    }

    [Test]
    public async Task A_one_click_post_needs_no_antiforgery_token_but_a_valid_link_token()
    {
        _antiforgery.Setup(a => a.ValidateRequestAsync(It.IsAny<HttpContext>())).ThrowsAsync(new AntiforgeryValidationException("no cookies"));

        Assert.That(await _controller.UnsubscribePost("forged", "One-Click"), Is.InstanceOf<BadRequestResult>());
        Assert.That(_shop.Subscriptions.Single().Active, Is.True);
        Assert.That(await _controller.UnsubscribePost(_token, "One-Click"), Is.InstanceOf<OkResult>());
        Assert.That(_shop.Subscriptions.Single().Active, Is.False);
    }
}
