using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Nop.Plugin.Misc.CustomFlows.Services.Channels.Webhooks;

/// <summary>
/// The HTTP client webhooks are posted with (a typed client of the shop's HttpClientFactory). Its connections go
/// through <see cref="WebhookAddressPolicy"/>, it never follows a redirect, never uses the machine's proxy
/// (HTTP_PROXY / HTTPS_PROXY) and uses the plugin's own proxy only when the admin set one; its calls time out after
/// the plugin's setting and every attempt is signed with its own timestamp.
/// </summary>
public class WebhookClient
{
    #region Fields

    /// <summary>Header with "sha256=" and the hex HMAC-SHA256 of "{timestamp}.{body}" under the plugin's webhook secret</summary>
    public const string SignatureHeader = "X-CustomFlows-Signature";

    /// <summary>Header with the signing time of the attempt, in Unix seconds; part of what is signed</summary>
    public const string TimestampHeader = "X-CustomFlows-Timestamp";

    /// <summary>Header with the event name of the step</summary>
    public const string EventHeader = "X-CustomFlows-Event";

    /// <summary>Header with the action's key, the same on every attempt, so a receiver can drop repeats</summary>
    public const string DeliveryHeader = "X-CustomFlows-Delivery";

    internal static readonly HttpRequestOptionsKey<bool> AllowInternalOption = new("CustomFlows.AllowInternalAddresses");

    private readonly HttpClient _httpClient;
    private readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public WebhookClient(HttpClient httpClient, CustomFlowsSettings settings, TimeProvider timeProvider)
    {
        _httpClient = httpClient;
        _timeProvider = timeProvider;
        _httpClient.Timeout = TimeSpan.FromSeconds(Math.Max(settings.WebhookTimeoutSeconds, 1));
        _httpClient.DefaultRequestHeaders.UserAgent.ParseAdd($"nopCommerce-CustomFlows/{typeof(WebhookClient).Assembly.GetName().Version}");
    }

    #endregion

    #region Utilities

    private static async ValueTask<Stream> ConnectAsync(IPAddress[] addresses, int port, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    #endregion

    #region Methods

    /// <summary>
    /// Creates the handler webhook connections are made with. Without a proxy every connection resolves the host
    /// once, checks every address and connects to those addresses. With the admin's proxy the target is resolved
    /// and checked before the request and the request names the checked address (the proxy connects to it, not to
    /// whatever its own DNS answers); the proxy itself, chosen by the admin, is not checked.
    /// </summary>
    /// <param name="policy">Address policy</param>
    /// <param name="proxyAddress">The admin's webhook proxy (<see cref="CustomFlowsSettings.WebhookProxyAddress"/>); empty for none</param>
    public static HttpMessageHandler CreateHandler(WebhookAddressPolicy policy, string proxyAddress = null)
    {
        Uri proxy = null;
        if (!string.IsNullOrWhiteSpace(proxyAddress) && !Uri.TryCreate(proxyAddress.Trim(), UriKind.Absolute, out proxy))
            throw new WebhookAddressRefusedException($"The webhook proxy '{proxyAddress}' is not an absolute address");

        var sockets = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            //null proxy and no UseProxy: HttpClient.DefaultProxy (HTTP_PROXY and friends) would connect in our place
            UseProxy = proxy is not null,
            Proxy = proxy is null ? null : new WebProxy(proxy) { BypassProxyOnLocal = false },
            ConnectCallback = async (context, cancellationToken) =>
            {
                var endPoint = context.DnsEndPoint;
                if (proxy is not null && string.Equals(endPoint.Host, proxy.IdnHost, StringComparison.OrdinalIgnoreCase) && endPoint.Port == proxy.Port)
                    return await ConnectAsync(await Dns.GetHostAddressesAsync(endPoint.Host, cancellationToken), endPoint.Port, cancellationToken);

                context.InitialRequestMessage.Options.TryGetValue(AllowInternalOption, out var allowInternal);
                var addresses = await policy.ResolveAsync(endPoint.Host, allowInternal, cancellationToken);
                return await ConnectAsync(addresses, endPoint.Port, cancellationToken);
            }
        };

        return proxy is null ? sockets : new CheckedTargetHandler(policy) { InnerHandler = sockets };
    }

    /// <summary>
    /// Computes the signature header value of an attempt
    /// </summary>
    /// <param name="secret">Webhook secret</param>
    /// <param name="timestamp">The attempt's <see cref="TimestampHeader"/> value</param>
    /// <param name="body">The exact bytes sent</param>
    public static string Sign(string secret, string timestamp, byte[] body)
    {
        var signed = Encoding.UTF8.GetBytes(timestamp + ".").Concat(body).ToArray();
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret ?? string.Empty), signed));
    }

    /// <summary>
    /// Posts a JSON body once, signed now
    /// </summary>
    /// <param name="url">Address</param>
    /// <param name="json">Body</param>
    /// <param name="secret">Webhook secret the attempt is signed with</param>
    /// <param name="eventName">Event name header</param>
    /// <param name="deliveryId">Delivery id header, the same on every attempt</param>
    /// <param name="allowInternal">Whether internal addresses may be called</param>
    /// <param name="cancellationToken">Cancellation</param>
    /// <returns>The answer's status code</returns>
    public async Task<int> PostAsync(Uri url, byte[] json, string secret, string eventName, string deliveryId, bool allowInternal,
        CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new ByteArrayContent(json)
        };
        request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        var timestamp = _timeProvider.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        request.Headers.TryAddWithoutValidation(TimestampHeader, timestamp);
        request.Headers.TryAddWithoutValidation(SignatureHeader, Sign(secret, timestamp, json));
        request.Headers.TryAddWithoutValidation(EventHeader, eventName ?? string.Empty);
        request.Headers.TryAddWithoutValidation(DeliveryHeader, deliveryId);
        request.Options.Set(AllowInternalOption, allowInternal);

        using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return (int)response.StatusCode;
    }

    #endregion

    #region Nested classes

    /// <summary>
    /// In front of a proxy: resolves and checks the target once and sends the request to the checked address, with
    /// the host name kept in the Host header (and so in TLS SNI and the certificate check)
    /// </summary>
    private sealed class CheckedTargetHandler : DelegatingHandler
    {
        private readonly WebhookAddressPolicy _policy;

        public CheckedTargetHandler(WebhookAddressPolicy policy)
        {
            _policy = policy;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var target = request.RequestUri!;
            request.Options.TryGetValue(AllowInternalOption, out var allowInternal);
            var address = (await _policy.ResolveAsync(target.IdnHost, allowInternal, cancellationToken))[0];

            request.Headers.Host = target.IsDefaultPort ? target.IdnHost : $"{target.IdnHost}:{target.Port}";
            request.RequestUri = new UriBuilder(target) { Host = address.ToString() }.Uri;

            return await base.SendAsync(request, cancellationToken);
        }
    }

    #endregion
}
