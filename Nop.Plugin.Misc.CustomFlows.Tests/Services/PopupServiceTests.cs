using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;
using Nop.Plugin.Misc.CustomFlows.Services.Popups;
using Nop.Plugin.Misc.CustomFlows.Tests.Support;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Services;

[TestFixture]
public class PopupServiceTests
{
    private sealed class FixedClock(DateTime utcNow) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(utcNow, TimeSpan.Zero);
    }

    private static readonly DateTime Now = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);

    private InMemoryRepository<PendingPopup> _popups;
    private PopupService _service;

    [SetUp]
    public void SetUp()
    {
        _popups = new InMemoryRepository<PendingPopup>();
        _service = new PopupService(_popups, new FixedClock(Now));
    }

    private async Task<PendingPopup> AddAsync(string title, int customerId = 1, int storeId = 1, DateTime? created = null,
        DateTime? expires = null, DateTime? clicked = null, DateTime? dismissed = null, string contentJson = null,
        PopupDisplay display = null, int showCount = 0, DateTime? lastShown = null)
    {
        var popup = new PendingPopup
        {
            CustomerId = customerId,
            StoreId = storeId,
            NodeId = "popup",
            ContentJson = contentJson ?? new PopupContent { Title = title, BodyHtml = "<p>body</p>", ButtonText = "Go", ButtonUrl = "/cart" }.ToJson(),
            CreatedOnUtc = created ?? Now.AddHours(-1),
            ExpiresOnUtc = expires,
            ClickedOnUtc = clicked,
            DismissedOnUtc = dismissed,
            DisplayRulesJson = display is null ? null : PopupRules.ToJson(display),
            ShowCount = showCount,
            ShownOnUtc = lastShown,
            LastShownOnUtc = lastShown
        };
        await _popups.InsertAsync(popup);
        return popup;
    }

    [Test]
    public async Task The_admins_html_reaches_the_storefront_only_through_the_allow_list()
    {
        var body = "<p onclick=\"steal()\">Hi <b>Anna</b> <a href=\"javascript:steal()\">x</a> <a href=\"https://shop.example/sale\">sale</a></p>"
            + "<script>steal()</script><img src=\"/images/cart.png\" onerror=\"steal()\"><iframe src=\"https://evil.example\"></iframe>"
            + "<form action=\"https://evil.example\"><input name=\"password\"></form>";
        await AddAsync("sale", contentJson: new PopupContent { Title = "Sale", BodyHtml = body, ButtonText = "Go", ButtonUrl = "javascript:steal()" }.ToJson());

        var popup = (await _service.GetPopupsToShowAsync(1, 1, PopupPage.Home)).Single();

        Assert.That(popup.BodyHtml, Does.Not.Contain("script").And.Not.Contain("onclick").And.Not.Contain("onerror").And.Not.Contain("javascript:")
            .And.Not.Contain("iframe").And.Not.Contain("<form").And.Not.Contain("<input"));
        Assert.That(popup.BodyHtml, Does.Contain("<b>Anna</b>").And.Contain("href=\"https://shop.example/sale\"").And.Contain("<img src=\"/images/cart.png\">"));
        Assert.That(popup.ButtonUrl, Is.Null, "a javascript: button goes nowhere");
    }

    [TestCase("https://shop.example/cart", "https://shop.example/cart")]
    [TestCase("/cart?x=1", "/cart?x=1")]
    [TestCase("//evil.example/", null)]
    [TestCase("/\\evil.example/", null)]
    [TestCase("data:text/html,hi", null)]
    [TestCase("JavaScript:alert(1)", null)]
    public void A_button_goes_only_to_web_addresses_and_the_shops_own_paths(string url, string expected)
    {
        Assert.That(PopupHtmlSanitizer.SafeUrl(url), Is.EqualTo(expected));
    }

    [Test]
    public async Task The_oldest_pending_popup_of_the_customer_in_the_store_is_shown()
    {
        await AddAsync("newer", created: Now.AddMinutes(-5));
        var oldest = await AddAsync("oldest", created: Now.AddHours(-3));

        var popups = await _service.GetPopupsToShowAsync(1, 1, PopupPage.Home);

        Assert.That(popups, Has.Count.EqualTo(1), "one pop-up per page");
        Assert.That(popups[0], Is.EqualTo(new PopupToShow(oldest.Id, "oldest", "<p>body</p>", "Go", "/cart")));
    }

    [Test]
    public async Task Popups_of_other_customers_and_other_stores_are_not_shown()
    {
        await AddAsync("someone else", customerId: 2);
        await AddAsync("other store", storeId: 2);

        Assert.That(await _service.GetPopupsToShowAsync(1, 1, PopupPage.Home), Is.Empty);
    }

    [Test]
    public async Task Expired_clicked_and_dismissed_popups_are_not_shown_again()
    {
        await AddAsync("expired", expires: Now.AddSeconds(-1));
        await AddAsync("clicked", clicked: Now.AddMinutes(-10));
        await AddAsync("dismissed", dismissed: Now.AddMinutes(-10));
        var stillValid = await AddAsync("valid", expires: Now.AddDays(1));

        var popups = await _service.GetPopupsToShowAsync(1, 1, PopupPage.Home);

        Assert.That(popups.Select(p => p.Id), Is.EqualTo(new[] { stillValid.Id }));
    }

    [Test]
    public async Task A_popup_with_damaged_content_is_skipped_and_the_next_one_is_shown()
    {
        await AddAsync("broken", created: Now.AddHours(-5), contentJson: "{not json");
        var good = await AddAsync("good", created: Now.AddHours(-1));

        var popups = await _service.GetPopupsToShowAsync(1, 1, PopupPage.Home);

        Assert.That(popups.Single().Id, Is.EqualTo(good.Id));
    }

    [Test]
    public async Task Without_rules_a_popup_shows_on_load_on_every_page_but_checkout()
    {
        var popup = await AddAsync("default");

        foreach (var page in Enum.GetValues<PopupPage>())
        {
            var shown = await _service.GetPopupsToShowAsync(1, 1, page);
            Assert.That(shown.Select(p => p.Id), Is.EqualTo(page == PopupPage.Checkout ? Array.Empty<int>() : new[] { popup.Id }), page.ToString());
        }
        Assert.That((await _service.GetPopupsToShowAsync(1, 1, PopupPage.Home)).Single().ShowName, Is.EqualTo("load"));
    }

    [Test]
    public async Task A_popup_limited_to_pages_waits_for_one_of_them_and_lets_another_show_meanwhile()
    {
        var cartOnly = await AddAsync("cart only", created: Now.AddHours(-3), display: new PopupDisplay { Pages = [PopupPage.Cart, PopupPage.Checkout] });
        var anywhere = await AddAsync("anywhere", created: Now.AddHours(-1));

        Assert.That((await _service.GetPopupsToShowAsync(1, 1, PopupPage.Product)).Single().Id, Is.EqualTo(anywhere.Id));
        Assert.That((await _service.GetPopupsToShowAsync(1, 1, PopupPage.Cart)).Single().Id, Is.EqualTo(cartOnly.Id));
        Assert.That((await _service.GetPopupsToShowAsync(1, 1, PopupPage.Checkout)).Single().Id, Is.EqualTo(cartOnly.Id), "checkout when listed");
    }

    [Test]
    public async Task A_popup_stops_after_its_maximum_number_of_shows()
    {
        var rules = new PopupDisplay { MaxShows = 2, MinInterval = "0m" };
        var once = await AddAsync("shown once", display: rules, showCount: 1, lastShown: Now.AddMinutes(-1));
        await AddAsync("shown twice", display: rules, showCount: 2, lastShown: Now.AddMinutes(-1));
        await AddAsync("default rules, shown three times", showCount: PopupDisplay.DefaultMaxShows, lastShown: Now.AddDays(-1));

        var shown = await _service.GetPopupsToShowAsync(1, 1, PopupPage.Home);

        Assert.That(shown.Select(p => p.Id), Is.EqualTo(new[] { once.Id }));
    }

    [Test]
    public async Task A_popup_waits_its_minimum_interval_between_two_shows()
    {
        await AddAsync("hourly", display: new PopupDisplay { MinInterval = "1h" }, showCount: 1, lastShown: Now.AddMinutes(-59));
        await AddAsync("default interval", showCount: 1, lastShown: Now - PopupDisplay.DefaultMinInterval + TimeSpan.FromSeconds(1));
        Assert.That(await _service.GetPopupsToShowAsync(1, 1, PopupPage.Home), Is.Empty);

        var due = await AddAsync("hourly, due", display: new PopupDisplay { MinInterval = "1h" }, showCount: 1, lastShown: Now.AddMinutes(-60));
        Assert.That((await _service.GetPopupsToShowAsync(1, 1, PopupPage.Home)).Single().Id, Is.EqualTo(due.Id));
    }

    [Test]
    public async Task The_moment_on_the_page_reaches_the_storefront()
    {
        await AddAsync("late", display: new PopupDisplay { Show = PopupMoment.AfterDelay, DelaySeconds = 8 });

        var popup = (await _service.GetPopupsToShowAsync(1, 1, PopupPage.Home)).Single();

        Assert.That((popup.Show, popup.ShowName, popup.DelaySeconds), Is.EqualTo((PopupMoment.AfterDelay, "delay", 8)));
    }

    [Test]
    public async Task Damaged_display_rules_fall_back_to_the_defaults_rather_than_losing_the_popup()
    {
        var popup = await AddAsync("damaged rules");
        popup.DisplayRulesJson = "{\"pages\":[\"nowhere\"]";
        await _popups.UpdateAsync(popup);

        Assert.That((await _service.GetPopupsToShowAsync(1, 1, PopupPage.Home)).Single().Id, Is.EqualTo(popup.Id));
        Assert.That(await _service.GetPopupsToShowAsync(1, 1, PopupPage.Checkout), Is.Empty);
    }

    [TestCase("Home", "Index", PopupPage.Home)]
    [TestCase("Product", "ProductDetails", PopupPage.Product)]
    [TestCase("Catalog", "Category", PopupPage.Category)]
    [TestCase("Catalog", "Manufacturer", PopupPage.Category)]
    [TestCase("Catalog", "ProductsByTag", PopupPage.Category)]
    [TestCase("Catalog", "Search", PopupPage.Search)]
    [TestCase("ShoppingCart", "Cart", PopupPage.Cart)]
    [TestCase("ShoppingCart", "Wishlist", PopupPage.Other)]
    [TestCase("Checkout", "OnePageCheckout", PopupPage.Checkout)]
    [TestCase("Checkout", "Completed", PopupPage.Checkout)]
    [TestCase("Customer", "Info", PopupPage.Account)]
    [TestCase("Order", "CustomerOrders", PopupPage.Account)]
    [TestCase("Topic", "TopicDetails", PopupPage.Other)]
    [TestCase(null, null, PopupPage.Other)]
    public void Storefront_pages_are_told_apart_by_controller_and_action(string controller, string action, PopupPage expected)
    {
        Assert.That(StorefrontPages.Classify(controller, action), Is.EqualTo(expected));
    }

    [Test]
    public void Popup_content_survives_storage()
    {
        var content = new PopupContent { Title = "Zniżka", BodyHtml = "<b>10%</b>", ButtonText = "Kup", ButtonUrl = "/koszyk" };

        Assert.That(PopupContent.FromJson(content.ToJson()), Is.EqualTo(content));
        Assert.That(PopupContent.FromJson(""), Is.Null);
    }
}
