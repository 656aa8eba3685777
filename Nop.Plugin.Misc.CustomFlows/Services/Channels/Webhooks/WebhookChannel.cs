using System.Text.Json;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;
using Nop.Plugin.Misc.CustomFlows.Services.Actions;
using Nop.Services.Customers;

namespace Nop.Plugin.Misc.CustomFlows.Services.Channels.Webhooks;

/// <summary>
/// Posts the run's details to another system as signed JSON. Server errors, timeouts and lost connections are
/// retried with growing waits (the plugin's first wait, then twice as long each time) up to the plugin's number of
/// attempts; a refused address or a client error (4xx other than 408 and 429) is final at once.
/// </summary>
/// <remarks>
/// Every attempt carries the same delivery id (the action's key), so a receiver that saw it already can drop the
/// repeat; after a crash between the call and its record the call is made again under that id.
/// </remarks>
public class WebhookChannel : IFlowActionChannel
{
    #region Fields

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly CustomFlowsSettings _settings;
    private readonly ICustomerService _customerService;
    private readonly TimeProvider _timeProvider;
    private readonly WebhookClient _webhookClient;

    #endregion

    #region Ctor

    public WebhookChannel(CustomFlowsSettings settings,
        ICustomerService customerService,
        TimeProvider timeProvider,
        WebhookClient webhookClient)
    {
        _settings = settings;
        _customerService = customerService;
        _timeProvider = timeProvider;
        _webhookClient = webhookClient;
    }

    #endregion

    #region Utilities

    private static bool IsWorthRetrying(int statusCode) => statusCode is >= 500 or 408 or 429;

    /// <summary>
    /// The address refusal behind a failed call, if that is why it failed
    /// </summary>
    internal static WebhookAddressRefusedException FindRefusal(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is WebhookAddressRefusedException refused)
                return refused;
        }

        return null;
    }

    #endregion

    #region Methods

    /// <inheritdoc />
    public FlowChannel GetLogChannel(FlowAction action) => action is WebhookAction ? FlowChannel.Webhook : FlowChannel.None;

    /// <inheritdoc />
    public async Task<FlowActionResult> PerformAsync(FlowActionRequest request)
    {
        var action = (WebhookAction)request.Action;
        var effect = request.Effect;

        if (!Uri.TryCreate(action.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            return FlowActionResult.Failed($"'{action.Url}' is not an http or https address");

        //an unsigned call could be forged by anyone; the receiver cannot tell this shop's calls apart without the secret
        if (string.IsNullOrWhiteSpace(_settings.WebhookSecret))
            return FlowActionResult.Failed("No webhook secret is set (Configure page): webhooks are not sent unsigned");

        var customer = await _customerService.GetCustomerByIdAsync(effect.CustomerId);
        //a deleted (or erased) customer's details never leave the shop again
        if (customer is null || customer.Deleted)
            return FlowActionResult.Skipped($"Customer {effect.CustomerId} no longer exists");

        var payload = new WebhookPayload(action.EventName, effect.IdempotencyKey, effect.FlowId, effect.FlowVersion, effect.NodeId,
            effect.RunId, effect.CustomerId, string.IsNullOrEmpty(customer?.Email) ? null : customer.Email, effect.StoreId,
            effect.CreatedOnUtc, effect.Variant);
        var body = JsonSerializer.SerializeToUtf8Bytes(payload, JsonOptions);

        var maxAttempts = Math.Max(_settings.WebhookMaxAttempts, 1);
        var delay = TimeSpan.FromSeconds(Math.Max(_settings.WebhookRetryDelaySeconds, 0));
        string lastError = null;
        int? lastStatus = null;

        for (var attempt = 1; attempt <= maxAttempts; attempt++)
        {
            if (attempt > 1)
            {
                await Task.Delay(delay, _timeProvider);
                delay *= 2;
            }

            try
            {
                //signed per attempt: the timestamp is part of what is signed, so a receiver can refuse an old (replayed) call
                var status = await _webhookClient.PostAsync(url, body, _settings.WebhookSecret, action.EventName, effect.IdempotencyKey,
                    _settings.WebhookAllowPrivateAddresses);
                lastStatus = status;
                if (status is >= 200 and < 300)
                    return FlowActionResult.Succeeded($"Webhook answered {status} after {attempt} attempt(s)") with { HttpStatusCode = status };

                lastError = $"answered {status}";
                if (!IsWorthRetrying(status))
                    break;
            }
            catch (Exception exception) when (FindRefusal(exception) is { } refused)
            {
                return FlowActionResult.Failed($"Webhook refused: {refused.Message}");
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                lastError = exception is TaskCanceledException ? "timed out" : exception.Message;
            }
        }

        return FlowActionResult.Failed($"Webhook to {url.Host} failed: {lastError}") with { HttpStatusCode = lastStatus };
    }

    /// <inheritdoc />
    public Task<FlowActionResult> FindPerformedAsync(FlowActionRequest request, DateTime startedOnUtc) =>
        //whether the receiver got the interrupted call cannot be known here; it is posted again with the same delivery id
        Task.FromResult<FlowActionResult>(null);

    #endregion
}
