using Nop.Data;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;
using Nop.Plugin.Misc.CustomFlows.Engine.Time;
using Nop.Plugin.Misc.CustomFlows.Services.Actions;
using Nop.Plugin.Misc.CustomFlows.Services.Popups;
using Nop.Services.Customers;
using Nop.Services.Stores;

namespace Nop.Plugin.Misc.CustomFlows.Services.Channels.Popups;

/// <summary>
/// Leaves a pop-up for the customer's next storefront page view. Its texts come from the nopCommerce message template
/// named by the step (subject = title, body = body, in the customer's language, with the same tokens as e-mails),
/// so the admin edits pop-ups where e-mails are edited.
/// </summary>
public class PopupChannel : IFlowActionChannel
{
    #region Fields

    private readonly FlowMessageRenderer _messageRenderer;
    private readonly ICustomerService _customerService;
    private readonly IRepository<PendingPopup> _popupRepository;
    private readonly IStoreService _storeService;
    private readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public PopupChannel(FlowMessageRenderer messageRenderer,
        ICustomerService customerService,
        IRepository<PendingPopup> popupRepository,
        IStoreService storeService,
        TimeProvider timeProvider)
    {
        _messageRenderer = messageRenderer;
        _customerService = customerService;
        _popupRepository = popupRepository;
        _storeService = storeService;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Methods

    /// <inheritdoc />
    public FlowChannel GetLogChannel(FlowAction action) => action is ShowPopupAction ? FlowChannel.Popup : FlowChannel.None;

    /// <inheritdoc />
    public async Task<FlowActionResult> PerformAsync(FlowActionRequest request)
    {
        var action = (ShowPopupAction)request.Action;
        var effect = request.Effect;

        TimeSpan? expiresAfter = null;
        if (!string.IsNullOrWhiteSpace(action.ExpiresAfter))
        {
            if (!FlowDuration.TryParse(action.ExpiresAfter, out var duration))
                return FlowActionResult.Failed($"'{action.ExpiresAfter}' is not a duration");
            expiresAfter = duration;
        }

        var display = action.Display ?? new PopupDisplay();
        if (display.MinInterval != null && (!FlowDuration.TryParse(display.MinInterval, out var interval) || interval < TimeSpan.Zero))
            return FlowActionResult.Failed($"'{display.MinInterval}' is not a duration");

        var customer = await _customerService.GetCustomerByIdAsync(effect.CustomerId);
        if (customer is null || customer.Deleted)
            return FlowActionResult.Skipped($"Customer {effect.CustomerId} no longer exists");

        var store = await _storeService.GetStoreByIdAsync(effect.StoreId);
        if (store is null)
            return FlowActionResult.Failed($"Store {effect.StoreId} not found");

        var message = await _messageRenderer.RenderAsync(request, action.Template, customer, store);
        if (message.Problem is not null)
            return message.Problem;

        var nowUtc = _timeProvider.GetUtcNow().UtcDateTime;
        var popup = new PendingPopup
        {
            CustomerId = customer.Id,
            StoreId = store.Id,
            FlowRunId = request.RunId,
            NodeId = effect.NodeId,
            ContentJson = new PopupContent { Title = message.Subject, BodyHtml = message.Body }.ToJson(),
            DisplayRulesJson = PopupRules.ToJson(display),
            CreatedOnUtc = nowUtc,
            ExpiresOnUtc = expiresAfter.HasValue ? nowUtc + expiresAfter.Value : null
        };
        await _popupRepository.InsertAsync(popup, false);

        return FlowActionResult.Succeeded($"Pop-up '{action.Template}' waiting for the customer's next visit") with { PopupId = popup.Id };
    }

    /// <inheritdoc />
    public async Task<FlowActionResult> FindPerformedAsync(FlowActionRequest request, DateTime startedOnUtc)
    {
        var runId = request.RunId;
        var nodeId = request.Effect.NodeId;
        var popups = await _popupRepository.GetAllAsync(query => query
            .Where(popup => popup.FlowRunId == runId && popup.NodeId == nodeId && popup.CreatedOnUtc >= startedOnUtc)
            .OrderBy(popup => popup.Id));
        var popup = popups.FirstOrDefault();

        return popup is null ? null : FlowActionResult.Succeeded("Pop-up found waiting") with { PopupId = popup.Id };
    }

    #endregion
}
