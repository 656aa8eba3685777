using System.Globalization;
using System.Text.Json;
using Moq;
using Nop.Core;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Directory;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Messages;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Misc.CustomFlows.Services.Catalog;
using Nop.Plugin.Misc.CustomFlows.Simulation;
using Nop.Plugin.Misc.CustomFlows.Tests.Channels;
using Nop.Plugin.Misc.CustomFlows.Tests.Support;
using Nop.Services.Catalog;
using Nop.Services.Configuration;
using Nop.Services.Customers;
using Nop.Services.Directory;
using Nop.Services.Helpers;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Services.Orders;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Replay;

/// <summary>
/// nopCommerce as the replay's shop sees it: the customers, roles, time zones, newsletter subscriptions, orders,
/// subscriptions (recurring payments), carts and the sample shop's catalogue of a <see cref="ReplayHistory"/>, held in
/// a <see cref="TestShop"/> (whose channels run over the same lists) and served by mocked nopCommerce services.
/// </summary>
internal sealed class ReplayNopCommerce
{
    public const int StoreId = TestShop.StoreId;

    private static readonly string[] Countries = ["PL", "GB", "DE", "US"];
    private static readonly string[] Languages = ["pl", "en", "de"];

    private readonly Dictionary<int, TimeZoneInfo> _zones = new();
    private readonly Dictionary<int, HashSet<string>> _roles = new();
    private readonly Dictionary<int, List<OrderItem>> _orderItems = new();
    private readonly HashSet<int> _paidOrders = new();
    private int _lastCartLineId;

    public ReplayNopCommerce(TimeZoneInfo storeTimeZone)
    {
        Shop.Settings.StaffAlertEmail = "staff@shop.example";
        Shop.Customers.Clear();
        Shop.Subscriptions.Clear();
        Shop.Cart.Clear();
        Shop.Templates.Clear();
        Shop.Products.Clear();
        Shop.Products.AddRange(Enumerable.Range(1, SampleShop.ProductCount + 5)
            .Select(id => new Product { Id = id, Name = $"Product {id}", Price = SampleShop.PriceOf(id), Published = true }));

        CustomerService.Setup(c => c.GetCustomerByIdAsync(It.IsAny<int>())).ReturnsAsync((int id) => Shop.Customers.FirstOrDefault(c => c.Id == id));
        CustomerService.Setup(c => c.GetCustomerByEmailAsync(It.IsAny<string>()))
            .ReturnsAsync((string email) => Shop.Customers.FirstOrDefault(c => string.Equals(c.Email, email, StringComparison.OrdinalIgnoreCase)));
        CustomerService.Setup(c => c.IsRegisteredAsync(It.IsAny<Customer>(), It.IsAny<bool>()))
            .ReturnsAsync((Customer c, bool _) => _roles[c.Id].Contains(NopCustomerDefaults.RegisteredRoleName));
        CustomerService.Setup(c => c.GetCustomerRolesAsync(It.IsAny<Customer>(), It.IsAny<bool>()))
            .ReturnsAsync((Customer c, bool _) => (IList<CustomerRole>)_roles[c.Id].Select(role => new CustomerRole { Name = role, SystemName = role }).ToList());

        OrderService.Setup(o => o.SearchOrdersAsync(It.IsAny<int>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<int>(),
                It.IsAny<int>(), It.IsAny<string>(), It.IsAny<DateTime?>(), It.IsAny<DateTime?>(), It.IsAny<List<int>>(), It.IsAny<List<int>>(),
                It.IsAny<List<int>>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<bool>()))
            .Returns(new InvocationFunc(call =>
            {
                var (storeId, customerId) = ((int)call.Arguments[0], (int)call.Arguments[2]);
                var found = Shop.Orders.Table.Where(o => o.CustomerId == customerId && (storeId == 0 || o.StoreId == storeId)).OrderByDescending(o => o.CreatedOnUtc).ToList();
                return Task.FromResult<IPagedList<Order>>(new InMemoryPagedList<Order>(found, 0, int.MaxValue, found.Count));
            }));
        OrderService.Setup(o => o.GetOrderItemsAsync(It.IsAny<int>(), It.IsAny<bool?>(), It.IsAny<bool?>(), It.IsAny<int>()))
            .ReturnsAsync((int orderId, bool? _, bool? _, int _) => (IList<OrderItem>)_orderItems[orderId].ToList());

        //the sample shop's catalogue: products 1..200 in subcategories 10..29 of the top categories 1..4, subscriptions in 30
        var categories = new Mock<ICategoryService>();
        categories.Setup(c => c.GetProductCategoryIdsAsync(It.IsAny<int[]>()))
            .ReturnsAsync((int[] ids) => (IDictionary<int, int[]>)ids.Distinct().ToDictionary(id => id, id => SampleShop.Product(id).CategoryIds.ToArray()));
        categories.Setup(c => c.GetCategoryByIdAsync(It.IsAny<int>()))
            .ReturnsAsync((int id) => new Category { Id = id, ParentCategoryId = id is >= 10 and < 30 ? 1 + (id - 10) / 5 : 0 });
        Categories = new ProductCategoryResolver(categories.Object);

        CartService.Setup(c => c.GetShoppingCartAsync(It.IsAny<Customer>(), It.IsAny<ShoppingCartType?>(), It.IsAny<int>(), It.IsAny<int?>(), It.IsAny<DateTime?>(), It.IsAny<DateTime?>(), It.IsAny<int?>()))
            .ReturnsAsync((Customer customer, ShoppingCartType? type, int storeId, int? _, DateTime? _, DateTime? _, int? _) =>
                (IList<ShoppingCartItem>)Shop.Cart.Where(i => i.CustomerId == customer.Id && (type == null || i.ShoppingCartType == type) && (storeId == 0 || i.StoreId == storeId)).ToList());
        ProductService.Setup(p => p.GetProductsByIdsAsync(It.IsAny<int[]>()))
            .ReturnsAsync((int[] ids) => (IList<Product>)Shop.Products.Where(p => ids.Contains(p.Id)).ToList());
        NewsletterService.Setup(n => n.GetNewsLetterSubscriptionsByEmailAsync(It.IsAny<string>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<bool?>()))
            .ReturnsAsync((string email, int storeId, int _, bool? active) => (IList<NewsLetterSubscription>)Shop.Subscriptions
                .Where(s => string.Equals(s.Email, email, StringComparison.OrdinalIgnoreCase) && (storeId == 0 || s.StoreId == storeId) && (active == null || s.Active == active))
                .ToList());
        CountryService.Setup(c => c.GetCountryByIdAsync(It.IsAny<int>())).ReturnsAsync((int id) => new Country { Id = id, TwoLetterIsoCode = Countries[id - 1] });
        LanguageService.Setup(l => l.GetLanguageByIdAsync(It.IsAny<int>())).ReturnsAsync((int id) => new Language { Id = id, UniqueSeoCode = Languages[id - 1] });
        DateTimeHelper.Setup(d => d.DefaultStoreTimeZone).Returns(storeTimeZone);
        DateTimeHelper.Setup(d => d.GetCustomerTimeZoneAsync(It.IsAny<Customer>())).ReturnsAsync((Customer c) => _zones[c.Id]);
        SettingService.Setup(s => s.LoadSettingAsync<CustomFlowsSettings>(It.IsAny<int>())).ReturnsAsync(() => Shop.Settings);
        WorkContext.Setup(w => w.GetCurrentCustomerAsync()).ReturnsAsync(() => Shopper);
        StoreContext.Setup(s => s.GetCurrentStoreAsync()).ReturnsAsync(() => Shop.Stores.Single());
    }

    /// <summary>The lists and tables, and the plugin's channels over them.</summary>
    public TestShop Shop { get; } = new();

    public Mock<ICustomerService> CustomerService { get; } = new();
    public Mock<IOrderService> OrderService { get; } = new();
    public Mock<IShoppingCartService> CartService { get; } = new();
    public Mock<IProductService> ProductService { get; } = new();
    public Mock<INewsLetterSubscriptionService> NewsletterService { get; } = new();
    public Mock<ICountryService> CountryService { get; } = new();
    public Mock<ILanguageService> LanguageService { get; } = new();
    public Mock<IDateTimeHelper> DateTimeHelper { get; } = new();
    public Mock<ISettingService> SettingService { get; } = new();
    public Mock<IWorkContext> WorkContext { get; } = new();
    public Mock<IStoreContext> StoreContext { get; } = new();
    public ProductCategoryResolver Categories { get; }

    /// <summary>Whom the storefront is serving (the work context's current customer).</summary>
    public Customer Shopper { get; set; }

    public Customer Customer(int id) => Shop.Customers.Single(c => c.Id == id);

    /// <summary>
    /// The customers as nopCommerce would hold them: accounts (language, country, date of birth), roles, time zones,
    /// newsletter subscriptions, earlier orders, subscriptions as recurring payments, and the plugin's tags, score and
    /// stage.
    /// </summary>
    public async Task AddCustomersAsync(ReplayHistory history)
    {
        foreach (var simulated in history.Customers)
        {
            var facts = simulated.Facts;
            var customer = new Customer
            {
                Id = simulated.Id, Email = simulated.Email, FirstName = "Customer", LastName = simulated.Id.ToString(CultureInfo.InvariantCulture),
                Active = true, RegisteredInStoreId = StoreId, CreatedOnUtc = history.StartUtc.AddYears(-1),
                CountryId = Array.IndexOf(Countries, facts.CountryCode) + 1, LanguageId = Array.IndexOf(Languages, facts.LanguageCode) + 1,
                DateOfBirth = simulated.Dates.TryGetValue("birthday", out var birthday) ? birthday.ToDateTime(TimeOnly.MinValue) : null
            };
            Shop.Customers.Add(customer);
            _zones[customer.Id] = facts.TimeZone;
            _roles[customer.Id] = new HashSet<string>(facts.Roles, StringComparer.OrdinalIgnoreCase);
            if (facts.NewsletterSubscribed)
                Subscribe(customer, history.StartUtc.AddYears(-1));
            foreach (var order in facts.Orders)
                await AddOrderAsync(customer.Id, order.PlacedOnUtc, order.Total, order.Items.Select(p => p.ProductId));
            if (facts.Tags.Count > 0 || facts.Score != 0 || facts.FunnelStage != null)
                await Shop.StateRows.ChangeAsync(customer.Id, state =>
                {
                    state.TagsJson = JsonSerializer.Serialize(facts.Tags.Order(StringComparer.Ordinal).ToList());
                    state.Score = facts.Score;
                    state.FunnelStage = facts.FunnelStage;
                    return true;
                });

            if (history.Subscriptions.TryGetValue(customer.Id, out var subscription))
            {
                var start = subscription.FirstOrder.PlacedOnUtc;
                var firstOrder = Shop.Orders.Table.Single(o => o.CustomerId == customer.Id && o.CreatedOnUtc == start);
                await Shop.RecurringPayments.InsertAsync(new RecurringPayment
                {
                    InitialOrderId = firstOrder.Id, IsActive = true, StartDateUtc = start, TotalCycles = 1,
                    CycleLength = (int)(subscription.EndsOn.ToDateTime(TimeOnly.MinValue) - start).TotalDays, CyclePeriodId = (int)RecurringProductCyclePeriod.Days
                });
            }
        }
    }

    /// <summary>A new active newsletter subscription of the customer in the store.</summary>
    public NewsLetterSubscription Subscribe(Customer customer, DateTime atUtc)
    {
        var subscription = new NewsLetterSubscription { Id = Shop.Subscriptions.Count + 1, Email = customer.Email, StoreId = StoreId, Active = true, CreatedOnUtc = atUtc };
        Shop.Subscriptions.Add(subscription);
        return subscription;
    }

    public void Register(int customerId)
    {
        _roles[customerId].Remove(NopCustomerDefaults.GuestsRoleName);
        _roles[customerId].Add(NopCustomerDefaults.RegisteredRoleName);
    }

    /// <summary>An order of the products (a line per product, its quantity the times it is listed).</summary>
    public async Task<Order> AddOrderAsync(int customerId, DateTime placedOnUtc, decimal total, IEnumerable<int> productIds)
    {
        var order = new Order
        {
            CustomerId = customerId, StoreId = StoreId, OrderTotal = total, CustomerCurrencyCode = "EUR",
            CreatedOnUtc = placedOnUtc, OrderStatusId = (int)OrderStatus.Pending
        };
        await Shop.Orders.InsertAsync(order, false);
        _orderItems[order.Id] = productIds.GroupBy(id => id)
            .Select(group => new OrderItem { OrderId = order.Id, ProductId = group.Key, Quantity = group.Count() }).ToList();
        return order;
    }

    /// <summary>The customer's latest unpaid order of the total, now paid.</summary>
    public Order Pay(int customerId, decimal total)
    {
        var order = Shop.Orders.Table.Where(o => o.CustomerId == customerId && o.OrderTotal == total && !_paidOrders.Contains(o.Id))
            .OrderByDescending(o => o.CreatedOnUtc).First();
        _paidOrders.Add(order.Id);
        return order;
    }

    /// <summary>
    /// The cart as the history says it is after the change: the new line is added (one line per item, as the history
    /// lists them). A visit's first item finds the lines of an earlier visit gone, as nopCommerce's clean-up of old
    /// carts deletes them (without entity events).
    /// </summary>
    /// <returns>The new line</returns>
    public ShoppingCartItem ChangeCart(int customerId, IReadOnlyList<int> cartAfter, DateTime atUtc)
    {
        var before = Shop.Cart.Where(item => item.CustomerId == customerId).ToList();
        if (cartAfter.Count == 1 && before.Count > 0)
        {
            Shop.Cart.RemoveAll(item => item.CustomerId == customerId);
            before.Clear();
        }

        if (cartAfter.Count != before.Count + 1 || !before.Select(item => item.ProductId).SequenceEqual(cartAfter.Take(before.Count)))
            throw new NotSupportedException("The replay's carts only grow by one line per change.");

        var line = new ShoppingCartItem
        {
            Id = ++_lastCartLineId, CustomerId = customerId, StoreId = StoreId, ProductId = cartAfter[^1], Quantity = 1,
            ShoppingCartType = ShoppingCartType.ShoppingCart, CreatedOnUtc = atUtc, UpdatedOnUtc = atUtc
        };
        Shop.Cart.Add(line);
        return line;
    }

    /// <summary>The checkout empties the cart.</summary>
    public void EmptyCart(int customerId) => Shop.Cart.RemoveAll(item => item.CustomerId == customerId);
}
