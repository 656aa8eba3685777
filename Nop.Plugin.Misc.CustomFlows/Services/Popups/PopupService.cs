using Nop.Data;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;
using Nop.Plugin.Misc.CustomFlows.Domain;

namespace Nop.Plugin.Misc.CustomFlows.Services.Popups;

/// <summary>
/// Pending pop-ups from the plugin's table
/// </summary>
public class PopupService : IPopupService
{
    #region Fields

    /// <summary>
    /// At most this many pop-ups on one page: more would bury the shop
    /// </summary>
    public const int MaxPopupsPerPage = 1;

    private readonly IRepository<PendingPopup> _popupRepository;
    private readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public PopupService(IRepository<PendingPopup> popupRepository, TimeProvider timeProvider)
    {
        _popupRepository = popupRepository;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Utilities

    /// <summary>
    /// Whether the pop-up's rules let it appear on this page now: the right kind of page, not yet shown as often as
    /// allowed, and not shown too recently
    /// </summary>
    private static bool IsDue(PendingPopup popup, PopupDisplay rules, PopupPage page, DateTime now)
    {
        if (!rules.Allows(page))
            return false;
        if (popup.ShowCount >= rules.EffectiveMaxShows)
            return false;

        return popup.LastShownOnUtc is not { } lastShown || now - lastShown >= rules.EffectiveMinInterval;
    }

    #endregion

    #region Methods

    /// <inheritdoc />
    public async Task<IList<PopupToShow>> GetPopupsToShowAsync(int customerId, int storeId, PopupPage page)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;

        var pending = await _popupRepository.GetAllAsync(query => query
            .Where(popup => popup.CustomerId == customerId
                && (popup.StoreId == storeId || popup.StoreId == 0)
                && popup.ClickedOnUtc == null
                && popup.DismissedOnUtc == null
                && (popup.ExpiresOnUtc == null || popup.ExpiresOnUtc > now))
            .OrderBy(popup => popup.CreatedOnUtc)
            .ThenBy(popup => popup.Id));

        return pending
            .Select(popup => (popup, rules: PopupRules.FromJson(popup.DisplayRulesJson)))
            .Where(pair => IsDue(pair.popup, pair.rules, page, now))
            .Select(pair => (pair.popup, pair.rules, content: PopupContent.FromJson(pair.popup.ContentJson)))
            //a row whose content cannot be read is skipped rather than breaking the shop's page
            .Where(item => item.content != null && !string.IsNullOrWhiteSpace(item.content.Title + item.content.BodyHtml))
            .Take(MaxPopupsPerPage)
            //cleaned here, on the way out, so rows stored before the sanitizer (or by another version) are cleaned too
            .Select(item => new PopupToShow(item.popup.Id, item.content.Title, PopupHtmlSanitizer.Sanitize(item.content.BodyHtml),
                item.content.ButtonText, PopupHtmlSanitizer.SafeUrl(item.content.ButtonUrl), item.rules.Show,
                item.rules.DelaySeconds ?? 0, item.rules.ScrollPercent ?? 0))
            .ToList();
    }

    #endregion
}
