using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Messages;
using Nop.Core.Domain.Orders;
using Nop.Core.Events;
using Nop.Plugin.Misc.CustomFlows.Services.Inbox;
using Nop.Services.Events;
using Nop.Web.Framework.Events;
using Nop.Web.Framework.Models;
using Nop.Web.Models.Catalog;

namespace Nop.Plugin.Misc.CustomFlows.Events;

/// <summary>
/// Turns shop events into inbox rows. Each handler runs inside a shopper's request: it returns at
/// once when the plugin is off, otherwise writes exactly one row and leaves all flow logic to the
/// inbox job.
/// </summary>
public class EventConsumer :
    IConsumer<ModelPreparedEvent<BaseNopModel>>,
    IConsumer<EntityInsertedEvent<ShoppingCartItem>>,
    IConsumer<EntityUpdatedEvent<ShoppingCartItem>>,
    IConsumer<EntityDeletedEvent<ShoppingCartItem>>,
    IConsumer<OrderPlacedEvent>,
    IConsumer<OrderPaidEvent>,
    IConsumer<CustomerRegisteredEvent>,
    IConsumer<CustomerLoggedinEvent>,
    IConsumer<EmailSubscribedEvent>,
    IConsumer<EmailUnsubscribedEvent>
{
    #region Fields

    private readonly CustomFlowsSettings _settings;
    private readonly IFlowInboxWriter _inboxWriter;
    private readonly IStoreContext _storeContext;
    private readonly IWorkContext _workContext;

    #endregion

    #region Ctor

    public EventConsumer(CustomFlowsSettings settings,
        IFlowInboxWriter inboxWriter,
        IStoreContext storeContext,
        IWorkContext workContext)
    {
        _settings = settings;
        _inboxWriter = inboxWriter;
        _storeContext = storeContext;
        _workContext = workContext;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Product viewed: the product details page model was prepared for the current customer
    /// </summary>
    public async Task HandleEventAsync(ModelPreparedEvent<BaseNopModel> eventMessage)
    {
        if (!_settings.Enabled || eventMessage.Model is not ProductDetailsModel product)
            return;

        var customer = await _workContext.GetCurrentCustomerAsync();
        //crawlers and background tasks are system accounts: they are not shoppers
        if (customer == null || customer.IsSystemAccount)
            return;

        var store = await _storeContext.GetCurrentStoreAsync();
        await _inboxWriter.WriteAsync(FlowInboxEventTypes.PRODUCT_VIEWED, customer.Id, store.Id, new ProductViewedPayload(product.Id));
    }

    /// <summary>
    /// Cart item added
    /// </summary>
    public Task HandleEventAsync(EntityInsertedEvent<ShoppingCartItem> eventMessage) => WriteCartChangeAsync(eventMessage.Entity, "added");

    /// <summary>
    /// Cart item quantity or attributes changed
    /// </summary>
    public Task HandleEventAsync(EntityUpdatedEvent<ShoppingCartItem> eventMessage) => WriteCartChangeAsync(eventMessage.Entity, "updated");

    /// <summary>
    /// Cart item removed (also when an order empties the cart)
    /// </summary>
    public Task HandleEventAsync(EntityDeletedEvent<ShoppingCartItem> eventMessage) => WriteCartChangeAsync(eventMessage.Entity, "removed");

    /// <summary>
    /// Order placed
    /// </summary>
    public Task HandleEventAsync(OrderPlacedEvent eventMessage) => WriteOrderAsync(FlowInboxEventTypes.ORDER_PLACED, eventMessage.Order);

    /// <summary>
    /// Order paid
    /// </summary>
    public Task HandleEventAsync(OrderPaidEvent eventMessage) => WriteOrderAsync(FlowInboxEventTypes.ORDER_PAID, eventMessage.Order);

    /// <summary>
    /// Customer registered
    /// </summary>
    public async Task HandleEventAsync(CustomerRegisteredEvent eventMessage)
    {
        if (!_settings.Enabled || eventMessage.Customer == null)
            return;

        var store = await _storeContext.GetCurrentStoreAsync();
        await _inboxWriter.WriteAsync(FlowInboxEventTypes.CUSTOMER_REGISTERED, eventMessage.Customer.Id, store.Id, new { });
    }

    /// <summary>
    /// Customer logged in: when they were a guest before, their flow history moves to the account
    /// </summary>
    public async Task HandleEventAsync(CustomerLoggedinEvent eventMessage)
    {
        if (!_settings.Enabled || eventMessage.Customer == null || eventMessage.GuestCustomer == null
            || eventMessage.GuestCustomer.Id == eventMessage.Customer.Id)
            return;

        var store = await _storeContext.GetCurrentStoreAsync();
        await _inboxWriter.WriteAsync(FlowInboxEventTypes.CUSTOMER_LOGGED_IN, eventMessage.Customer.Id, store.Id,
            new CustomerLoggedInPayload(eventMessage.GuestCustomer.Id));
    }

    /// <summary>
    /// Newsletter subscribed
    /// </summary>
    public Task HandleEventAsync(EmailSubscribedEvent eventMessage) =>
        WriteNewsletterAsync(FlowInboxEventTypes.NEWSLETTER_SUBSCRIBED, eventMessage.Subscription);

    /// <summary>
    /// Newsletter unsubscribed: marketing flows of that address end when the event is processed
    /// </summary>
    public Task HandleEventAsync(EmailUnsubscribedEvent eventMessage) =>
        WriteNewsletterAsync(FlowInboxEventTypes.NEWSLETTER_UNSUBSCRIBED, eventMessage.Subscription);

    #endregion

    #region Utilities

    private async Task WriteCartChangeAsync(ShoppingCartItem item, string change)
    {
        //the wishlist is not a cart: nobody abandons a wishlist
        if (!_settings.Enabled || item == null || item.ShoppingCartTypeId != (int)ShoppingCartType.ShoppingCart)
            return;

        await _inboxWriter.WriteAsync(FlowInboxEventTypes.CART_UPDATED, item.CustomerId, item.StoreId,
            new CartUpdatedPayload(change, item.Id, item.ProductId, change == "removed" ? 0 : item.Quantity));
    }

    private async Task WriteOrderAsync(string eventType, Order order)
    {
        if (!_settings.Enabled || order == null)
            return;

        await _inboxWriter.WriteAsync(eventType, order.CustomerId, order.StoreId,
            new OrderPayload(order.Id, order.OrderTotal, order.CustomerCurrencyCode));
    }

    private async Task WriteNewsletterAsync(string eventType, NewsLetterSubscription subscription)
    {
        if (!_settings.Enabled || subscription == null)
            return;

        await _inboxWriter.WriteAsync(eventType, 0, subscription.StoreId,
            new NewsletterPayload(subscription.Id, subscription.Email, subscription.LanguageId));
    }

    #endregion
}
