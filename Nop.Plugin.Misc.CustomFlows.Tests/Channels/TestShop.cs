using Nop.Data;
using Nop.Core.Caching;
using Nop.Plugin.Misc.CustomFlows.Services.Dates;
using Nop.Core.Domain.Common;
using Nop.Plugin.Misc.CustomFlows.Services.Customers;
using System.Linq.Expressions;
using Moq;
using Nop.Core;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Discounts;
using Nop.Core.Domain.Messages;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using Nop.Plugin.Misc.CustomFlows.Localization;
using Nop.Plugin.Misc.CustomFlows.Services.Actions;
using Nop.Plugin.Misc.CustomFlows.Services.Channels;
using Nop.Plugin.Misc.CustomFlows.Services.Channels.Coupons;
using Nop.Plugin.Misc.CustomFlows.Services.Channels.CustomerData;
using Nop.Plugin.Misc.CustomFlows.Services.Channels.Email;
using Nop.Plugin.Misc.CustomFlows.Services.Channels.Links;
using Nop.Plugin.Misc.CustomFlows.Services.Channels.Popups;
using Nop.Plugin.Misc.CustomFlows.Services.Channels.StaffAlerts;
using Nop.Plugin.Misc.CustomFlows.Services.Channels.Webhooks;
using Nop.Plugin.Misc.CustomFlows.Tests.Support;
using Nop.Services.Catalog;
using Nop.Services.Configuration;
using Nop.Services.Customers;
using Nop.Services.Discounts;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Services.Orders;
using Nop.Services.Seo;
using Nop.Services.Stores;
using NopLogger = Nop.Services.Logging.ILogger;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Channels;

/// <summary>
/// A small shop behind mocked nopCommerce services: one store, one e-mail account, a customer with newsletter consent,
/// message templates, products and a cart, with in-memory tables for what the channels write (queued e-mails,
/// discounts, pop-ups, customer state, action log). Builds the real executor and channels over it.
/// </summary>
public sealed class TestShop
{
    public const int StoreId = 1;
    public const int CustomerId = 7;
    public const string CustomerEmail = "anna@example.com";
    public const string Template = "CustomFlows.AbandonedCart";

    public TestClock Clock { get; } = new(new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc));

    public CustomFlowsSettings Settings { get; } = new()
    {
        Enabled = true,
        LinkSigningKey = "test-signing-key",
        WebhookSecret = "s3cret",
        WebhookMaxAttempts = 3,
        WebhookRetryDelaySeconds = 2,
        WebhookTimeoutSeconds = 5
    };

    public EmailAccountSettings EmailAccountSettings { get; } = new() { DefaultEmailAccountId = 1 };

    public InMemoryRepository<FlowActionLog> ActionLogs { get; } = new();
    public InMemoryRepository<QueuedEmail> QueuedEmails { get; } = new();
    public InMemoryRepository<PendingPopup> Popups { get; } = new();
    public InMemoryRepository<CustomerFlowState> CustomerStates { get; } = new();
    public InMemoryRepository<Discount> Discounts { get; } = new();
    public InMemoryRepository<Order> Orders { get; } = new();
    public InMemoryRepository<RecurringPayment> RecurringPayments { get; } = new();
    public InMemoryRepository<GenericAttribute> GenericAttributes { get; } = new();

    public List<Store> Stores { get; } = [new() { Id = StoreId, Name = "Test shop", Url = "https://shop.example/", DefaultLanguageId = 1 }];
    public List<EmailAccount> EmailAccounts { get; } =
    [
        new() { Id = 1, Email = "shop@shop.example", DisplayName = "Test shop" },
        new() { Id = 2, Email = "news@shop.example", DisplayName = "Test shop news" }
    ];
    public List<Customer> Customers { get; } =
        [new() { Id = CustomerId, Email = CustomerEmail, FirstName = "Anna", LastName = "Nowak", LanguageId = 2, Active = true }];
    public List<NewsLetterSubscription> Subscriptions { get; } =
        [new() { Id = 1, Email = CustomerEmail, StoreId = StoreId, Active = true }];
    public List<MessageTemplate> Templates { get; } =
    [
        new()
        {
            Id = 1, Name = Template, IsActive = true,
            Subject = "Your cart at %Store.Name%",
            Body = "<p>Hi %Customer.FullName%</p>%CustomFlows.CartItems%<p>Code: %CustomFlows.CouponCode%</p>"
                + "<p>You may like %CustomFlows.RecommendedProducts%</p><a href=\"https://shop.example/cart?a=1&amp;b=2\">Cart</a>"
                + "<a href=\"%CustomFlows.UnsubscribeUrl%\">Unsubscribe</a>%CustomFlows.TrackingPixel%"
        }
    ];
    public List<Product> Products { get; } =
    [
        new() { Id = 100, Name = "Red <shoes>", Published = true },
        new() { Id = 101, Name = "Socks", Published = true },
        new() { Id = 102, Name = "Shoe polish", Published = true },
        new() { Id = 103, Name = "Old model", Published = false }
    ];
    public List<ShoppingCartItem> Cart { get; } =
        [new() { Id = 1, CustomerId = CustomerId, StoreId = StoreId, ProductId = 100, Quantity = 2, ShoppingCartType = ShoppingCartType.ShoppingCart }];
    public Dictionary<int, int[]> AlsoPurchased { get; } = new() { [100] = [102, 103, 101] };
    public List<ProductCategory> ProductCategories { get; } = [];
    public List<BestsellersReportLine> Bestsellers { get; } = [];

    /// <summary>Translations of template and product texts: (entity, id, language, property) to text</summary>
    public Dictionary<(string Entity, int Id, int LanguageId, string Property), string> Translations { get; } = new();

    public Mock<IQueuedEmailService> QueuedEmailService { get; } = new();
    public Mock<IDiscountService> DiscountService { get; } = new();
    public Mock<NopLogger> Logger { get; } = new();

    private readonly Mock<ICustomerService> _customerService = new();
    private readonly Mock<IStoreService> _storeService = new();
    private readonly Mock<INewsLetterSubscriptionService> _subscriptionService = new();
    private readonly Mock<IMessageTemplateService> _templateService = new();
    private readonly Mock<IEmailAccountService> _emailAccountService = new();
    private readonly Mock<IMessageTokenProvider> _tokenProvider = new();
    private readonly Mock<ILocalizationService> _localizationService = new();
    private readonly Mock<IShoppingCartService> _shoppingCartService = new();
    private readonly Mock<IProductService> _productService = new();
    private readonly Mock<IUrlRecordService> _urlRecordService = new();
    private readonly Mock<IOrderReportService> _orderReportService = new();
    private readonly Mock<ICategoryService> _categoryService = new();
    private readonly Mock<ISettingService> _settingService = new();

    /// <summary>The shop's newsletter subscriptions service (over <see cref="Subscriptions"/>)</summary>
    public INewsLetterSubscriptionService SubscriptionService => _subscriptionService.Object;

    /// <summary>The shop's settings service, loading <see cref="Settings"/></summary>
    public ISettingService SettingService => _settingService.Object;

    public TestShop()
    {
        _settingService.Setup(s => s.LoadSettingAsync<CustomFlowsSettings>(It.IsAny<int>())).ReturnsAsync(() => Settings);
        _customerService.Setup(s => s.GetCustomerByIdAsync(It.IsAny<int>())).ReturnsAsync((int id) => Customers.FirstOrDefault(c => c.Id == id));
        _customerService.Setup(s => s.GetCustomerFullNameAsync(It.IsAny<Customer>())).ReturnsAsync((Customer c) => $"{c.FirstName} {c.LastName}");
        _storeService.Setup(s => s.GetStoreByIdAsync(It.IsAny<int>())).ReturnsAsync((int id) => Stores.FirstOrDefault(s => s.Id == id));
        _subscriptionService
            .Setup(s => s.GetNewsLetterSubscriptionsByEmailAsync(It.IsAny<string>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<bool?>()))
            .ReturnsAsync((string email, int storeId, int typeId, bool? active) => (IList<NewsLetterSubscription>)Subscriptions
                .Where(s => string.Equals(s.Email, email, StringComparison.OrdinalIgnoreCase)
                    && (storeId == 0 || s.StoreId == storeId) && (active == null || s.Active == active))
                .ToList());
        _templateService.Setup(s => s.GetMessageTemplatesByNameAsync(It.IsAny<string>(), It.IsAny<int?>()))
            .ReturnsAsync((string name, int? storeId) => (IList<MessageTemplate>)Templates.Where(t => t.Name == name).ToList());
        _emailAccountService.Setup(s => s.GetEmailAccountByIdAsync(It.IsAny<int>())).ReturnsAsync((int id) => EmailAccounts.FirstOrDefault(a => a.Id == id));
        _emailAccountService.Setup(s => s.GetAllEmailAccountsAsync()).ReturnsAsync(() => EmailAccounts.ToList());
        _tokenProvider.Setup(s => s.AddStoreTokensAsync(It.IsAny<IList<Token>>(), It.IsAny<Store>(), It.IsAny<EmailAccount>(), It.IsAny<int>()))
            .Callback((IList<Token> tokens, Store store, EmailAccount account, int languageId) => tokens.Add(new Token("Store.Name", store.Name)))
            .Returns(Task.CompletedTask);
        _tokenProvider.Setup(s => s.AddCustomerTokensAsync(It.IsAny<IList<Token>>(), It.IsAny<Customer>()))
            .Callback((IList<Token> tokens, Customer customer) =>
            {
                tokens.Add(new Token("Customer.Email", customer.Email));
                tokens.Add(new Token("Customer.FullName", $"{customer.FirstName} {customer.LastName}"));
            })
            .Returns(Task.CompletedTask);
        _localizationService
            .Setup(s => s.GetLocalizedAsync(It.IsAny<MessageTemplate>(), It.IsAny<Expression<Func<MessageTemplate, string>>>(), It.IsAny<int?>(), It.IsAny<bool>(), It.IsAny<bool>()))
            .ReturnsAsync((MessageTemplate t, Expression<Func<MessageTemplate, string>> selector, int? languageId, bool _, bool _) =>
                Localized(nameof(MessageTemplate), t.Id, languageId, selector, t));
        _localizationService
            .Setup(s => s.GetLocalizedAsync(It.IsAny<Product>(), It.IsAny<Expression<Func<Product, string>>>(), It.IsAny<int?>(), It.IsAny<bool>(), It.IsAny<bool>()))
            .ReturnsAsync((Product p, Expression<Func<Product, string>> selector, int? languageId, bool _, bool _) =>
                Localized(nameof(Product), p.Id, languageId, selector, p));
        _localizationService.Setup(s => s.GetResourceAsync(It.IsAny<string>()))
            .ReturnsAsync((string key) => CustomFlowsLocales.English.TryGetValue(key, out var text) ? text : key);
        _shoppingCartService
            .Setup(s => s.GetShoppingCartAsync(It.IsAny<Customer>(), It.IsAny<ShoppingCartType?>(), It.IsAny<int>(), It.IsAny<int?>(), It.IsAny<DateTime?>(), It.IsAny<DateTime?>(), It.IsAny<int?>()))
            .ReturnsAsync((Customer customer, ShoppingCartType? type, int storeId, int? productId, DateTime? from, DateTime? to, int? wishlistId) =>
                (IList<ShoppingCartItem>)Cart.Where(i => i.CustomerId == customer.Id && (type == null || i.ShoppingCartType == type) && (storeId == 0 || i.StoreId == storeId)).ToList());
        _productService.Setup(s => s.GetProductByIdAsync(It.IsAny<int>())).ReturnsAsync((int id) => Products.FirstOrDefault(p => p.Id == id));
        _productService.Setup(s => s.GetProductsByIdsAsync(It.IsAny<int[]>()))
            .ReturnsAsync((int[] ids) => (IList<Product>)Products.Where(p => ids.Contains(p.Id)).ToList());
        _urlRecordService.Setup(s => s.GetSeNameAsync(It.IsAny<Product>(), It.IsAny<int?>(), It.IsAny<bool>(), It.IsAny<bool>()))
            .ReturnsAsync((Product p, int? languageId, bool _, bool _) => $"product-{p.Id}");
        _orderReportService
            .Setup(s => s.GetAlsoPurchasedProductsIdsAsync(It.IsAny<int>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<bool>(), It.IsAny<bool>()))
            .ReturnsAsync((int storeId, int productId, int count, bool _, bool _) =>
                AlsoPurchased.TryGetValue(productId, out var ids) ? ids.Take(count).ToArray() : []);

        _orderReportService
            .Setup(s => s.BestSellersReportAsync(It.IsAny<int>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<DateTime?>(), It.IsAny<DateTime?>(), It.IsAny<OrderStatus?>(), It.IsAny<Nop.Core.Domain.Payments.PaymentStatus?>(), It.IsAny<Nop.Core.Domain.Shipping.ShippingStatus?>(), It.IsAny<int>(), It.IsAny<OrderByEnum>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<bool>()))
            .ReturnsAsync((int _, int _, int _, int _, DateTime? _, DateTime? _, OrderStatus? _, Nop.Core.Domain.Payments.PaymentStatus? _, Nop.Core.Domain.Shipping.ShippingStatus? _, int _, OrderByEnum _, int _, int pageSize, bool _) =>
                (IPagedList<BestsellersReportLine>)new InMemoryPagedList<BestsellersReportLine>(Bestsellers.Take(pageSize), 0, pageSize, Bestsellers.Count));
        _categoryService.Setup(s => s.GetProductCategoryIdsAsync(It.IsAny<int[]>()))
            .ReturnsAsync((int[] ids) => (IDictionary<int, int[]>)ids.ToDictionary(id => id,
                id => ProductCategories.Where(pc => pc.ProductId == id).Select(pc => pc.CategoryId).ToArray()));
        _categoryService.Setup(s => s.GetProductCategoriesByProductIdAsync(It.IsAny<int>(), It.IsAny<bool>()))
            .ReturnsAsync((int productId, bool _) => (IList<ProductCategory>)ProductCategories.Where(m => m.ProductId == productId).ToList());
        _categoryService.Setup(s => s.GetProductCategoriesByCategoryIdAsync(It.IsAny<int>(), It.IsAny<int>(), It.IsAny<int>(), It.IsAny<bool>()))
            .ReturnsAsync((int categoryId, int pageIndex, int pageSize, bool _) =>
            {
                var inCategory = ProductCategories.Where(m => m.CategoryId == categoryId).ToList();
                return (IPagedList<ProductCategory>)new InMemoryPagedList<ProductCategory>(inCategory.Take(pageSize), pageIndex, pageSize, inCategory.Count);
            });

        QueuedEmailService.Setup(s => s.InsertQueuedEmailAsync(It.IsAny<QueuedEmail>())).Returns((QueuedEmail email) => QueuedEmails.InsertAsync(email));
        QueuedEmailService.Setup(s => s.GetQueuedEmailByIdAsync(It.IsAny<int>())).Returns((int id) => QueuedEmails.GetByIdAsync(id));
        QueuedEmailService
            .Setup(s => s.SearchEmailsAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<DateTime?>(), It.IsAny<DateTime?>(), It.IsAny<bool>(), It.IsAny<bool>(), It.IsAny<int>(), It.IsAny<bool>(), It.IsAny<int>(), It.IsAny<int>()))
            .ReturnsAsync((string from, string to, DateTime? createdFrom, DateTime? createdTo, bool notSent, bool toBeSent, int maxTries, bool newest, int pageIndex, int pageSize) =>
            {
                var found = QueuedEmails.Table
                    .Where(e => (string.IsNullOrEmpty(to) || e.To.Contains(to)) && (createdFrom == null || e.CreatedOnUtc >= createdFrom) && e.SentTries < maxTries)
                    .OrderByDescending(e => e.CreatedOnUtc).ToList();
                return (IPagedList<QueuedEmail>)new InMemoryPagedList<QueuedEmail>(found, 0, int.MaxValue, found.Count);
            });

        DiscountService.Setup(s => s.InsertDiscountAsync(It.IsAny<Discount>())).Returns((Discount discount) => Discounts.InsertAsync(discount));
        DiscountService
            .Setup(s => s.GetAllDiscountsAsync(It.IsAny<DiscountType?>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<DateTime?>(), It.IsAny<DateTime?>(), It.IsAny<bool?>(), It.IsAny<int>()))
            .ReturnsAsync((DiscountType? type, string code, string name, bool showHidden, DateTime? start, DateTime? end, bool? active, int vendorId) =>
                (IList<Discount>)Discounts.Table
                    .Where(d => (string.IsNullOrEmpty(code) || d.CouponCode == code) && (string.IsNullOrEmpty(name) || d.Name.Contains(name)) && (active == null || d.IsActive == active))
                    .ToList());
    }

    private string Localized<TEntity>(string entity, int id, int? languageId, Expression<Func<TEntity, string>> selector, TEntity value)
    {
        var property = ((MemberExpression)selector.Body).Member.Name;
        return Translations.TryGetValue((entity, id, languageId ?? 0, property), out var text) ? text : selector.Compile()(value);
    }

    public Customer Customer => Customers.Single(c => c.Id == CustomerId);

    public ICustomFlowsUrlBuilder UrlBuilder => new CustomFlowsUrlBuilder(Settings, _settingService.Object, _storeService.Object, Clock);

    public FlowEmailTokenProvider TokenProvider =>
        new(Settings, UrlBuilder, _localizationService.Object, _productService.Object, RecommendedProducts,
            ActionLogs, _shoppingCartService.Object, _urlRecordService.Object, _categoryService.Object, DiscountService.Object, CustomerDates);

    /// <summary>
    /// Customer dates over the shop's customers, orders, recurring payments and generic attributes
    /// </summary>
    public CustomerDateService CustomerDates
    {
        get
        {
            //the shop's customers keep their ids: queries run over the list itself
            var customers = new Mock<IRepository<Customer>>();
            customers
                .Setup(r => r.GetAllAsync(It.IsAny<Func<IQueryable<Customer>, IQueryable<Customer>>>(), It.IsAny<Func<ICacheKeyService, CacheKey>>(), It.IsAny<bool>()))
                .ReturnsAsync((Func<IQueryable<Customer>, IQueryable<Customer>> query, Func<ICacheKeyService, CacheKey> _, bool _) =>
                    (IList<Customer>)query(Customers.AsQueryable()).ToList());
            return new CustomerDateService(customers.Object, GenericAttributes, Orders, RecurringPayments);
        }
    }

    public FlowMessageRenderer MessageRenderer => new(EmailAccountSettings,
        TokenProvider,
        _emailAccountService.Object, _localizationService.Object, _templateService.Object, _tokenProvider.Object, new FakeTokenizer());

    public IRecommendedProductsSource RecommendedProducts => new CombinedRecommendedProducts(
        new BoughtTogetherRecommendedProducts(_orderReportService.Object, _productService.Object),
        new SameCategoryRecommendedProducts(_categoryService.Object, _productService.Object),
        new BestsellerRecommendedProducts(_orderReportService.Object, _productService.Object, Clock));

    public FlowEmailQueue EmailQueue => new(QueuedEmailService.Object);

    public FlowEmailChannel EmailChannel => new(new FlowEmailLinkTracker(UrlBuilder), EmailQueue, MessageRenderer,
        _customerService.Object, _subscriptionService.Object, _storeService.Object, new CustomerConsentSnapshot(StateRows, Clock), Clock);

    public PopupChannel PopupChannel => new(MessageRenderer, _customerService.Object, Popups, _storeService.Object, Clock);

    public StaffAlertChannel StaffAlertChannel => new(Settings, EmailQueue, MessageRenderer, _customerService.Object,
        _localizationService.Object, _tokenProvider.Object, _storeService.Object, new FakeTokenizer(), Clock);

    /// <summary>
    /// The application-wide gate for customer state rows (a singleton in the shop)
    /// </summary>
    public CustomerStateGate StateGate { get; } = new();

    /// <summary>
    /// The customer state rows over <see cref="CustomerStates"/>, taking turns at <see cref="StateGate"/>
    /// </summary>
    public CustomerStateRows StateRows => new(StateGate, CustomerStates, Clock);

    public CustomerDataChannel CustomerDataChannel => new(StateRows);

    public PersonalCouponChannel CouponChannel => new(Settings, DiscountService.Object, Clock);

    public WebhookChannel CreateWebhookChannel(WebhookAddressPolicy policy = null) =>
        new(Settings, _customerService.Object, Clock,
            new WebhookClient(new HttpClient(WebhookClient.CreateHandler(policy ?? new WebhookAddressPolicy(), Settings.WebhookProxyAddress)), Settings, Clock));

    /// <summary>
    /// A new executor over the shop, as a fresh worker (or the shop after a restart) would build it
    /// </summary>
    public FlowActionExecutor CreateExecutor(params IFlowActionChannel[] channels) =>
        new(Settings,
            channels.Length > 0 ? channels : [EmailChannel, PopupChannel, StaffAlertChannel, CustomerDataChannel, CouponChannel, CreateWebhookChannel()],
            ActionLogs, Logger.Object, Clock);

    public static FlowEffect Effect(FlowAction action, long runId = 41, string nodeId = "step-1", int visit = 1) => new()
    {
        IdempotencyKey = FlowEffect.KeyOf(runId, nodeId, visit),
        RunId = runId,
        FlowId = "abandoned-cart",
        FlowVersion = 3,
        NodeId = nodeId,
        Visit = visit,
        CustomerId = CustomerId,
        StoreId = StoreId,
        CreatedOnUtc = new DateTime(2026, 11, 23, 8, 59, 0, DateTimeKind.Utc),
        Variant = "B",
        Action = action
    };

    public static FlowActionRequest Request(FlowAction action, FlowActionContext context = null, long runId = 41, string nodeId = "step-1") =>
        new(Effect(action, runId, nodeId), context ?? FlowActionContext.Empty);

    public static SendEmailAction MarketingEmail => new() { Template = Template, Category = EmailCategory.Marketing };
}
