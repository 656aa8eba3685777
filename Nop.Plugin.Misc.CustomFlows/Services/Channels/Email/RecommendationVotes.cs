using Nop.Core.Domain.Catalog;
using Nop.Services.Catalog;

namespace Nop.Plugin.Misc.CustomFlows.Services.Channels.Email;

/// <summary>
/// Ranks candidate products for a recommendation: a product named by more sources (seeds, categories) ranks higher,
/// ties keep the order they were first named in; seeds are never candidates
/// </summary>
public sealed class RecommendationVotes
{
    private readonly HashSet<int> _excluded;
    private readonly Dictionary<int, (int Votes, int FirstSeen)> _candidates = [];

    /// <summary>
    /// Starts a ranking
    /// </summary>
    /// <param name="excludedProductIds">Products never to recommend (the seeds)</param>
    public RecommendationVotes(IEnumerable<int> excludedProductIds)
    {
        _excluded = excludedProductIds.ToHashSet();
    }

    /// <summary>
    /// Counts one source's candidates, each once
    /// </summary>
    /// <param name="productIds">Candidates, best first</param>
    public void Add(IEnumerable<int> productIds)
    {
        foreach (var productId in productIds.Distinct().Where(id => !_excluded.Contains(id)))
        {
            _candidates[productId] = _candidates.TryGetValue(productId, out var candidate)
                ? (candidate.Votes + 1, candidate.FirstSeen)
                : (1, _candidates.Count);
        }
    }

    /// <summary>
    /// Loads the best candidates that are published and not deleted
    /// </summary>
    /// <param name="productService">Catalog</param>
    /// <param name="count">At most this many</param>
    public async Task<IList<Product>> GetBestAsync(IProductService productService, int count)
    {
        if (_candidates.Count == 0 || count <= 0)
            return [];

        var ranked = _candidates
            .OrderByDescending(pair => pair.Value.Votes)
            .ThenBy(pair => pair.Value.FirstSeen)
            .Select(pair => pair.Key)
            .ToArray();
        var products = (await productService.GetProductsByIdsAsync(ranked)).ToDictionary(product => product.Id);

        return ranked
            .Where(products.ContainsKey)
            .Select(id => products[id])
            .Where(product => product.Published && !product.Deleted)
            .Take(count)
            .ToList();
    }
}
