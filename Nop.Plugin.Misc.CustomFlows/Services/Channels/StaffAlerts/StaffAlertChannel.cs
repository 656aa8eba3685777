using System.Net;
using Nop.Core.Domain.Messages;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;
using Nop.Plugin.Misc.CustomFlows.Services.Actions;
using Nop.Plugin.Misc.CustomFlows.Services.Channels.Email;
using Nop.Services.Customers;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Services.Stores;

namespace Nop.Plugin.Misc.CustomFlows.Services.Channels.StaffAlerts;

/// <summary>
/// Tells the shop's staff about a customer by e-mail: to the address on the flow step, else the plugin's staff
/// address, else the shop's default e-mail account (the store owner). Sent at high priority from the default account.
/// </summary>
public class StaffAlertChannel : IFlowActionChannel
{
    #region Fields

    private readonly CustomFlowsSettings _settings;
    private readonly FlowEmailQueue _emailQueue;
    private readonly FlowMessageRenderer _messageRenderer;
    private readonly ICustomerService _customerService;
    private readonly ILocalizationService _localizationService;
    private readonly IMessageTokenProvider _messageTokenProvider;
    private readonly IStoreService _storeService;
    private readonly ITokenizer _tokenizer;
    private readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public StaffAlertChannel(CustomFlowsSettings settings,
        FlowEmailQueue emailQueue,
        FlowMessageRenderer messageRenderer,
        ICustomerService customerService,
        ILocalizationService localizationService,
        IMessageTokenProvider messageTokenProvider,
        IStoreService storeService,
        ITokenizer tokenizer,
        TimeProvider timeProvider)
    {
        _settings = settings;
        _emailQueue = emailQueue;
        _messageRenderer = messageRenderer;
        _customerService = customerService;
        _localizationService = localizationService;
        _messageTokenProvider = messageTokenProvider;
        _storeService = storeService;
        _tokenizer = tokenizer;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Utilities

    private async Task<string> GetRecipientAsync(AlertStaffAction action, EmailAccount account)
    {
        if (!string.IsNullOrWhiteSpace(action.Recipient))
            return action.Recipient.Trim();

        if (!string.IsNullOrWhiteSpace(_settings.StaffAlertEmail))
            return _settings.StaffAlertEmail.Trim();

        return account?.Email ?? (await _messageRenderer.GetEmailAccountAsync())?.Email;
    }

    private async Task<string> TextAsync(string name) =>
        await _localizationService.GetResourceAsync($"{CustomFlowsDefaults.LocalePrefix}.StaffAlert.{name}");

    #endregion

    #region Methods

    /// <inheritdoc />
    public FlowChannel GetLogChannel(FlowAction action) => action is AlertStaffAction ? FlowChannel.StaffAlert : FlowChannel.None;

    /// <inheritdoc />
    public async Task<FlowActionResult> PerformAsync(FlowActionRequest request)
    {
        var action = (AlertStaffAction)request.Action;
        var effect = request.Effect;

        var account = await _messageRenderer.GetEmailAccountAsync();
        if (account is null)
            return FlowActionResult.Failed("The shop has no e-mail account");

        var recipient = await GetRecipientAsync(action, account);
        if (string.IsNullOrWhiteSpace(recipient))
            return FlowActionResult.Skipped("No staff address to send the alert to");

        var customer = await _customerService.GetCustomerByIdAsync(effect.CustomerId);
        //no message of any kind about a customer the shop deleted
        if (customer?.Deleted == true)
            return FlowActionResult.Skipped($"Customer {effect.CustomerId} was deleted");

        var store = await _storeService.GetStoreByIdAsync(effect.StoreId);
        var customerText = string.IsNullOrEmpty(customer?.Email) ? $"#{effect.CustomerId}" : customer.Email;

        //the alert text may name the customer through nopCommerce's tokens (%Customer.FullName%, %Customer.Email%);
        //it is plain text, encoded before the tokens go in (the tokenizer encodes only the token values)
        var tokens = new List<Token>();
        if (store is not null)
            await _messageTokenProvider.AddStoreTokensAsync(tokens, store, account, store.DefaultLanguageId);
        if (customer is not null)
            await _messageTokenProvider.AddCustomerTokensAsync(tokens, customer);
        var message = _tokenizer.Replace(WebUtility.HtmlEncode(action.Message ?? string.Empty), tokens, true);

        var body = $"<p>{message}</p>"
            + "<ul>"
            + $"<li>{WebUtility.HtmlEncode(await TextAsync("Customer"))}: {WebUtility.HtmlEncode(customerText)} (#{effect.CustomerId})</li>"
            + $"<li>{WebUtility.HtmlEncode(await TextAsync("Store"))}: {WebUtility.HtmlEncode(store?.Name ?? $"#{effect.StoreId}")}</li>"
            + $"<li>{WebUtility.HtmlEncode(await TextAsync("Flow"))}: {WebUtility.HtmlEncode(effect.FlowId)} (v{effect.FlowVersion}), {WebUtility.HtmlEncode(await TextAsync("Step"))}: {WebUtility.HtmlEncode(effect.NodeId)}</li>"
            + "</ul>";

        var email = await _emailQueue.QueueAsync(new QueuedEmail
        {
            Priority = QueuedEmailPriority.High,
            From = account.Email,
            FromName = account.DisplayName,
            To = recipient,
            Subject = string.Format(await TextAsync("Subject"), customerText),
            Body = body,
            CreatedOnUtc = _timeProvider.GetUtcNow().UtcDateTime,
            EmailAccountId = account.Id
        }, effect.IdempotencyKey);

        return FlowActionResult.Succeeded($"Staff alert queued for {recipient}") with { QueuedEmailId = email.Id };
    }

    /// <inheritdoc />
    public async Task<FlowActionResult> FindPerformedAsync(FlowActionRequest request, DateTime startedOnUtc)
    {
        var recipient = await GetRecipientAsync((AlertStaffAction)request.Action, null);
        var email = await _emailQueue.FindAsync(recipient, request.Effect.IdempotencyKey, startedOnUtc);

        return email is null
            ? null
            : FlowActionResult.Succeeded($"Staff alert found in the queue for {email.To}") with { QueuedEmailId = email.Id };
    }

    #endregion
}
