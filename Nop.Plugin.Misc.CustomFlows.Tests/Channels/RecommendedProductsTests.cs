using Moq;
using Nop.Core.Domain.Catalog;
using Nop.Plugin.Misc.CustomFlows.Services.Channels.Email;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Channels;

[TestFixture]
public class RecommendedProductsTests
{
    private static TestShop ShopWithCatalog(params int[] unpublished)
    {
        var shop = new TestShop();
        shop.Products.Clear();
        shop.AlsoPurchased.Clear();
        for (var id = 1; id <= 30; id++)
            shop.Products.Add(new Product { Id = id, Name = $"P{id}", Published = !unpublished.Contains(id) });
        return shop;
    }

    private static async Task<int[]> RecommendAsync(IRecommendedProductsSource source, int[] seeds, int count) =>
        (await source.GetRecommendedProductsAsync(TestShop.StoreId, seeds, count)).Select(p => p.Id).ToArray();

    [Test]
    public async Task Bought_together_ranks_products_bought_with_several_seeds_first_and_never_recommends_a_seed()
    {
        var shop = ShopWithCatalog();
        shop.AlsoPurchased[1] = [2, 10, 11];
        shop.AlsoPurchased[2] = [1, 11, 12];

        Assert.That(await RecommendAsync(shop.RecommendedProducts, [1, 2], 3), Is.EqualTo(new[] { 11, 10, 12 }));
    }

    [Test]
    public async Task Unpublished_and_deleted_products_are_left_out_and_the_count_is_still_reached()
    {
        var shop = ShopWithCatalog(unpublished: 10);
        shop.Products.Single(p => p.Id == 11).Deleted = true;
        shop.AlsoPurchased[1] = [10, 11, 12, 13];

        Assert.That(await RecommendAsync(shop.RecommendedProducts, [1], 1), Is.EqualTo(new[] { 12 }));
    }

    [Test]
    public async Task Same_category_tops_up_with_products_sharing_most_categories_with_the_seeds()
    {
        //given one also-purchased product, and seed 1 in categories 100 and 200
        var shop = ShopWithCatalog();
        shop.AlsoPurchased[1] = [5];
        shop.ProductCategories.AddRange(
        [
            new ProductCategory { ProductId = 1, CategoryId = 100 }, new ProductCategory { ProductId = 1, CategoryId = 200 },
            new ProductCategory { ProductId = 20, CategoryId = 100 }, new ProductCategory { ProductId = 5, CategoryId = 100 },
            new ProductCategory { ProductId = 21, CategoryId = 200 }, new ProductCategory { ProductId = 21, CategoryId = 100 }
        ]);

        //then bought-together comes first, then 21 (both categories), then 20, and 5 is not repeated
        Assert.That(await RecommendAsync(shop.RecommendedProducts, [1], 3), Is.EqualTo(new[] { 5, 21, 20 }));
    }

    [Test]
    public async Task Bestsellers_fill_what_is_left_and_serve_a_customer_without_seeds()
    {
        var shop = ShopWithCatalog();
        shop.AlsoPurchased[1] = [5];
        shop.Bestsellers.AddRange([new() { ProductId = 1 }, new() { ProductId = 5 }, new() { ProductId = 7 }, new() { ProductId = 8 }]);

        Assert.That(await RecommendAsync(shop.RecommendedProducts, [1], 3), Is.EqualTo(new[] { 5, 7, 8 }));
        Assert.That(await RecommendAsync(shop.RecommendedProducts, [], 2), Is.EqualTo(new[] { 1, 5 }));
    }

    [Test]
    public async Task Bestsellers_count_paid_orders_of_the_last_thirty_days_in_the_store()
    {
        var shop = ShopWithCatalog();
        var reports = new Mock<Nop.Services.Orders.IOrderReportService>();
        var catalog = new Mock<Nop.Services.Catalog.IProductService>();
        catalog.Setup(c => c.GetProductsByIdsAsync(It.IsAny<int[]>())).ReturnsAsync([]);
        reports.Setup(r => r.BestSellersReportAsync(0, 0, TestShop.StoreId, 0, shop.Clock.UtcNow.AddDays(-30), null, null,
                Nop.Core.Domain.Payments.PaymentStatus.Paid, null, 0, Nop.Services.Orders.OrderByEnum.OrderByQuantity, 0, It.IsAny<int>(), false))
            .ReturnsAsync(new Support.InMemoryPagedList<Nop.Core.Domain.Orders.BestsellersReportLine>([], 0, 1, 0))
            .Verifiable();

        await new BestsellerRecommendedProducts(reports.Object, catalog.Object, shop.Clock).GetRecommendedProductsAsync(TestShop.StoreId, [], 3);

        reports.Verify();
    }

    [Test]
    public async Task Nothing_is_asked_for_a_count_of_zero()
    {
        var shop = ShopWithCatalog();
        shop.Bestsellers.Add(new() { ProductId = 7 });

        Assert.That(await RecommendAsync(shop.RecommendedProducts, [1], 0), Is.Empty);
    }
}
