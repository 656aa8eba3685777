using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Triggers;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Facts;

/// <summary>
/// The one place that decides whether products fall into a <see cref="ProductScope"/>, so triggers,
/// waits and conditions agree.
/// </summary>
public static class ProductScopeMatcher
{
    /// <summary>
    /// Whether any of the products is in the scope.
    /// </summary>
    /// <param name="scope">The scope; null or "any" matches everything, even no products.</param>
    /// <param name="productIds">The products.</param>
    /// <param name="categoryIds">Categories the products are directly in.</param>
    /// <param name="ancestorCategoryIds">Parents of those categories.</param>
    public static bool Matches(ProductScope scope, int[] productIds, int[] categoryIds, int[] ancestorCategoryIds)
    {
        if (scope == null || scope.Kind == ProductScopeKind.Any)
            return true;

        var id = scope.Id ?? 0;
        return scope.Kind switch
        {
            ProductScopeKind.Product => Contains(productIds, id),
            ProductScopeKind.Category => Contains(categoryIds, id) || scope.IncludeSubcategories && Contains(ancestorCategoryIds, id),
            _ => false
        };
    }

    private static bool Contains(int[] values, int value) => values != null && Array.IndexOf(values, value) >= 0;
}
