using System.Globalization;
using Nop.Data;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Services.Channels.Links;
using Nop.Plugin.Misc.CustomFlows.Services.Customers;
using Nop.Plugin.Misc.CustomFlows.Services.Inbox;
using Nop.Services.Configuration;
using Nop.Services.Messages;

namespace Nop.Plugin.Misc.CustomFlows.Services.Tracking;

/// <summary>
/// Turns the signed links of flows' e-mails and the pop-up script's reports into inbox events
/// </summary>
public class FlowEngagementService : IFlowEngagementService
{
    #region Fields

    /// <summary>
    /// Reports of an appearance this close to the last one are the same appearance (two tabs, a reload)
    /// </summary>
    public static readonly TimeSpan SameAppearance = TimeSpan.FromSeconds(10);

    private readonly IRepository<FlowActionLog> _actionLogRepository;
    private readonly IFlowInboxWriter _inboxWriter;
    private readonly INewsLetterSubscriptionService _newsLetterSubscriptionService;
    private readonly IRepository<PendingPopup> _popupRepository;
    private readonly ISettingService _settingService;
    private readonly TimeProvider _timeProvider;
    private readonly CustomerStateGate _customerGate;
    private readonly EngagementThrottle _throttle;

    #endregion

    #region Ctor

    public FlowEngagementService(IRepository<FlowActionLog> actionLogRepository,
        IFlowInboxWriter inboxWriter,
        INewsLetterSubscriptionService newsLetterSubscriptionService,
        IRepository<PendingPopup> popupRepository,
        ISettingService settingService,
        TimeProvider timeProvider,
        CustomerStateGate customerGate = null,
        EngagementThrottle throttle = null)
    {
        _customerGate = customerGate ?? new CustomerStateGate();
        _throttle = throttle ?? new EngagementThrottle();
        _actionLogRepository = actionLogRepository;
        _inboxWriter = inboxWriter;
        _newsLetterSubscriptionService = newsLetterSubscriptionService;
        _popupRepository = popupRepository;
        _settingService = settingService;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Methods

    /// <inheritdoc />
    public async Task<bool> RecordOpenAsync(string token)
    {
        var parts = await ReadAsync(FlowLinkToken.Open, token, 2);
        if (parts == null)
            return false;

        await WriteEngagementAsync(FlowInboxEventTypes.EMAIL_OPENED, parts[0], parts[1]);
        return true;
    }

    /// <inheritdoc />
    public async Task<string> RecordClickAsync(string token)
    {
        var parts = await ReadAsync(FlowLinkToken.Click, token, 3);
        //the target was signed with the link, but only web addresses are followed
        if (parts == null || !Uri.TryCreate(parts[2], UriKind.Absolute, out var target)
            || (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps))
            return null;

        await WriteEngagementAsync(FlowInboxEventTypes.EMAIL_CLICKED, parts[0], parts[1]);
        return target.ToString();
    }

    /// <summary>
    /// Hides most of an address for a page anyone holding the link may see: "anna@example.com" is "a***@example.com"
    /// </summary>
    /// <param name="email">The address</param>
    public static string Mask(string email)
    {
        if (string.IsNullOrEmpty(email))
            return string.Empty;

        var at = email.IndexOf('@');
        return at <= 0 ? "***" : $"{email[0]}***{email[at..]}";
    }

    /// <inheritdoc />
    public async Task<string> ReadUnsubscribeAsync(string token)
    {
        var parts = await ReadAsync(FlowLinkToken.Unsubscribe, token, 3);
        return parts == null ? null : Mask(parts[2]);
    }

    /// <inheritdoc />
    public async Task<string> UnsubscribeAsync(string token)
    {
        var parts = await ReadAsync(FlowLinkToken.Unsubscribe, token, 3);
        if (parts == null)
            return null;

        var storeId = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var customerId = int.Parse(parts[1], CultureInfo.InvariantCulture);
        var email = parts[2];

        var subscriptions = await _newsLetterSubscriptionService.GetNewsLetterSubscriptionsByEmailAsync(email, storeId, isActive: true);
        foreach (var subscription in subscriptions)
        {
            subscription.Active = false;
            //nopCommerce publishes the unsubscription, like one made on the shop's own page
            await _newsLetterSubscriptionService.UpdateNewsLetterSubscriptionAsync(subscription);
        }

        //also when the address had no active subscription left: the flows still end for this customer (once a minute
        //however often the link is posted)
        if (_throttle.TryClaim(FlowInboxEventTypes.NEWSLETTER_UNSUBSCRIBED, string.Join('|', parts), _timeProvider.GetUtcNow().UtcDateTime))
            await _inboxWriter.WriteAsync(FlowInboxEventTypes.NEWSLETTER_UNSUBSCRIBED, customerId, storeId, new NewsletterPayload(0, email, 0));
        return Mask(email);
    }

    /// <inheritdoc />
    public async Task<bool> RecordPopupAnswerAsync(int popupId, int customerId, string answer, string token)
    {
        var eventType = answer?.ToLowerInvariant() switch
        {
            "shown" => FlowInboxEventTypes.POPUP_SHOWN,
            "clicked" => FlowInboxEventTypes.POPUP_CLICKED,
            "dismissed" => FlowInboxEventTypes.POPUP_DISMISSED,
            _ => null
        };
        if (eventType == null)
            return false;

        //the answer must carry the token written into the page with this pop-up for this customer: a request made up
        //elsewhere (another site posting with the customer's cookie, a guessed pop-up id) has none
        var parts = await ReadAsync(FlowLinkToken.PopupAnswer, token, 2);
        if (parts == null || parts[0] != popupId.ToString(CultureInfo.InvariantCulture) || parts[1] != customerId.ToString(CultureInfo.InvariantCulture))
            return false;

        //one answer of the customer at a time, read afresh inside the turn: two clicks at once count once
        using var turn = await _customerGate.EnterAsync(customerId);

        var popup = await _popupRepository.GetByIdAsync(popupId);
        if (popup == null || popup.CustomerId != customerId)
            return false;

        var now = _timeProvider.GetUtcNow().UtcDateTime;
        if (eventType == FlowInboxEventTypes.POPUP_SHOWN && popup.ShownOnUtc != null)
        {
            //a later appearance counts against the display rules; only the first one is an event for the flows
            if (popup.LastShownOnUtc == null || now - popup.LastShownOnUtc.Value >= SameAppearance)
            {
                popup.ShowCount++;
                popup.LastShownOnUtc = now;
                await _popupRepository.UpdateAsync(popup, publishEvent: false);
            }

            return true;
        }

        switch (eventType)
        {
            case FlowInboxEventTypes.POPUP_SHOWN:
                popup.ShownOnUtc = now;
                popup.ShowCount++;
                popup.LastShownOnUtc = now;
                break;
            case FlowInboxEventTypes.POPUP_CLICKED when popup.ClickedOnUtc == null:
                popup.ClickedOnUtc = now;
                break;
            case FlowInboxEventTypes.POPUP_DISMISSED when popup.DismissedOnUtc == null:
                popup.DismissedOnUtc = now;
                break;
            default:
                //an answer already recorded (a second tab, a double click) is not counted twice
                return true;
        }

        await _popupRepository.UpdateAsync(popup, publishEvent: false);
        if (_throttle.TryClaim(eventType, $"popup:{popup.Id}", now))
            await _inboxWriter.WriteAsync(eventType, popup.CustomerId, popup.StoreId, new EngagementPayload(popup.FlowRunId, popup.NodeId, popup.Id));
        return true;
    }

    #endregion

    #region Utilities

    private async Task<string[]> ReadAsync(string kind, string token, int expectedParts)
    {
        var settings = await _settingService.LoadSettingAsync<CustomFlowsSettings>();
        if (string.IsNullOrEmpty(settings?.LinkSigningKey) || string.IsNullOrEmpty(token))
            return null;

        return FlowLinkToken.TryRead(settings.LinkSigningKey, kind, token, _timeProvider.GetUtcNow().UtcDateTime, out var parts) && parts.Length == expectedParts
            ? parts
            : null;
    }

    private async Task WriteEngagementAsync(string eventType, string storeIdText, string idempotencyKey)
    {
        //a flood of loads of one pixel or link writes at most one row a minute, also while the first is being recorded
        if (!_throttle.TryClaim(eventType, idempotencyKey, _timeProvider.GetUtcNow().UtcDateTime))
            return;

        var log = (await _actionLogRepository.GetAllAsync(query => query.Where(l => l.IdempotencyKey == idempotencyKey))).FirstOrDefault();
        //a link of an action whose log was already deleted by the retention still works; there is just nothing to record
        if (log == null)
            return;

        //only the first open and the first click of a message are events: flows ask whether, statistics count messages
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        if (eventType == FlowInboxEventTypes.EMAIL_OPENED)
        {
            if (log.OpenedOnUtc != null)
                return;
            log.OpenedOnUtc = now;
        }
        else
        {
            if (log.ClickedOnUtc != null)
                return;
            log.ClickedOnUtc = now;
        }
        await _actionLogRepository.UpdateAsync(log, publishEvent: false);

        var storeId = int.TryParse(storeIdText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : 0;
        await _inboxWriter.WriteAsync(eventType, log.CustomerId, storeId, new EngagementPayload(log.FlowRunId, log.NodeId));
    }

    #endregion
}
