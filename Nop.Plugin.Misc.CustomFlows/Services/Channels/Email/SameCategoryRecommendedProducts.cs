using Nop.Core.Domain.Catalog;
using Nop.Services.Catalog;

namespace Nop.Plugin.Misc.CustomFlows.Services.Channels.Email;

/// <summary>
/// "Same category": other products of the seeds' categories, in the categories' display order. Products sharing
/// more of the seeds' categories come first.
/// </summary>
public class SameCategoryRecommendedProducts : IRecommendedProductsSource
{
    #region Fields

    private readonly ICategoryService _categoryService;
    private readonly IProductService _productService;

    #endregion

    #region Ctor

    public SameCategoryRecommendedProducts(ICategoryService categoryService, IProductService productService)
    {
        _categoryService = categoryService;
        _productService = productService;
    }

    #endregion

    #region Methods

    /// <inheritdoc />
    public async Task<IList<Product>> GetRecommendedProductsAsync(int storeId, IReadOnlyCollection<int> seedProductIds, int count)
    {
        if (count <= 0 || seedProductIds is null || seedProductIds.Count == 0)
            return [];

        var categoryIds = new List<int>();
        foreach (var seedId in seedProductIds.Distinct())
            categoryIds.AddRange((await _categoryService.GetProductCategoriesByProductIdAsync(seedId)).Select(mapping => mapping.CategoryId));

        var votes = new RecommendationVotes(seedProductIds);
        foreach (var categoryId in categoryIds.Distinct())
        {
            var inCategory = await _categoryService.GetProductCategoriesByCategoryIdAsync(categoryId, pageSize: count * 2 + seedProductIds.Count);
            votes.Add(inCategory.Select(mapping => mapping.ProductId));
        }

        return await votes.GetBestAsync(_productService, count);
    }

    #endregion
}
