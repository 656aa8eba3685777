using Nop.Core.Domain.Customers;

namespace Nop.Services.Customers;

public partial interface ICustomerService
{
    Task<IList<Customer>> GetCustomersByIdsAsync(int[] customerIds);

    Task<Customer> GetCustomerByIdAsync(int customerId);

    Task<Customer> GetCustomerByEmailAsync(string email);

    Task<IList<CustomerRole>> GetCustomerRolesAsync(Customer customer, bool showHidden = false);

    Task<string> GetCustomerFullNameAsync(Customer customer);

    Task<bool> IsRegisteredAsync(Customer customer, bool onlyActiveCustomerRoles = true);
}
