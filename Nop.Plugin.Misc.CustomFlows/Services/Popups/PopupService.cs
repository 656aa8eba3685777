using Nop.Data;
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

    #region Methods

    /// <inheritdoc />
    public async Task<IList<PopupToShow>> GetPopupsToShowAsync(int customerId, int storeId)
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
            .Select(popup => (popup, content: PopupContent.FromJson(popup.ContentJson)))
            //a row whose content cannot be read is skipped rather than breaking the shop's page
            .Where(pair => pair.content != null && !string.IsNullOrWhiteSpace(pair.content.Title + pair.content.BodyHtml))
            .Take(MaxPopupsPerPage)
            .Select(pair => new PopupToShow(pair.popup.Id, pair.content.Title, pair.content.BodyHtml,
                pair.content.ButtonText, pair.content.ButtonUrl))
            .ToList();
    }

    #endregion
}
