using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Triggers;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Ports;

/// <summary>
/// What the engine may know about a customer while it evaluates conditions and guardrails.
/// Synchronous on purpose: the caller loads the facts once (see <see cref="ICustomerFactsSource"/>)
/// and the interpreter asks many small questions without waiting on I/O.
/// </summary>
public interface ICustomerFacts
{
    /// <summary>The customer.</summary>
    int CustomerId { get; }

    /// <summary>Registered (true) or guest (false).</summary>
    bool IsRegistered { get; }

    /// <summary>ISO two-letter country code, or null when unknown.</summary>
    string CountryCode { get; }

    /// <summary>Language code ("pl"), or null when unknown.</summary>
    string LanguageCode { get; }

    /// <summary>The customer's time zone, or null to use the store's.</summary>
    TimeZoneInfo TimeZone { get; }

    /// <summary>Whether the customer agreed to the newsletter.</summary>
    bool NewsletterSubscribed { get; }

    /// <summary>The customer's lead score.</summary>
    int Score { get; }

    /// <summary>The customer's funnel stage, or null.</summary>
    string FunnelStage { get; }

    /// <summary>Whether the customer has a tag (ignoring case).</summary>
    bool HasTag(string tag);

    /// <summary>Whether the customer has a role, by system name (ignoring case).</summary>
    bool HasRole(string roleSystemName);

    /// <summary>Number of orders placed strictly after <paramref name="afterUtc"/> (all orders when null).</summary>
    int CountOrders(DateTime? afterUtc);

    /// <summary>Total of the orders placed strictly after <paramref name="afterUtc"/> (all orders when null).</summary>
    decimal SumOrders(DateTime? afterUtc);

    /// <summary>When the last order was placed, or null when there is none.</summary>
    DateTime? LastOrderOnUtc { get; }

    /// <summary>Whether an order placed strictly after <paramref name="afterUtc"/> contains a product in the scope (null scope: any).</summary>
    bool Purchased(ProductScope scope, DateTime afterUtc);

    /// <summary>Value of the current cart.</summary>
    decimal CartValue { get; }

    /// <summary>Whether the current cart holds a product in the scope (null scope: any, i.e. the cart is not empty).</summary>
    bool CartContains(ProductScope scope);

    /// <summary>
    /// Messages sent to the customer recently by any flow, oldest first, at least as far back as the
    /// longest message budget or frequency cap period.
    /// </summary>
    IReadOnlyList<SentMessage> RecentMessages { get; }
}
