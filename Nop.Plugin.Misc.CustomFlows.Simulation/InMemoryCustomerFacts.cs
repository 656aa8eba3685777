using Nop.Plugin.Misc.CustomFlows.Engine.Ports;

namespace Nop.Plugin.Misc.CustomFlows.Simulation;

/// <summary>
/// The customer facts port in memory: the simulated shop's customers, created on first sight
/// (a shop has guests nobody listed).
/// </summary>
public sealed class InMemoryCustomerFacts : ICustomerFactsSource
{
    private readonly Dictionary<int, SimulatedCustomer> _customers = new();

    /// <summary>Number of customers known.</summary>
    public int Count => _customers.Count;

    /// <summary>All customers known, in no particular order.</summary>
    public IEnumerable<SimulatedCustomer> All => _customers.Values;

    /// <summary>
    /// Adds a customer from the customers file.
    /// </summary>
    public void Add(SimulatedCustomer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        _customers[customer.Id] = customer;
    }

    /// <summary>
    /// The customer, created with default facts when not known yet.
    /// </summary>
    public SimulatedCustomer GetOrCreate(int customerId)
    {
        if (!_customers.TryGetValue(customerId, out var customer))
            _customers[customerId] = customer = new SimulatedCustomer(customerId);
        return customer;
    }

    /// <inheritdoc />
    public Task<ICustomerFacts> GetFactsAsync(int customerId, int storeId, CancellationToken cancellationToken = default) =>
        Task.FromResult<ICustomerFacts>(_customers.TryGetValue(customerId, out var customer) ? customer.Facts : null);
}
