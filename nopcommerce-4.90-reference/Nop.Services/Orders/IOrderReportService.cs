namespace Nop.Services.Orders;

public partial interface IOrderReportService
{
    Task<int[]> GetAlsoPurchasedProductsIdsAsync(int storeId, int productId, int recordsToReturn = 5, bool visibleIndividuallyOnly = true, bool showHidden = false);
}
