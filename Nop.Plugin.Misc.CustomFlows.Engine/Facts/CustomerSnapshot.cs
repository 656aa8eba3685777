using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Triggers;
using Nop.Plugin.Misc.CustomFlows.Engine.Ports;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Facts;

/// <summary>
/// Customer facts held in memory: what the simulator and tests use, and what a shop adapter can fill
/// when it prefers loading everything at once over answering each question itself.
/// </summary>
public sealed class CustomerSnapshot : ICustomerFacts
{
    /// <inheritdoc />
    public int CustomerId { get; set; }

    /// <inheritdoc />
    public bool IsRegistered { get; set; }

    /// <inheritdoc />
    public string CountryCode { get; set; }

    /// <inheritdoc />
    public string LanguageCode { get; set; }

    /// <inheritdoc />
    public TimeZoneInfo TimeZone { get; set; }

    /// <inheritdoc />
    public bool NewsletterSubscribed { get; set; }

    /// <inheritdoc />
    public int Score { get; set; }

    /// <inheritdoc />
    public string FunnelStage { get; set; }

    /// <summary>The customer's tags.</summary>
    public HashSet<string> Tags { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The customer's role system names.</summary>
    public HashSet<string> Roles { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The customer's orders, oldest first.</summary>
    public List<OrderFact> Orders { get; set; } = new();

    /// <summary>Products in the current cart.</summary>
    public List<ProductRef> Cart { get; set; } = new();

    /// <inheritdoc />
    public decimal CartValue { get; set; }

    /// <summary>Messages sent to the customer, oldest first.</summary>
    public List<SentMessage> Messages { get; set; } = new();

    /// <inheritdoc />
    public IReadOnlyList<SentMessage> RecentMessages => Messages;

    /// <inheritdoc />
    public DateTime? LastOrderOnUtc => Orders.Count == 0 ? null : Orders.Max(o => o.PlacedOnUtc);

    /// <inheritdoc />
    public bool HasTag(string tag) => tag != null && Tags.Contains(tag);

    /// <inheritdoc />
    public bool HasRole(string roleSystemName) => roleSystemName != null && Roles.Contains(roleSystemName);

    /// <inheritdoc />
    public int CountOrders(DateTime? afterUtc)
    {
        var count = 0;
        foreach (var order in Orders)
        {
            if (afterUtc == null || order.PlacedOnUtc > afterUtc)
                count++;
        }

        return count;
    }

    /// <inheritdoc />
    public decimal SumOrders(DateTime? afterUtc)
    {
        var sum = 0m;
        foreach (var order in Orders)
        {
            if (afterUtc == null || order.PlacedOnUtc > afterUtc)
                sum += order.Total;
        }

        return sum;
    }

    /// <inheritdoc />
    public bool Purchased(ProductScope scope, DateTime afterUtc)
    {
        foreach (var order in Orders)
        {
            if (order.PlacedOnUtc > afterUtc && (IsAny(scope) || order.Items.Any(item => InScope(scope, item))))
                return true;
        }

        return false;
    }

    /// <inheritdoc />
    public bool CartContains(ProductScope scope) => Cart.Any(item => InScope(scope, item));

    private static bool IsAny(ProductScope scope) => scope == null || scope.Kind == ProductScopeKind.Any;

    private static bool InScope(ProductScope scope, ProductRef item) =>
        ProductScopeMatcher.Matches(scope, [item.ProductId], item.CategoryIds, item.AncestorCategoryIds);
}
