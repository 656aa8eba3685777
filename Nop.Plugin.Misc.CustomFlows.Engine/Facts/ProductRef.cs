namespace Nop.Plugin.Misc.CustomFlows.Engine.Facts;

/// <summary>
/// A product in a cart or order, with its categories, for scope matching.
/// </summary>
/// <param name="ProductId">The product.</param>
/// <param name="CategoryIds">Categories it is directly in.</param>
/// <param name="AncestorCategoryIds">Parents of those categories.</param>
public sealed record ProductRef(int ProductId, int[] CategoryIds, int[] AncestorCategoryIds)
{
    /// <summary>
    /// A product without category information.
    /// </summary>
    public static ProductRef Of(int productId) => new(productId, [], []);
}

/// <summary>
/// A placed order as facts know it.
/// </summary>
/// <param name="PlacedOnUtc">When it was placed.</param>
/// <param name="Total">Order total.</param>
/// <param name="Items">Its products.</param>
public sealed record OrderFact(DateTime PlacedOnUtc, decimal Total, IReadOnlyList<ProductRef> Items);
