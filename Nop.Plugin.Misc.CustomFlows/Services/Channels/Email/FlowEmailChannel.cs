using Nop.Core.Domain.Messages;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;
using Nop.Plugin.Misc.CustomFlows.Services.Actions;
using Nop.Plugin.Misc.CustomFlows.Services.Customers;
using Nop.Services.Customers;
using Nop.Services.Messages;
using Nop.Services.Stores;

namespace Nop.Plugin.Misc.CustomFlows.Services.Channels.Email;

/// <summary>
/// Sends a flow's e-mail through nopCommerce's queue: the message template named by the step, rendered for the
/// customer, queued from the template's (else the default) e-mail account. Marketing e-mails go only to addresses
/// with an active newsletter subscription in the store; the rest are skipped, which is no error.
/// </summary>
public class FlowEmailChannel : IFlowActionChannel
{
    #region Fields

    private readonly FlowEmailLinkTracker _linkTracker;
    private readonly FlowEmailQueue _emailQueue;
    private readonly FlowMessageRenderer _messageRenderer;
    private readonly ICustomerService _customerService;
    private readonly INewsLetterSubscriptionService _newsLetterSubscriptionService;
    private readonly CustomerConsentSnapshot _consentSnapshot;
    private readonly IStoreService _storeService;
    private readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public FlowEmailChannel(FlowEmailLinkTracker linkTracker,
        FlowEmailQueue emailQueue,
        FlowMessageRenderer messageRenderer,
        ICustomerService customerService,
        INewsLetterSubscriptionService newsLetterSubscriptionService,
        IStoreService storeService,
        CustomerConsentSnapshot consentSnapshot,
        TimeProvider timeProvider)
    {
        _consentSnapshot = consentSnapshot;
        _linkTracker = linkTracker;
        _emailQueue = emailQueue;
        _messageRenderer = messageRenderer;
        _customerService = customerService;
        _newsLetterSubscriptionService = newsLetterSubscriptionService;
        _storeService = storeService;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Utilities

    private static DateTime? SendNotBefore(MessageTemplate template, DateTime nowUtc)
    {
        if (template.DelayBeforeSend is not > 0)
            return null;

        return template.DelayPeriod == MessageDelayPeriod.Days
            ? nowUtc.AddDays(template.DelayBeforeSend.Value)
            : nowUtc.AddHours(template.DelayBeforeSend.Value);
    }

    private async Task<bool> HasMarketingConsentAsync(string email, int storeId)
    {
        var subscriptions = await _newsLetterSubscriptionService.GetNewsLetterSubscriptionsByEmailAsync(email, storeId, isActive: true);
        return subscriptions.Any(subscription => subscription.Active && subscription.StoreId == storeId);
    }

    #endregion

    #region Methods

    /// <inheritdoc />
    public FlowChannel GetLogChannel(FlowAction action) => action is SendEmailAction ? FlowChannel.Email : FlowChannel.None;

    /// <inheritdoc />
    public async Task<FlowActionResult> PerformAsync(FlowActionRequest request)
    {
        var action = (SendEmailAction)request.Action;
        var effect = request.Effect;

        var customer = await _customerService.GetCustomerByIdAsync(effect.CustomerId);
        if (customer is null || customer.Deleted)
            return FlowActionResult.Skipped($"Customer {effect.CustomerId} no longer exists");

        if (string.IsNullOrWhiteSpace(customer.Email))
            return FlowActionResult.Skipped("The customer has no e-mail address");

        if (action.Category == EmailCategory.Marketing)
        {
            var consent = await HasMarketingConsentAsync(customer.Email, effect.StoreId);
            await _consentSnapshot.RecordAsync(customer.Id, effect.StoreId, consent, CustomerConsentSnapshot.NEWSLETTER);
            if (!consent)
                return FlowActionResult.Skipped($"No marketing consent (active newsletter subscription) for customer {customer.Id} in store {effect.StoreId}");
        }

        var store = await _storeService.GetStoreByIdAsync(effect.StoreId);
        if (store is null)
            return FlowActionResult.Failed($"Store {effect.StoreId} not found");

        var message = await _messageRenderer.RenderAsync(request, action.Template, customer, store);
        if (message.Problem is not null)
            return message.Problem;

        var body = await _linkTracker.TrackLinksAsync(message.Body, store.Id, effect.IdempotencyKey,
            string.IsNullOrEmpty(message.UnsubscribeUrl) ? [] : [message.UnsubscribeUrl]);

        var nowUtc = _timeProvider.GetUtcNow().UtcDateTime;
        var email = await _emailQueue.QueueAsync(new QueuedEmail
        {
            //the customer asked for a transactional message; a marketing one can wait behind the shop's own mail
            Priority = action.Category == EmailCategory.Transactional ? QueuedEmailPriority.High : QueuedEmailPriority.Low,
            From = message.EmailAccount.Email,
            FromName = message.EmailAccount.DisplayName,
            To = customer.Email,
            ToName = await _customerService.GetCustomerFullNameAsync(customer),
            Bcc = message.Template.BccEmailAddresses,
            Subject = message.Subject,
            Body = body,
            CreatedOnUtc = nowUtc,
            DontSendBeforeDateUtc = SendNotBefore(message.Template, nowUtc),
            EmailAccountId = message.EmailAccount.Id
        }, effect.IdempotencyKey,
            //one-click unsubscribe headers (RFC 8058) go on marketing e-mails only; the queue's sender adds them
            action.Category == EmailCategory.Marketing ? message.UnsubscribeUrl : null);

        return FlowActionResult.Succeeded($"E-mail '{action.Template}' queued for customer {customer.Id}") with { QueuedEmailId = email.Id };
    }

    /// <inheritdoc />
    public async Task<FlowActionResult> FindPerformedAsync(FlowActionRequest request, DateTime startedOnUtc)
    {
        var customer = await _customerService.GetCustomerByIdAsync(request.Effect.CustomerId);
        var email = await _emailQueue.FindAsync(customer?.Email, request.Effect.IdempotencyKey, startedOnUtc);

        return email is null
            ? null
            : FlowActionResult.Succeeded($"E-mail found in the queue for customer {request.Effect.CustomerId}") with { QueuedEmailId = email.Id };
    }

    #endregion
}
