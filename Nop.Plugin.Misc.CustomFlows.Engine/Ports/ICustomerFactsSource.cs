namespace Nop.Plugin.Misc.CustomFlows.Engine.Ports;

/// <summary>
/// Loads a customer's facts; the shop implements it with its services, the simulator from its customer file.
/// </summary>
public interface ICustomerFactsSource
{
    /// <summary>
    /// Loads the facts of a customer as of now, as seen from a store (consent and the cart are per store).
    /// </summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="storeId">The store of the event or run; 0 for any.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The facts, or null when the customer does not exist (any more).</returns>
    Task<ICustomerFacts> GetFactsAsync(int customerId, int storeId, CancellationToken cancellationToken = default);
}
