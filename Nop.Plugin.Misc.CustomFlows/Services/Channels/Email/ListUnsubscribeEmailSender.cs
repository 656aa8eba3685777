using Nop.Core.Domain.Messages;
using Nop.Plugin.Misc.CustomFlows.Services.Channels.Links;
using Nop.Services.Configuration;
using Nop.Services.Messages;

namespace Nop.Plugin.Misc.CustomFlows.Services.Channels.Email;

/// <summary>
/// Wraps the shop's e-mail sender so the plugin's own marketing e-mails go out with one-click unsubscribe headers:
/// <c>List-Unsubscribe: &lt;signed address&gt;</c> (RFC 2369) and <c>List-Unsubscribe-Post: List-Unsubscribe=One-Click</c>
/// (RFC 8058). nopCommerce's queued sender passes no headers and <see cref="QueuedEmail"/> has no field for them, so
/// the plugin's e-mails are recognised by the unsubscribe marker at the end of their body
/// (<see cref="FlowEmailQueue.UnsubscribeMarkerOf"/>), and only when the address in it is a valid unsubscribe link
/// of this shop for this very recipient. Every other e-mail is passed on unchanged.
/// </summary>
public class ListUnsubscribeEmailSender : IEmailSender
{
    #region Fields

    /// <summary>Header naming where to unsubscribe</summary>
    public const string ListUnsubscribeHeader = "List-Unsubscribe";

    /// <summary>Header saying that a POST to the address unsubscribes at once</summary>
    public const string ListUnsubscribePostHeader = "List-Unsubscribe-Post";

    /// <summary>The only value of <see cref="ListUnsubscribePostHeader"/> (and the one-click POST's body)</summary>
    public const string OneClickValue = "List-Unsubscribe=One-Click";

    private readonly IEmailSender _inner;
    private readonly ISettingService _settingService;
    private readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public ListUnsubscribeEmailSender(IEmailSender inner, ISettingService settingService, TimeProvider timeProvider)
    {
        _inner = inner;
        _settingService = settingService;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Utilities

    /// <summary>
    /// The unsubscribe address a body carries, when it is a valid unsubscribe link of this shop for the recipient
    /// </summary>
    private async Task<string> FindUnsubscribeUrlAsync(string body, string toAddress)
    {
        var start = body?.LastIndexOf(FlowEmailQueue.UnsubscribeMarkerStart, StringComparison.Ordinal) ?? -1;
        if (start < 0)
            return null;

        start += FlowEmailQueue.UnsubscribeMarkerStart.Length;
        var end = body.IndexOf(" -->", start, StringComparison.Ordinal);
        if (end < 0)
            return null;

        string url;
        try
        {
            url = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(body[start..end]));
        }
        catch (FormatException)
        {
            return null;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp)
            return null;

        //a marker anyone could have typed into a message is honoured only with a token this shop sealed for this recipient
        var token = System.Web.HttpUtility.ParseQueryString(address.Query)["token"];
        var settings = await _settingService.LoadSettingAsync<CustomFlowsSettings>();
        if (!FlowLinkToken.TryRead(settings?.LinkSigningKey, FlowLinkToken.Unsubscribe, token, _timeProvider.GetUtcNow().UtcDateTime, out var parts)
            || parts.Length != 3 || !string.Equals(parts[2], toAddress?.Trim(), StringComparison.OrdinalIgnoreCase))
            return null;

        return url;
    }

    #endregion

    #region Methods

    /// <inheritdoc />
    public async Task SendEmailAsync(EmailAccount emailAccount, string subject, string body, string fromAddress, string fromName,
        string toAddress, string toName, string replyToAddress = null, string replyToName = null, IEnumerable<string> bcc = null,
        IEnumerable<string> cc = null, string attachmentFilePath = null, string attachmentFileName = null, int attachedDownloadId = 0,
        IDictionary<string, string> headers = null)
    {
        var unsubscribeUrl = await FindUnsubscribeUrlAsync(body, toAddress);
        if (unsubscribeUrl != null)
        {
            headers = headers is null ? new Dictionary<string, string>() : new Dictionary<string, string>(headers);
            //https only: nopCommerce reads no mailbox, so a mailto: address would unsubscribe nobody
            headers[ListUnsubscribeHeader] = $"<{unsubscribeUrl}>";
            headers[ListUnsubscribePostHeader] = OneClickValue;
        }

        await _inner.SendEmailAsync(emailAccount, subject, body, fromAddress, fromName, toAddress, toName, replyToAddress, replyToName,
            bcc, cc, attachmentFilePath, attachmentFileName, attachedDownloadId, headers);
    }

    #endregion
}
