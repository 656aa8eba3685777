using System.Text.Json;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using Nop.Plugin.Misc.CustomFlows.Services.Catalog;
using Nop.Plugin.Misc.CustomFlows.Services.Facts;
using Nop.Services.Customers;
using Nop.Services.Orders;

namespace Nop.Plugin.Misc.CustomFlows.Services.Inbox;

/// <summary>
/// Reads the plugin's inbox rows as the engine's events, the one translation the inbox job and the backtest share
/// </summary>
public class FlowInboxTranslator
{
    #region Fields

    private static readonly JsonSerializerOptions PayloadOptions = new(JsonSerializerDefaults.Web);

    private readonly ProductCategoryResolver _categoryResolver;
    private readonly ICustomerService _customerService;
    private readonly IOrderService _orderService;
    private readonly NopCustomerFactsSource _cartSource;

    #endregion

    #region Ctor

    /// <summary>
    /// Creates the translator
    /// </summary>
    /// <param name="categoryResolver">Products' categories</param>
    /// <param name="customerService">Customers</param>
    /// <param name="orderService">Orders</param>
    /// <param name="cartSource">Where a cart event reads the cart after the change (the inbox job: the customer's cart now);
    /// null to keep only the line that changed (the backtest, which rebuilds past carts from the changes)</param>
    public FlowInboxTranslator(ProductCategoryResolver categoryResolver, ICustomerService customerService, IOrderService orderService,
        NopCustomerFactsSource cartSource = null)
    {
        _cartSource = cartSource;
        _categoryResolver = categoryResolver;
        _customerService = customerService;
        _orderService = orderService;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Translates an inbox row into the engine's event: products with their categories, the order's items, the
    /// customer of a newsletter address; null for rows that are no event of a flow (a login, an unsubscribe)
    /// </summary>
    /// <param name="inboxEvent">The inbox row</param>
    public async Task<FlowEvent> TranslateAsync(FlowInboxEvent inboxEvent)
    {
        var flowEvent = new FlowEvent
        {
            CustomerId = inboxEvent.CustomerId,
            StoreId = inboxEvent.StoreId,
            OccurredOnUtc = inboxEvent.CreatedOnUtc
        };

        switch (inboxEvent.EventType)
        {
            case FlowInboxEventTypes.PRODUCT_VIEWED:
                flowEvent.Type = FlowEventType.ProductViewed;
                await SetProductsAsync(flowEvent, new[] { Read<ProductViewedPayload>(inboxEvent).ProductId });
                break;
            case FlowInboxEventTypes.CART_UPDATED:
                var cart = Read<CartUpdatedPayload>(inboxEvent);
                flowEvent.Type = FlowEventType.CartUpdated;
                flowEvent.CartChange = cart.Change switch
                {
                    "added" => CartChange.ItemAdded,
                    "removed" => CartChange.ItemRemoved,
                    _ => CartChange.Any
                };
                if (_cartSource != null)
                    await SetCartAsync(flowEvent);
                else
                {
                    flowEvent.Quantity = cart.Quantity;
                    await SetProductsAsync(flowEvent, new[] { cart.ProductId });
                }
                break;
            case FlowInboxEventTypes.ORDER_PLACED:
            case FlowInboxEventTypes.ORDER_PAID:
                var order = Read<OrderPayload>(inboxEvent);
                flowEvent.Type = inboxEvent.EventType == FlowInboxEventTypes.ORDER_PLACED ? FlowEventType.OrderPlaced : FlowEventType.OrderPaid;
                flowEvent.Value = order.OrderTotal;
                var items = await _orderService.GetOrderItemsAsync(order.OrderId);
                flowEvent.Quantity = items.Sum(item => item.Quantity);
                await SetProductsAsync(flowEvent, items.Select(item => item.ProductId).Distinct().ToArray());
                break;
            case FlowInboxEventTypes.CUSTOMER_REGISTERED:
                flowEvent.Type = FlowEventType.CustomerRegistered;
                break;
            case FlowInboxEventTypes.NEWSLETTER_SUBSCRIBED:
                flowEvent.Type = FlowEventType.NewsletterSubscribed;
                flowEvent.CustomerId = await CustomerOfNewsletterAsync(inboxEvent);
                break;
            case FlowInboxEventTypes.DATE:
                var date = Read<DatePayload>(inboxEvent);
                flowEvent.Type = FlowEventType.Date;
                flowEvent.DateField = date.DateField;
                flowEvent.DateValue = date.DateValue;
                flowEvent.LocalDate = date.LocalDate;
                break;
            case FlowInboxEventTypes.EMAIL_OPENED:
            case FlowInboxEventTypes.EMAIL_CLICKED:
            case FlowInboxEventTypes.POPUP_SHOWN:
            case FlowInboxEventTypes.POPUP_CLICKED:
            case FlowInboxEventTypes.POPUP_DISMISSED:
                var engagement = Read<EngagementPayload>(inboxEvent);
                flowEvent.Type = inboxEvent.EventType switch
                {
                    FlowInboxEventTypes.EMAIL_OPENED => FlowEventType.EmailOpened,
                    FlowInboxEventTypes.EMAIL_CLICKED => FlowEventType.EmailClicked,
                    FlowInboxEventTypes.POPUP_SHOWN => FlowEventType.PopupShown,
                    FlowInboxEventTypes.POPUP_CLICKED => FlowEventType.PopupClicked,
                    _ => FlowEventType.PopupDismissed
                };
                flowEvent.RunId = engagement.RunId;
                flowEvent.NodeId = engagement.NodeId;
                break;
            case FlowInboxEventTypes.CUSTOMER_LOGGED_IN:
            case FlowInboxEventTypes.NEWSLETTER_UNSUBSCRIBED:
                return null;
            default:
                throw new InvalidOperationException($"Unknown inbox event type \"{inboxEvent.EventType}\".");
        }

        return flowEvent;
    }

    /// <summary>
    /// A cart event is about the cart after the change, not the line that changed: its products, its value (which
    /// trigger filters compare) and its quantity (0 for an emptied cart, which ends the abandoned-cart clock), as the
    /// cart is when the event is handled
    /// </summary>
    private async Task SetCartAsync(FlowEvent flowEvent)
    {
        var customer = await _customerService.GetCustomerByIdAsync(flowEvent.CustomerId);
        var cart = customer == null ? CustomerCart.Empty : await _cartSource.GetCartAsync(customer, flowEvent.StoreId);
        flowEvent.Value = cart.Value;
        flowEvent.Quantity = cart.Quantity;
        flowEvent.ProductIds = cart.Lines.Select(line => line.ProductId).Distinct().ToArray();
        flowEvent.CategoryIds = cart.Lines.SelectMany(line => line.CategoryIds).Distinct().ToArray();
        flowEvent.AncestorCategoryIds = cart.Lines.SelectMany(line => line.AncestorCategoryIds).Distinct().ToArray();
    }

    private async Task SetProductsAsync(FlowEvent flowEvent, int[] productIds)
    {
        flowEvent.ProductIds = productIds;
        if (productIds.Length == 0)
            return;

        var resolved = await _categoryResolver.ResolveAsync(productIds);
        flowEvent.CategoryIds = resolved.Values.SelectMany(p => p.Categories).Distinct().ToArray();
        flowEvent.AncestorCategoryIds = resolved.Values.SelectMany(p => p.Ancestors).Distinct().ToArray();
    }

    /// <summary>
    /// The customer of a newsletter row: its customer id, else the account with the subscribed address; 0 when none
    /// </summary>
    /// <param name="inboxEvent">The inbox row</param>
    public async Task<int> CustomerOfNewsletterAsync(FlowInboxEvent inboxEvent)
    {
        if (inboxEvent.CustomerId > 0)
            return inboxEvent.CustomerId;

        var email = Read<NewsletterPayload>(inboxEvent).Email;
        return string.IsNullOrWhiteSpace(email) ? 0 : (await _customerService.GetCustomerByEmailAsync(email))?.Id ?? 0;
    }

    /// <summary>
    /// Reads the payload of an inbox row
    /// </summary>
    public static T Read<T>(FlowInboxEvent inboxEvent) =>
        JsonSerializer.Deserialize<T>(inboxEvent.PayloadJson ?? "null", PayloadOptions)
        ?? throw new InvalidOperationException($"Inbox event {inboxEvent.Id} ({inboxEvent.EventType}) has no payload.");

    #endregion
}
