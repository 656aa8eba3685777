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

        var votes = new RecommendationVotes(seedProductIds);
        foreach (var seedId in seedProductIds.Distinct())
        {
            //ask for more than needed: seeds, and products unpublished since the report was cached, are dropped later
            votes.Add(await _orderReportService.GetAlsoPurchasedProductsIdsAsync(storeId, seedId, recordsToReturn: count * 2 + seedProductIds.Count));
        }

        return await votes.GetBestAsync(_productService, count);
    }

    #endregion
}
