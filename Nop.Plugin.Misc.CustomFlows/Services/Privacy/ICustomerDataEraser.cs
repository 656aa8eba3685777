namespace Nop.Plugin.Misc.CustomFlows.Services.Privacy;

/// <summary>
/// Removes what the plugin holds about a customer when the shop deletes or erases them
/// </summary>
public interface ICustomerDataEraser
{
    /// <summary>
    /// Deletes the customer's flow state, runs, pending pop-ups, action log and inbox events (also events that name
    /// their address under another customer id), and takes their id off the flow versions they published
    /// </summary>
    /// <param name="customerId">Customer identifier</param>
    /// <param name="email">The customer's address (as it was; nopCommerce's "-DELETED" suffix is ignored); may be empty</param>
    Task EraseAsync(int customerId, string email);
}
