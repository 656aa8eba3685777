using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Messages;
using Nop.Core.Domain.Stores;

namespace Nop.Services.Messages;

public partial interface IMessageTokenProvider
{
    Task AddStoreTokensAsync(IList<Token> tokens, Store store, EmailAccount emailAccount, int languageId);

    Task AddCustomerTokensAsync(IList<Token> tokens, Customer customer);
}
