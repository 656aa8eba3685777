using Nop.Plugin.Misc.CustomFlows.Engine.Facts;

namespace Nop.Plugin.Misc.CustomFlows.Simulation;

/// <summary>
/// A customer of the simulated shop: the facts the engine sees, plus what only the simulator needs
/// (home store, dates that raise date events).
/// </summary>
public sealed class SimulatedCustomer
{
    /// <summary>
    /// Creates a customer with default facts (a guest without consent, in store 1).
    /// </summary>
    public SimulatedCustomer(int id)
    {
        Facts = new CustomerSnapshot { CustomerId = id };
    }

    /// <summary>
    /// Creates a customer whose facts the host has read (the backtest: the shop's customer as of the window's start).
    /// </summary>
    public SimulatedCustomer(CustomerSnapshot facts)
    {
        Facts = facts ?? throw new ArgumentNullException(nameof(facts));
    }

    /// <summary>The customer id.</summary>
    public int Id => Facts.CustomerId;

    /// <summary>What the engine sees; the simulator keeps it current as events and actions happen.</summary>
    public CustomerSnapshot Facts { get; }

    /// <summary>E-mail address, for reports only.</summary>
    public string Email { get; set; }

    /// <summary>The store used for events that name none.</summary>
    public int StoreId { get; set; } = 1;

    /// <summary>Dates that can start date flows, by field name ("birthday", "subscriptionEndsOn").</summary>
    public Dictionary<string, DateOnly> Dates { get; } = new(StringComparer.OrdinalIgnoreCase);
}
