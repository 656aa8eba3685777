using Moq;
using Nop.Core.Domain.Catalog;
using Nop.Plugin.Misc.CustomFlows.Services.Channels.Email;
using Nop.Services.Catalog;
using Nop.Services.Orders;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Channels;

[TestFixture]
public class BoughtTogetherRecommendedProductsTests
{
    private static BoughtTogetherRecommendedProducts Source(Dictionary<int, int[]> alsoPurchased, params Product[] products)
    {
        var reports = new Mock<IOrderReportService>();
        reports.Setup(r => r.GetAlsoPurchasedProductsIdsAsync(It.IsAny<int>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<bool>(), It.IsAny<bool>()))
            .ReturnsAsync((int _, int productId, int count, bool _, bool _) => alsoPurchased.TryGetValue(productId, out var ids) ? ids.Take(count).ToArray() : []);
        var catalog = new Mock<IProductService>();
        catalog.Setup(c => c.GetProductsByIdsAsync(It.IsAny<int[]>()))
            .ReturnsAsync((int[] ids) => products.Where(p => ids.Contains(p.Id)).ToList());

        return new BoughtTogetherRecommendedProducts(reports.Object, catalog.Object);
    }

    private static Product Published(int id) => new() { Id = id, Name = $"P{id}", Published = true };

    [Test]
    public async Task Products_bought_with_several_seeds_come_first_and_seeds_are_never_recommended()
    {
        var source = Source(new() { [1] = [2, 10, 11], [2] = [1, 11, 12] },
            Published(1), Published(2), Published(10), Published(11), Published(12));

        var recommended = await source.GetRecommendedProductsAsync(1, [1, 2], 3);

        Assert.That(recommended.Select(p => p.Id), Is.EqualTo(new[] { 11, 10, 12 }));
    }

    [Test]
    public async Task Unpublished_and_deleted_products_are_left_out_and_the_count_is_kept()
    {
        var source = Source(new() { [1] = [10, 11, 12, 13] },
            new Product { Id = 10, Published = false }, new Product { Id = 11, Published = true, Deleted = true }, Published(12), Published(13));

        var recommended = await source.GetRecommendedProductsAsync(1, [1], 1);

        Assert.That(recommended.Select(p => p.Id), Is.EqualTo(new[] { 12 }));
    }

    [Test]
    public async Task Without_seeds_there_is_nothing_to_recommend()
    {
        var source = Source(new() { [1] = [10] }, Published(10));

        Assert.That(await source.GetRecommendedProductsAsync(1, [], 3), Is.Empty);
        Assert.That(await source.GetRecommendedProductsAsync(1, [1], 0), Is.Empty);
    }
}
