namespace Nop.Plugin.Misc.CustomFlows.Services.Customers;

/// <summary>
/// Reads a customer's flow state for the admin customer page
/// </summary>
public interface ICustomerFlowProfileService
{
    /// <summary>
    /// Gets the flow profile of a customer (an empty profile when flows know nothing about them)
    /// </summary>
    /// <param name="customerId">Customer identifier</param>
    Task<CustomerFlowProfile> GetProfileAsync(int customerId);
}
