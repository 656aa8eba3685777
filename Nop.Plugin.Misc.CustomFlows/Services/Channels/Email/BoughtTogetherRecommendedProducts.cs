using Nop.Core.Domain.Catalog;
using Nop.Services.Catalog;
using Nop.Services.Orders;

namespace Nop.Plugin.Misc.CustomFlows.Services.Channels.Email;

/// <summary>
/// "Bought together": products that other customers' orders contained along with the seed products, from
/// nopCommerce's also-purchased report. Products bought with several seeds come first.
/// </summary>
public class BoughtTogetherRecommendedProducts : IRecommendedProductsSource
{
    #region Fields

    private readonly IOrderReportService _orderReportService;
    private readonly IProductService _productService;

    #endregion

    #region Ctor

    public BoughtTogetherRecommendedProducts(IOrderReportService orderReportService, IProductService productService)
    {
        _orderReportService = orderReportService;
        _productService = productService;
    }

    #endregion

    #region Methods

    /// <inheritdoc />
    public async Task<IList<Product>> GetRecommendedProductsAsync(int storeId, IReadOnlyCollection<int> seedProductIds, int count)
    {
        if (count <= 0 || seedProductIds is null || seedProductIds.Count == 0)
            return [];

        var seeds = seedProductIds.ToHashSet();
        var votes = new Dictionary<int, (int Count, int FirstSeen)>();
        var order = 0;
        foreach (var seedId in seeds)
        {
            //ask for more than needed: seeds, and products unpublished since the report was cached, are dropped below
            var alsoPurchased = await _orderReportService.GetAlsoPurchasedProductsIdsAsync(storeId, seedId, recordsToReturn: count * 2 + seeds.Count);
            foreach (var productId in alsoPurchased.Where(id => !seeds.Contains(id)))
                votes[productId] = votes.TryGetValue(productId, out var vote) ? (vote.Count + 1, vote.FirstSeen) : (1, order++);
        }

        if (votes.Count == 0)
            return [];

        var ranked = votes.OrderByDescending(pair => pair.Value.Count).ThenBy(pair => pair.Value.FirstSeen).Select(pair => pair.Key).ToArray();
        var products = (await _productService.GetProductsByIdsAsync(ranked)).ToDictionary(product => product.Id);

        return ranked
            .Where(products.ContainsKey)
            .Select(id => products[id])
            .Where(product => product.Published && !product.Deleted)
            .Take(count)
            .ToList();
    }

    #endregion
}
