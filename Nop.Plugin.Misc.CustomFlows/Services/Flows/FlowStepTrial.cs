using System.Text.Json;
using Nop.Core;
using Nop.Core.Domain.Messages;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using Nop.Plugin.Misc.CustomFlows.Services.Actions;
using Nop.Plugin.Misc.CustomFlows.Services.Channels;
using Nop.Plugin.Misc.CustomFlows.Services.Channels.Email;
using Nop.Plugin.Misc.CustomFlows.Services.Channels.Webhooks;

namespace Nop.Plugin.Misc.CustomFlows.Services.Flows;

/// <summary>
/// What the builder lets an admin try before publishing: a step's e-mail sent to the admin's own address, a pop-up
/// rendered as the storefront would show it, and a webhook address called once with a signed test payload. Each
/// renders through the same renderer and client the channels use, with the admin in the customer's place.
/// </summary>
public class FlowStepTrial
{
    #region Fields

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly CustomFlowsSettings _settings;
    private readonly FlowEmailQueue _emailQueue;
    private readonly FlowMessageRenderer _messageRenderer;
    private readonly IStoreContext _storeContext;
    private readonly IWorkContext _workContext;
    private readonly TimeProvider _timeProvider;
    private readonly WebhookClient _webhookClient;

    #endregion

    #region Ctor

    public FlowStepTrial(CustomFlowsSettings settings,
        FlowEmailQueue emailQueue,
        FlowMessageRenderer messageRenderer,
        IStoreContext storeContext,
        IWorkContext workContext,
        TimeProvider timeProvider,
        WebhookClient webhookClient)
    {
        _settings = settings;
        _emailQueue = emailQueue;
        _messageRenderer = messageRenderer;
        _storeContext = storeContext;
        _workContext = workContext;
        _timeProvider = timeProvider;
        _webhookClient = webhookClient;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Renders a message template for the current admin in the current store, as a step of a flow would
    /// </summary>
    /// <param name="templateName">Message template name</param>
    /// <returns>The rendered message; its Problem says why not when it cannot be rendered</returns>
    public async Task<FlowMessage> RenderAsync(string templateName)
    {
        var admin = await _workContext.GetCurrentCustomerAsync();
        var store = await _storeContext.GetCurrentStoreAsync();
        return await _messageRenderer.RenderAsync(TrialRequest(templateName, admin.Id, store.Id, _timeProvider.GetUtcNow().UtcDateTime), templateName, admin, store);
    }

    /// <summary>
    /// Queues a step's e-mail to the current admin's address
    /// </summary>
    /// <param name="templateName">Message template name</param>
    /// <returns>The address it was queued to, or the problem</returns>
    public async Task<(bool Queued, string Text)> SendTestEmailAsync(string templateName)
    {
        var admin = await _workContext.GetCurrentCustomerAsync();
        if (string.IsNullOrWhiteSpace(admin?.Email))
            return (false, "Your admin account has no e-mail address.");

        var message = await RenderAsync(templateName);
        if (message.Problem is not null)
            return (false, message.Problem.Message);

        var now = _timeProvider.GetUtcNow().UtcDateTime;
        await _emailQueue.QueueAsync(new QueuedEmail
        {
            Priority = QueuedEmailPriority.High,
            From = message.EmailAccount.Email,
            FromName = message.EmailAccount.DisplayName,
            To = admin.Email,
            Subject = message.Subject,
            Body = message.Body,
            CreatedOnUtc = now,
            EmailAccountId = message.EmailAccount.Id
        }, $"test:{Guid.NewGuid():N}");

        return (true, admin.Email);
    }

    /// <summary>
    /// Calls a webhook address once with a signed test payload, through the same address checks as the webhook channel
    /// </summary>
    /// <param name="url">Address to call</param>
    /// <returns>The answer's status code (0 when there was no answer) and what happened</returns>
    public async Task<(int Status, string Text)> CallWebhookAsync(string url)
    {
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp))
            return (0, "Enter a full address starting with https:// or http://.");

        var admin = await _workContext.GetCurrentCustomerAsync();
        var store = await _storeContext.GetCurrentStoreAsync();
        var delivery = $"test:{Guid.NewGuid():N}";
        //a payload of the channel's shape, marked as a test, with no customer's address in it
        var payload = new WebhookPayload("customflows.test", delivery, "0", 0, "test", 0, admin.Id, null, store.Id,
            _timeProvider.GetUtcNow().UtcDateTime, null);
        var body = JsonSerializer.SerializeToUtf8Bytes(payload, JsonOptions);

        try
        {
            var status = await _webhookClient.PostAsync(address, body, _settings.WebhookSecret, "customflows.test", delivery,
                _settings.WebhookAllowPrivateAddresses);
            return (status, status is >= 200 and < 300 ? "The address accepted the call." : "The address answered with an error.");
        }
        catch (Exception exception) when (WebhookChannel.FindRefusal(exception) is { } refused)
        {
            return (0, refused.Message);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return (0, $"No answer: {exception.Message}");
        }
    }

    #endregion

    #region Utilities

    private static FlowActionRequest TrialRequest(string templateName, int customerId, int storeId, DateTime nowUtc) => new(new FlowEffect
    {
        IdempotencyKey = $"test:{Guid.NewGuid():N}",
        FlowId = "0",
        NodeId = "test",
        Visit = 1,
        CustomerId = customerId,
        StoreId = storeId,
        CreatedOnUtc = nowUtc,
        Action = new SendEmailAction { Template = templateName }
    }, FlowActionContext.Empty);

    #endregion
}
