namespace Nop.Plugin.Misc.CustomFlows.Services.Channels.Links;

/// <summary>
/// Storefront addresses the plugin's e-mails link to; each carries a signed token, so it works without login and
/// cannot be forged for another customer
/// </summary>
public interface ICustomFlowsUrlBuilder
{
    /// <summary>
    /// Gets the one-click unsubscribe address: it ends the address's marketing consent in the store and every
    /// marketing flow for it
    /// </summary>
    /// <param name="storeId">Store identifier</param>
    /// <param name="customerId">Customer identifier</param>
    /// <param name="email">The address the e-mail went to</param>
    Task<string> GetUnsubscribeUrlAsync(int storeId, int customerId, string email);

    /// <summary>
    /// Gets the address of the 1x1 image that reports an e-mail as opened
    /// </summary>
    /// <param name="storeId">Store identifier</param>
    /// <param name="idempotencyKey">Key of the e-mail action (run, node, visit)</param>
    Task<string> GetOpenTrackingUrlAsync(int storeId, string idempotencyKey);

    /// <summary>
    /// Gets the address that reports a click and redirects to the target
    /// </summary>
    /// <param name="storeId">Store identifier</param>
    /// <param name="idempotencyKey">Key of the e-mail action (run, node, visit)</param>
    /// <param name="targetUrl">Where the link really goes</param>
    Task<string> GetClickTrackingUrlAsync(int storeId, string idempotencyKey, string targetUrl);

    /// <summary>
    /// Gets the token the storefront pop-up script sends with its answers (shown, clicked, dismissed), so an answer
    /// can only come from the page the pop-up was shown on, for the customer it was made for
    /// </summary>
    /// <param name="popupId">Pending pop-up identifier</param>
    /// <param name="customerId">The customer the pop-up is for</param>
    Task<string> CreatePopupAnswerTokenAsync(int popupId, int customerId);
}
