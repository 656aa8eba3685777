using System.Globalization;
using System.Net;
using System.Text;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Stores;
using Nop.Data;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Services.Actions;
using Nop.Plugin.Misc.CustomFlows.Services.Dates;
using Nop.Plugin.Misc.CustomFlows.Services.Channels.Links;
using Nop.Services.Catalog;
using Nop.Services.Discounts;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Services.Orders;
using Nop.Services.Seo;

namespace Nop.Plugin.Misc.CustomFlows.Services.Channels.Email;

/// <summary>
/// Values of the plugin's own tokens (<see cref="CustomFlowsTokenNames"/>) for one customer and action
/// </summary>
public class FlowEmailTokenProvider
{
    #region Fields

    private readonly CustomFlowsSettings _settings;
    private readonly ICustomFlowsUrlBuilder _urlBuilder;
    private readonly ILocalizationService _localizationService;
    private readonly IProductService _productService;
    private readonly IRecommendedProductsSource _recommendedProductsSource;
    private readonly IRepository<FlowActionLog> _actionLogRepository;
    private readonly IShoppingCartService _shoppingCartService;
    private readonly IUrlRecordService _urlRecordService;
    private readonly ICategoryService _categoryService;
    private readonly IDiscountService _discountService;
    private readonly ICustomerDateService _customerDateService;

    #endregion

    #region Ctor

    public FlowEmailTokenProvider(CustomFlowsSettings settings,
        ICustomFlowsUrlBuilder urlBuilder,
        ILocalizationService localizationService,
        IProductService productService,
        IRecommendedProductsSource recommendedProductsSource,
        IRepository<FlowActionLog> actionLogRepository,
        IShoppingCartService shoppingCartService,
        IUrlRecordService urlRecordService,
        ICategoryService categoryService,
        IDiscountService discountService,
        ICustomerDateService customerDateService)
    {
        _customerDateService = customerDateService;
        _categoryService = categoryService;
        _discountService = discountService;
        _settings = settings;
        _urlBuilder = urlBuilder;
        _localizationService = localizationService;
        _productService = productService;
        _recommendedProductsSource = recommendedProductsSource;
        _actionLogRepository = actionLogRepository;
        _shoppingCartService = shoppingCartService;
        _urlRecordService = urlRecordService;
    }

    #endregion

    #region Utilities

    private async Task<string> ProductLinkAsync(Product product, Store store, int languageId)
    {
        var name = await _localizationService.GetLocalizedAsync(product, p => p.Name, languageId);
        var seName = await _urlRecordService.GetSeNameAsync(product, languageId);
        var url = $"{store.Url?.TrimEnd('/')}/{seName}";

        return $"<a href=\"{WebUtility.HtmlEncode(url)}\">{WebUtility.HtmlEncode(name)}</a>";
    }

    private async Task<string> ProductListAsync(IEnumerable<(Product Product, int Quantity)> lines, Store store, int languageId)
    {
        var html = new StringBuilder();
        foreach (var (product, quantity) in lines)
        {
            html.Append("<li>").Append(await ProductLinkAsync(product, store, languageId));
            if (quantity > 1)
                html.Append(" &times; ").Append(quantity);
            html.Append("</li>");
        }

        return html.Length == 0 ? string.Empty : $"<ul class=\"custom-flows-products\">{html}</ul>";
    }

    private async Task<FlowActionResult> GetRunCouponAsync(int runId)
    {
        var coupons = await _actionLogRepository.GetAllAsync(query => query
            .Where(log => log.FlowRunId == runId
                && log.ChannelId == (int)FlowChannel.Coupon
                && log.StatusId == (int)FlowActionStatus.Succeeded)
            .OrderByDescending(log => log.Id));

        return coupons.Select(FlowActionResult.FromLog).FirstOrDefault(result => !string.IsNullOrEmpty(result.CouponCode));
    }

    private async Task<(string Value, string ExpiresOn)> DescribeCouponAsync(FlowActionResult coupon)
    {
        if (coupon?.DiscountId is not { } discountId || await _discountService.GetDiscountByIdAsync(discountId) is not { } discount)
            return (string.Empty, string.Empty);

        var value = discount.UsePercentage
            ? $"{discount.DiscountPercentage.ToString("0.##", CultureInfo.InvariantCulture)}%"
            : discount.DiscountAmount.ToString("0.00", CultureInfo.InvariantCulture);
        var expiresOn = discount.EndDateUtc?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;

        return (value, expiresOn);
    }

    private async Task<(string Name, string Url)> DescribeCategoryAsync(IReadOnlyList<int> productIds, Store store, int languageId)
    {
        if (productIds.Count == 0)
            return (string.Empty, string.Empty);

        var categoryIds = await _categoryService.GetProductCategoryIdsAsync([productIds[0]]);
        if (categoryIds == null || !categoryIds.TryGetValue(productIds[0], out var ids) || ids is not { Length: > 0 }
            || await _categoryService.GetCategoryByIdAsync(ids[0]) is not { } category)
            return (string.Empty, string.Empty);

        var name = await _localizationService.GetLocalizedAsync(category, c => c.Name, languageId);
        var seName = await _urlRecordService.GetSeNameAsync(category, languageId);
        return (name, $"{store.Url?.TrimEnd('/')}/{seName}");
    }

    #endregion

    #region Methods

    /// <summary>
    /// Gets the plugin's tokens
    /// </summary>
    /// <param name="request">The action being performed</param>
    /// <param name="customer">Recipient</param>
    /// <param name="store">Store of the run</param>
    /// <param name="languageId">Language the message is written in</param>
    public async Task<IList<Token>> GetTokensAsync(FlowActionRequest request, Customer customer, Store store, int languageId)
    {
        var cart = await _shoppingCartService.GetShoppingCartAsync(customer, ShoppingCartType.ShoppingCart, store.Id);
        var cartProducts = (await _productService.GetProductsByIdsAsync(cart.Select(item => item.ProductId).Distinct().ToArray()))
            .ToDictionary(product => product.Id);
        var cartLines = cart
            .Where(item => cartProducts.ContainsKey(item.ProductId))
            .Select(item => (cartProducts[item.ProductId], item.Quantity));

        var viewedProduct = request.Context.ProductIds.Count > 0
            ? await _productService.GetProductByIdAsync(request.Context.ProductIds[0])
            : null;

        var seeds = request.Context.ProductIds.Concat(cart.Select(item => item.ProductId)).Distinct().ToList();
        var recommended = await _recommendedProductsSource.GetRecommendedProductsAsync(store.Id, seeds, _settings.RecommendedProductsCount);

        var pixelUrl = await _urlBuilder.GetOpenTrackingUrlAsync(store.Id, request.Effect.IdempotencyKey);
        var coupon = await GetRunCouponAsync(request.RunId);
        var (couponValue, couponExpiresOn) = await DescribeCouponAsync(coupon);
        var subscriptionEndsOn = await _customerDateService.GetNextDateAsync(customer.Id, CustomerDateService.SUBSCRIPTION_ENDS_ON,
            DateOnly.FromDateTime(request.Effect.CreatedOnUtc));
        var triggerProducts = (await _productService.GetProductsByIdsAsync(request.Context.ProductIds.ToArray()))
            .Select(product => (product, 1));
        var triggerProductList = await ProductListAsync(triggerProducts, store, languageId);
        var (categoryName, categoryUrl) = await DescribeCategoryAsync(request.Context.ProductIds, store, languageId);
        var storeUrl = store.Url?.TrimEnd('/');

        return
        [
            new Token(CustomFlowsTokenNames.CartItems, await ProductListAsync(cartLines, store, languageId), true),
            new Token(CustomFlowsTokenNames.ViewedProduct, viewedProduct is null ? string.Empty : await ProductLinkAsync(viewedProduct, store, languageId), true),
            new Token(CustomFlowsTokenNames.RecommendedProducts, await ProductListAsync(recommended.Select(product => (product, 1)), store, languageId), true),
            new Token(CustomFlowsTokenNames.CouponCode, coupon?.CouponCode ?? string.Empty),
            new Token(CustomFlowsTokenNames.CouponValue, couponValue),
            new Token(CustomFlowsTokenNames.CouponExpiresOn, couponExpiresOn),
            new Token(CustomFlowsTokenNames.CartUrl, $"{storeUrl}/cart", true),
            new Token(CustomFlowsTokenNames.ViewedProducts, triggerProductList, true),
            new Token(CustomFlowsTokenNames.OrderedProducts, triggerProductList, true),
            new Token(CustomFlowsTokenNames.CategoryName, categoryName),
            new Token(CustomFlowsTokenNames.CategoryUrl, categoryUrl, true),
            //the end of the customer's next ending recurring payment (or a subscriptionEndsOn date kept as a customer attribute)
            new Token(CustomFlowsTokenNames.SubscriptionEndsOn, subscriptionEndsOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty),
            new Token(CustomFlowsTokenNames.SurveyUrl, string.IsNullOrWhiteSpace(_settings.SurveyUrl) ? $"{storeUrl}/contactus" : _settings.SurveyUrl, true),
            new Token(CustomFlowsTokenNames.FeedbackUrl, string.IsNullOrWhiteSpace(_settings.FeedbackUrl) ? $"{storeUrl}/contactus" : _settings.FeedbackUrl, true),
            new Token(CustomFlowsTokenNames.UnsubscribeUrl, await _urlBuilder.GetUnsubscribeUrlAsync(store.Id, customer.Id, customer.Email), true),
            new Token(CustomFlowsTokenNames.TrackingPixel,
                $"<img src=\"{WebUtility.HtmlEncode(pixelUrl)}\" width=\"1\" height=\"1\" alt=\"\" style=\"display:none\" />", true)
        ];
    }

    #endregion
}
