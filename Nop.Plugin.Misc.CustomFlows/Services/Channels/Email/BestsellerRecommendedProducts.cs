using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Payments;
using Nop.Services.Catalog;
using Nop.Services.Orders;

namespace Nop.Plugin.Misc.CustomFlows.Services.Channels.Email;

/// <summary>
/// "Bestsellers": the store's most sold products (by quantity, paid orders) of the last <see cref="Period"/>;
/// needs no seed, so it also serves a customer with an empty cart
/// </summary>
public class BestsellerRecommendedProducts : IRecommendedProductsSource
{
    #region Fields

    /// <summary>
    /// How far back sales count: recent enough to be current, and bounded so the report stays cheap
    /// </summary>
    public static readonly TimeSpan Period = TimeSpan.FromDays(30);

    private readonly IOrderReportService _orderReportService;
    private readonly IProductService _productService;
    private readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public BestsellerRecommendedProducts(IOrderReportService orderReportService, IProductService productService, TimeProvider timeProvider)
    {
        _orderReportService = orderReportService;
        _productService = productService;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Methods

    /// <inheritdoc />
    public async Task<IList<Product>> GetRecommendedProductsAsync(int storeId, IReadOnlyCollection<int> seedProductIds, int count)
    {
        if (count <= 0)
            return [];

        seedProductIds ??= [];
        var bestsellers = await _orderReportService.BestSellersReportAsync(storeId: storeId,
            createdFromUtc: _timeProvider.GetUtcNow().UtcDateTime - Period,
            ps: PaymentStatus.Paid,
            orderBy: OrderByEnum.OrderByQuantity,
            pageSize: count * 2 + seedProductIds.Count);

        var votes = new RecommendationVotes(seedProductIds);
        votes.Add(bestsellers.Select(line => line.ProductId));

        return await votes.GetBestAsync(_productService, count);
    }

    #endregion
}
