using Nop.Services.Catalog;

namespace Nop.Plugin.Misc.CustomFlows.Services.Catalog;

/// <summary>
/// The categories of products together with all their ancestors, so a flow scoped to a category
/// "with subcategories" matches a product filed deeper in the tree
/// </summary>
public class ProductCategoryResolver
{
    #region Fields

    /// <summary>
    /// Deepest category tree walked: a damaged tree with a cycle must not hang a job
    /// </summary>
    public const int MaxDepth = 32;

    private readonly ICategoryService _categoryService;

    #endregion

    #region Ctor

    public ProductCategoryResolver(ICategoryService categoryService)
    {
        _categoryService = categoryService;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Gets each product's own categories and their ancestors
    /// </summary>
    /// <param name="productIds">Product identifiers</param>
    public async Task<IReadOnlyDictionary<int, ProductCategories>> ResolveAsync(IEnumerable<int> productIds)
    {
        var ids = productIds.Distinct().ToArray();
        var result = new Dictionary<int, ProductCategories>();
        if (ids.Length == 0)
            return result;

        var byProduct = await _categoryService.GetProductCategoryIdsAsync(ids);
        var parents = new Dictionary<int, int>();
        foreach (var productId in ids)
        {
            var categories = byProduct.TryGetValue(productId, out var found) ? found : Array.Empty<int>();
            var ancestors = new HashSet<int>();
            foreach (var categoryId in categories)
            {
                var current = categoryId;
                for (var depth = 0; depth < MaxDepth; depth++)
                {
                    if (!parents.TryGetValue(current, out var parent))
                    {
                        parent = (await _categoryService.GetCategoryByIdAsync(current))?.ParentCategoryId ?? 0;
                        parents[current] = parent;
                    }

                    if (parent <= 0 || !ancestors.Add(parent))
                        break;
                    current = parent;
                }
            }

            result[productId] = new ProductCategories(categories, ancestors.ToArray());
        }

        return result;
    }

    #endregion
}

/// <summary>
/// A product's own categories and their ancestors
/// </summary>
public record ProductCategories(int[] Categories, int[] Ancestors);
