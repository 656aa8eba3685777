using Nop.Core;
using Nop.Core.Domain.Messages;

namespace Nop.Services.Messages;

public partial interface IQueuedEmailService
{
    Task InsertQueuedEmailAsync(QueuedEmail queuedEmail);

    Task<QueuedEmail> GetQueuedEmailByIdAsync(int queuedEmailId);

    Task<IPagedList<QueuedEmail>> SearchEmailsAsync(string fromEmail, string toEmail, DateTime? createdFromUtc, DateTime? createdToUtc, bool loadNotSentItemsOnly, bool loadOnlyItemsToBeSent, int maxSendTries, bool loadNewest, int pageIndex = 0, int pageSize = int.MaxValue);
}
