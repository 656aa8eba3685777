using Nop.Core.Domain.Customers;

namespace Nop.Services.Logging;

public partial interface ILogger
{
    Task WarningAsync(string message, Exception exception = null, Customer customer = null);

    Task ErrorAsync(string message, Exception exception = null, Customer customer = null);
}
