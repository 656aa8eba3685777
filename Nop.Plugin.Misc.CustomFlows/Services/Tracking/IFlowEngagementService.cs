namespace Nop.Plugin.Misc.CustomFlows.Services.Tracking;

/// <summary>
/// What customers do with flows' messages: opens and clicks of e-mails, answers to pop-ups, and
/// unsubscribing. Each becomes an inbox event, so flows can branch on it.
/// </summary>
public interface IFlowEngagementService
{
    /// <summary>
    /// Records that an e-mail was opened (its tracking pixel was loaded)
    /// </summary>
    /// <param name="token">Signed token of the open link</param>
    /// <returns>Whether the token was valid</returns>
    Task<bool> RecordOpenAsync(string token);

    /// <summary>
    /// Records a click on a tracked link
    /// </summary>
    /// <param name="token">Signed token of the click link</param>
    /// <returns>The address to send the customer on to; null when the token is not valid</returns>
    Task<string> RecordClickAsync(string token);

    /// <summary>
    /// Reads an unsubscribe link without changing anything (what its confirmation page shows)
    /// </summary>
    /// <param name="token">Signed token of the unsubscribe link</param>
    /// <returns>The address, partly hidden ("a***@example.com"); null when the token is not valid</returns>
    Task<string> ReadUnsubscribeAsync(string token);

    /// <summary>
    /// Unsubscribes an address from the store's newsletter, which ends every marketing flow for it
    /// </summary>
    /// <param name="token">Signed token of the unsubscribe link</param>
    /// <returns>The unsubscribed address, partly hidden ("a***@example.com"); null when the token is not valid</returns>
    Task<string> UnsubscribeAsync(string token);

    /// <summary>
    /// Records the current customer's answer to one of their pop-ups
    /// </summary>
    /// <param name="popupId">Pending pop-up identifier</param>
    /// <param name="customerId">The current customer</param>
    /// <param name="answer">shown, clicked or dismissed</param>
    /// <param name="token">The pop-up's answer token, written into the page with it</param>
    /// <returns>Whether the pop-up was the customer's, the token its own and the answer known</returns>
    Task<bool> RecordPopupAnswerAsync(int popupId, int customerId, string answer, string token);
}
