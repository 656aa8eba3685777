using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Nop.Plugin.Misc.CustomFlows.Services.Channels.Webhooks;

/// <summary>
/// The HTTP client webhooks are posted with (a typed client of the shop's HttpClientFactory). Its connections go
/// through <see cref="WebhookAddressPolicy"/>, its calls time out after the plugin's setting.
/// </summary>
public class WebhookClient
{
    #region Fields

    /// <summary>Header with "sha256=" and the hex HMAC-SHA256 of the body under the plugin's webhook secret</summary>
    public const string SignatureHeader = "X-CustomFlows-Signature";

    /// <summary>Header with the event name of the step</summary>
    public const string EventHeader = "X-CustomFlows-Event";

    /// <summary>Header with the action's key, the same on every attempt, so a receiver can drop repeats</summary>
    public const string DeliveryHeader = "X-CustomFlows-Delivery";

    private static readonly HttpRequestOptionsKey<bool> AllowInternalOption = new("CustomFlows.AllowInternalAddresses");

    private readonly HttpClient _httpClient;

    #endregion

    #region Ctor

    public WebhookClient(HttpClient httpClient, CustomFlowsSettings settings)
    {
        _httpClient = httpClient;
        _httpClient.Timeout = TimeSpan.FromSeconds(Math.Max(settings.WebhookTimeoutSeconds, 1));
        _httpClient.DefaultRequestHeaders.UserAgent.ParseAdd($"nopCommerce-CustomFlows/{typeof(WebhookClient).Assembly.GetName().Version}");
    }

    #endregion

    #region Methods

    /// <summary>
    /// Creates the handler webhook connections are made with: every connection resolves the host and connects only
    /// to addresses the policy allows for that request
    /// </summary>
    /// <param name="policy">Address policy</param>
    public static SocketsHttpHandler CreateHandler(WebhookAddressPolicy policy)
    {
        return new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectCallback = async (context, cancellationToken) =>
            {
                context.InitialRequestMessage.Options.TryGetValue(AllowInternalOption, out var allowInternal);
                var addresses = await policy.ResolveAsync(context.DnsEndPoint.Host, allowInternal, cancellationToken);

                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            }
        };
    }

    /// <summary>
    /// Computes the signature header value of a body
    /// </summary>
    /// <param name="secret">Webhook secret</param>
    /// <param name="body">The exact bytes sent</param>
    public static string Sign(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret ?? string.Empty), body));

    /// <summary>
    /// Posts a JSON body once
    /// </summary>
    /// <param name="url">Address</param>
    /// <param name="json">Body</param>
    /// <param name="headers">Extra headers (signature, event, delivery)</param>
    /// <param name="allowInternal">Whether internal addresses may be called</param>
    /// <param name="cancellationToken">Cancellation</param>
    /// <returns>The answer's status code</returns>
    public async Task<int> PostAsync(Uri url, byte[] json, IReadOnlyDictionary<string, string> headers, bool allowInternal, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new ByteArrayContent(json)
        };
        request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        foreach (var (name, value) in headers)
            request.Headers.TryAddWithoutValidation(name, value);
        request.Options.Set(AllowInternalOption, allowInternal);

        using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return (int)response.StatusCode;
    }

    #endregion
}
