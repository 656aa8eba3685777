using Nop.Core.Domain.Catalog;

namespace Nop.Plugin.Misc.CustomFlows.Services.Channels.Email;

/// <summary>
/// The recommendations e-mails show: bought together first, topped up from the same categories, then from the
/// store's bestsellers, until the count is reached
/// </summary>
public class CombinedRecommendedProducts : IRecommendedProductsSource
{
    #region Fields

    private readonly IReadOnlyList<IRecommendedProductsSource> _sources;

    #endregion

    #region Ctor

    public CombinedRecommendedProducts(BoughtTogetherRecommendedProducts boughtTogether,
        SameCategoryRecommendedProducts sameCategory,
        BestsellerRecommendedProducts bestsellers)
    {
        _sources = [boughtTogether, sameCategory, bestsellers];
    }

    #endregion

    #region Methods

    /// <inheritdoc />
    public async Task<IList<Product>> GetRecommendedProductsAsync(int storeId, IReadOnlyCollection<int> seedProductIds, int count)
    {
        var recommended = new List<Product>();
        foreach (var source in _sources)
        {
            if (recommended.Count >= count)
                break;

            //a source may name products an earlier one chose: ask for enough to top up after dropping those
            var chosen = recommended.Select(product => product.Id).ToHashSet();
            var more = await source.GetRecommendedProductsAsync(storeId, seedProductIds ?? [], count);
            recommended.AddRange(more.Where(product => !chosen.Contains(product.Id)).Take(count - recommended.Count));
        }

        return recommended;
    }

    #endregion
}
