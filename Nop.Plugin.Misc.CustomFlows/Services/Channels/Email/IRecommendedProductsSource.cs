using Nop.Core.Domain.Catalog;

namespace Nop.Plugin.Misc.CustomFlows.Services.Channels.Email;

/// <summary>
/// Products to recommend in a flow's e-mail (%CustomFlows.RecommendedProducts%)
/// </summary>
public interface IRecommendedProductsSource
{
    /// <summary>
    /// Gets products to recommend for what the customer looked at or has in the cart
    /// </summary>
    /// <param name="storeId">Store identifier</param>
    /// <param name="seedProductIds">Products the recommendation starts from (viewed product, cart items)</param>
    /// <param name="count">At most this many</param>
    /// <returns>Published products, none of the seeds, best first</returns>
    Task<IList<Product>> GetRecommendedProductsAsync(int storeId, IReadOnlyCollection<int> seedProductIds, int count);
}
