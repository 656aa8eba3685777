using Nop.Plugin.Misc.CustomFlows.Domain;
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
        DateTime? expires = null, DateTime? clicked = null, DateTime? dismissed = null, string contentJson = null)
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
            DismissedOnUtc = dismissed
        };
        await _popups.InsertAsync(popup);
        return popup;
    }

    [Test]
    public async Task The_oldest_pending_popup_of_the_customer_in_the_store_is_shown()
    {
        await AddAsync("newer", created: Now.AddMinutes(-5));
        var oldest = await AddAsync("oldest", created: Now.AddHours(-3));

        var popups = await _service.GetPopupsToShowAsync(1, 1);

        Assert.That(popups, Has.Count.EqualTo(1), "one pop-up per page");
        Assert.That(popups[0], Is.EqualTo(new PopupToShow(oldest.Id, "oldest", "<p>body</p>", "Go", "/cart")));
    }

    [Test]
    public async Task Popups_of_other_customers_and_other_stores_are_not_shown()
    {
        await AddAsync("someone else", customerId: 2);
        await AddAsync("other store", storeId: 2);

        Assert.That(await _service.GetPopupsToShowAsync(1, 1), Is.Empty);
    }

    [Test]
    public async Task Expired_clicked_and_dismissed_popups_are_not_shown_again()
    {
        await AddAsync("expired", expires: Now.AddSeconds(-1));
        await AddAsync("clicked", clicked: Now.AddMinutes(-10));
        await AddAsync("dismissed", dismissed: Now.AddMinutes(-10));
        var stillValid = await AddAsync("valid", expires: Now.AddDays(1));

        var popups = await _service.GetPopupsToShowAsync(1, 1);

        Assert.That(popups.Select(p => p.Id), Is.EqualTo(new[] { stillValid.Id }));
    }

    [Test]
    public async Task A_popup_with_damaged_content_is_skipped_and_the_next_one_is_shown()
    {
        await AddAsync("broken", created: Now.AddHours(-5), contentJson: "{not json");
        var good = await AddAsync("good", created: Now.AddHours(-1));

        var popups = await _service.GetPopupsToShowAsync(1, 1);

        Assert.That(popups.Single().Id, Is.EqualTo(good.Id));
    }

    [Test]
    public void Popup_content_survives_storage()
    {
        var content = new PopupContent { Title = "Zniżka", BodyHtml = "<b>10%</b>", ButtonText = "Kup", ButtonUrl = "/koszyk" };

        Assert.That(PopupContent.FromJson(content.ToJson()), Is.EqualTo(content));
        Assert.That(PopupContent.FromJson(""), Is.Null);
    }
}
