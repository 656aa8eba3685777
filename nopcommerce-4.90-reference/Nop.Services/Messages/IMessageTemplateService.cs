using Nop.Core.Domain.Messages;

namespace Nop.Services.Messages;

public partial interface IMessageTemplateService
{
    Task<IList<MessageTemplate>> GetAllMessageTemplatesAsync(int storeId, string keywords = null, bool? isActive = null, int emailAccountId = 0);

    Task<IList<MessageTemplate>> GetMessageTemplatesByNameAsync(string messageTemplateName, int? storeId = null);

    Task InsertMessageTemplateAsync(MessageTemplate messageTemplate);

    Task DeleteMessageTemplateAsync(MessageTemplate messageTemplate);
}
