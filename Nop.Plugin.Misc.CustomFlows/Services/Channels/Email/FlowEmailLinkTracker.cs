using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Nop.Plugin.Misc.CustomFlows.Services.Channels.Links;

namespace Nop.Plugin.Misc.CustomFlows.Services.Channels.Email;

/// <summary>
/// Sends the links of a rendered e-mail through the click-tracking address, so a click is reported before the
/// customer lands on the target
/// </summary>
public partial class FlowEmailLinkTracker
{
    #region Fields

    private readonly ICustomFlowsUrlBuilder _urlBuilder;

    #endregion

    #region Ctor

    public FlowEmailLinkTracker(ICustomFlowsUrlBuilder urlBuilder)
    {
        _urlBuilder = urlBuilder;
    }

    #endregion

    #region Utilities

    [GeneratedRegex("(?<before>\\bhref\\s*=\\s*)(?<quote>[\"'])(?<url>https?://[^\"']+)\\k<quote>", RegexOptions.IgnoreCase)]
    private static partial Regex AbsoluteLink();

    #endregion

    #region Methods

    /// <summary>
    /// Rewrites every absolute http(s) link of the body except the excluded ones (the unsubscribe link must work
    /// as it is)
    /// </summary>
    /// <param name="body">Rendered HTML body</param>
    /// <param name="storeId">Store identifier</param>
    /// <param name="idempotencyKey">Key of the e-mail action</param>
    /// <param name="untracked">Links to leave alone</param>
    public async Task<string> TrackLinksAsync(string body, int storeId, string idempotencyKey, IReadOnlyCollection<string> untracked)
    {
        if (string.IsNullOrEmpty(body))
            return body;

        var result = new StringBuilder(body.Length);
        var last = 0;
        foreach (Match link in AbsoluteLink().Matches(body))
        {
            var target = WebUtility.HtmlDecode(link.Groups["url"].Value);
            if (untracked.Contains(target, StringComparer.OrdinalIgnoreCase))
                continue;

            var tracked = await _urlBuilder.GetClickTrackingUrlAsync(storeId, idempotencyKey, target);
            var quote = link.Groups["quote"].Value;
            result.Append(body, last, link.Index - last)
                .Append(link.Groups["before"].Value).Append(quote).Append(WebUtility.HtmlEncode(tracked)).Append(quote);
            last = link.Index + link.Length;
        }

        return result.Append(body, last, body.Length - last).ToString();
    }

    #endregion
}
