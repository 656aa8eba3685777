using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Data;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Facts;
using Nop.Plugin.Misc.CustomFlows.Engine.Ports;
using Nop.Plugin.Misc.CustomFlows.Services.Catalog;
using Nop.Plugin.Misc.CustomFlows.Services.Channels.CustomerData;
using Nop.Plugin.Misc.CustomFlows.Services.Runs;
using Nop.Services.Catalog;
using Nop.Services.Customers;
using Nop.Services.Directory;
using Nop.Services.Helpers;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Services.Orders;

namespace Nop.Plugin.Misc.CustomFlows.Services.Facts;

/// <summary>
/// What filters and goals know about a customer, read from nopCommerce (orders, cart, roles,
/// country, language, time zone, newsletter consent) and from the plugin's own state (tags, score,
/// funnel stage, messages sent)
/// </summary>
public class NopCustomerFactsSource : ICustomerFactsSource
{
    #region Fields

    /// <summary>
    /// Orders read per customer: enough for every "ever" and "within N days" condition of a shop's
    /// regular customer, bounded for a customer with a huge history
    /// </summary>
    public const int MaxOrders = 500;

    private readonly ProductCategoryResolver _categoryResolver;
    private readonly ICountryService _countryService;
    private readonly ICustomerService _customerService;
    private readonly IDateTimeHelper _dateTimeHelper;
    private readonly ILanguageService _languageService;
    private readonly INewsLetterSubscriptionService _newsLetterSubscriptionService;
    private readonly IOrderService _orderService;
    private readonly IProductService _productService;
    private readonly IShoppingCartService _shoppingCartService;
    private readonly IRepository<CustomerFlowState> _stateRepository;

    #endregion

    #region Ctor

    public NopCustomerFactsSource(ProductCategoryResolver categoryResolver,
        ICountryService countryService,
        ICustomerService customerService,
        IDateTimeHelper dateTimeHelper,
        ILanguageService languageService,
        INewsLetterSubscriptionService newsLetterSubscriptionService,
        IOrderService orderService,
        IProductService productService,
        IShoppingCartService shoppingCartService,
        IRepository<CustomerFlowState> stateRepository)
    {
        _categoryResolver = categoryResolver;
        _countryService = countryService;
        _customerService = customerService;
        _dateTimeHelper = dateTimeHelper;
        _languageService = languageService;
        _newsLetterSubscriptionService = newsLetterSubscriptionService;
        _orderService = orderService;
        _productService = productService;
        _shoppingCartService = shoppingCartService;
        _stateRepository = stateRepository;
    }

    #endregion

    #region Methods

    /// <inheritdoc />
    async Task<ICustomerFacts> ICustomerFactsSource.GetFactsAsync(int customerId, int storeId, CancellationToken cancellationToken) =>
        await GetFactsAsync(customerId, storeId, cancellationToken);

    /// <summary>
    /// Gets the facts of a customer as seen from one store (newsletter consent and the cart are per store)
    /// </summary>
    /// <param name="customerId">Customer identifier</param>
    /// <param name="storeId">Store identifier; 0 for any store</param>
    /// <param name="cancellationToken">Cancellation</param>
    public async Task<CustomerSnapshot> GetFactsAsync(int customerId, int storeId, CancellationToken cancellationToken = default)
    {
        var customer = await _customerService.GetCustomerByIdAsync(customerId);
        if (customer == null || customer.Deleted)
            return new CustomerSnapshot { CustomerId = customerId, TimeZone = _dateTimeHelper.DefaultStoreTimeZone };

        var snapshot = new CustomerSnapshot
        {
            CustomerId = customerId,
            IsRegistered = await _customerService.IsRegisteredAsync(customer),
            TimeZone = await _dateTimeHelper.GetCustomerTimeZoneAsync(customer) ?? _dateTimeHelper.DefaultStoreTimeZone
        };

        foreach (var role in await _customerService.GetCustomerRolesAsync(customer))
            snapshot.Roles.Add(role.SystemName ?? role.Name);

        if (customer.CountryId > 0)
            snapshot.CountryCode = (await _countryService.GetCountryByIdAsync(customer.CountryId))?.TwoLetterIsoCode;
        if (customer.LanguageId is > 0)
            snapshot.LanguageCode = (await _languageService.GetLanguageByIdAsync(customer.LanguageId.Value))?.UniqueSeoCode;

        if (!string.IsNullOrEmpty(customer.Email))
        {
            var subscriptions = await _newsLetterSubscriptionService.GetNewsLetterSubscriptionsByEmailAsync(customer.Email, storeId, isActive: true);
            snapshot.NewsletterSubscribed = subscriptions.Any(s => s.Active);
        }

        await AddOrdersAsync(snapshot, customerId, storeId);
        var cart = await GetCartAsync(customer, storeId);
        snapshot.Cart.AddRange(cart.Lines);
        snapshot.CartValue = cart.Value;
        await AddPluginStateAsync(snapshot, customerId);

        return snapshot;
    }

    /// <summary>
    /// Gets a customer's shopping cart in one store: a product per line, the cart's value and its total quantity
    /// </summary>
    /// <param name="customer">Customer</param>
    /// <param name="storeId">Store identifier; 0 for any store</param>
    public async Task<CustomerCart> GetCartAsync(Customer customer, int storeId)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var cart = await _shoppingCartService.GetShoppingCartAsync(customer, ShoppingCartType.ShoppingCart, storeId);
        if (cart.Count == 0)
            return CustomerCart.Empty;

        var productIds = cart.Select(item => item.ProductId).Distinct().ToArray();
        var prices = (await _productService.GetProductsByIdsAsync(productIds)).ToDictionary(product => product.Id, product => product.Price);
        var categories = await _categoryResolver.ResolveAsync(productIds);

        var lines = new List<ProductRef>(cart.Count);
        var value = 0m;
        foreach (var item in cart)
        {
            lines.Add(ProductRefOf(item.ProductId, categories));
            //a price the customer entered (donations, gift cards) wins over the catalog price
            var unitPrice = item.CustomerEnteredPrice > 0 ? item.CustomerEnteredPrice : prices.GetValueOrDefault(item.ProductId);
            value += unitPrice * item.Quantity;
        }

        return new CustomerCart(lines, value, cart.Sum(item => item.Quantity));
    }

    #endregion

    #region Utilities

    private async Task AddOrdersAsync(CustomerSnapshot snapshot, int customerId, int storeId)
    {
        var orders = await _orderService.SearchOrdersAsync(storeId: storeId, customerId: customerId, pageSize: MaxOrders);
        var counted = orders.Where(order => !order.Deleted && order.OrderStatusId != CancelledOrderStatus).ToList();
        if (counted.Count == 0)
            return;

        var itemsByOrder = new Dictionary<int, IList<OrderItem>>();
        foreach (var order in counted)
            itemsByOrder[order.Id] = await _orderService.GetOrderItemsAsync(order.Id);

        var categories = await _categoryResolver.ResolveAsync(itemsByOrder.Values.SelectMany(items => items).Select(item => item.ProductId));
        foreach (var order in counted)
        {
            var items = itemsByOrder[order.Id].Select(item => ProductRefOf(item.ProductId, categories)).ToList();
            snapshot.Orders.Add(new OrderFact(order.CreatedOnUtc, order.OrderTotal, items));
        }
    }

    private async Task AddPluginStateAsync(CustomerSnapshot snapshot, int customerId)
    {
        var state = (await _stateRepository.GetAllAsync(query => query.Where(s => s.CustomerId == customerId))).FirstOrDefault();
        if (state == null)
            return;

        snapshot.Score = state.Score;
        snapshot.FunnelStage = state.FunnelStage;
        foreach (var tag in CustomerDataChannel.ReadTags(state.TagsJson))
            snapshot.Tags.Add(tag);
        snapshot.Messages.AddRange(FlowEffectDispatcher.ReadMessages(state.MessagesSentJson));
    }

    private static ProductRef ProductRefOf(int productId, IReadOnlyDictionary<int, ProductCategories> categories) =>
        categories.TryGetValue(productId, out var found)
            ? new ProductRef(productId, found.Categories, found.Ancestors)
            : ProductRef.Of(productId);

    /// <summary>
    /// nopCommerce's OrderStatus.Cancelled
    /// </summary>
    private const int CancelledOrderStatus = 40;

    #endregion
}

/// <summary>
/// A customer's shopping cart as flows see it
/// </summary>
/// <param name="Lines">The product of each line, with its categories</param>
/// <param name="Value">What the cart is worth</param>
/// <param name="Quantity">How many items it holds</param>
public sealed record CustomerCart(IReadOnlyList<ProductRef> Lines, decimal Value, int Quantity)
{
    /// <summary>
    /// An empty cart
    /// </summary>
    public static CustomerCart Empty { get; } = new([], 0, 0);
}
