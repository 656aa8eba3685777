using Nop.Core.Domain.Messages;
using Nop.Services.Messages;

namespace Nop.Plugin.Misc.CustomFlows.Services.Channels.Email;

/// <summary>
/// Puts the plugin's e-mails into nopCommerce's queue with the action's key hidden in the body, so an e-mail queued
/// by a worker that stopped before recording it can be found again instead of being sent twice
/// </summary>
public class FlowEmailQueue
{
    #region Fields

    private readonly IQueuedEmailService _queuedEmailService;

    #endregion

    #region Ctor

    public FlowEmailQueue(IQueuedEmailService queuedEmailService)
    {
        _queuedEmailService = queuedEmailService;
    }

    #endregion

    #region Utilities

    /// <summary>
    /// An HTML comment: invisible to the reader, searchable in the queue
    /// </summary>
    /// <param name="idempotencyKey">Key of the action</param>
    public static string MarkerOf(string idempotencyKey) => $"<!-- custom-flows-action:{idempotencyKey.Replace("--", "")} -->";

    /// <summary>
    /// The invisible end of a marketing e-mail's body that carries its signed unsubscribe address, which
    /// <see cref="ListUnsubscribeEmailSender"/> turns into the List-Unsubscribe headers when the queue sends it
    /// </summary>
    /// <param name="unsubscribeUrl">The e-mail's unsubscribe address</param>
    public static string UnsubscribeMarkerOf(string unsubscribeUrl) =>
        //base64: a comment may not hold "--", which a token can
        $"{UnsubscribeMarkerStart}{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(unsubscribeUrl))} -->";

    /// <summary>
    /// How the unsubscribe marker starts
    /// </summary>
    public const string UnsubscribeMarkerStart = "<!-- custom-flows-unsubscribe:";

    #endregion

    #region Methods

    /// <summary>
    /// Queues an e-mail marked with the action's key
    /// </summary>
    /// <param name="email">The e-mail; its body gets the marker</param>
    /// <param name="idempotencyKey">Key of the action</param>
    public async Task<QueuedEmail> QueueAsync(QueuedEmail email, string idempotencyKey, string unsubscribeUrl = null)
    {
        email.Body = (email.Body ?? string.Empty) + MarkerOf(idempotencyKey)
            + (string.IsNullOrEmpty(unsubscribeUrl) ? string.Empty : UnsubscribeMarkerOf(unsubscribeUrl));
        await _queuedEmailService.InsertQueuedEmailAsync(email);

        return email;
    }

    /// <summary>
    /// Finds the e-mail an action queued; null when there is none
    /// </summary>
    /// <param name="to">Recipient address</param>
    /// <param name="idempotencyKey">Key of the action</param>
    /// <param name="sinceUtc">When the action was started; the e-mail cannot be older</param>
    public async Task<QueuedEmail> FindAsync(string to, string idempotencyKey, DateTime sinceUtc)
    {
        if (string.IsNullOrEmpty(to))
            return null;

        var marker = MarkerOf(idempotencyKey);
        var candidates = await _queuedEmailService.SearchEmailsAsync(fromEmail: null, toEmail: to,
            createdFromUtc: sinceUtc, createdToUtc: null,
            loadNotSentItemsOnly: false, loadOnlyItemsToBeSent: false, maxSendTries: int.MaxValue, loadNewest: true);

        return candidates.FirstOrDefault(email => email.Body?.Contains(marker, StringComparison.Ordinal) == true);
    }

    #endregion
}
