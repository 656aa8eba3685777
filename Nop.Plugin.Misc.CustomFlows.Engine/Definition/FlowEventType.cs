using System.Text.Json.Serialization;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Definition;

/// <summary>
/// Things that happen in the shop. The JSON names are the event names of the shop's inbox and the
/// simulator's event lines, hence snake_case.
/// </summary>
public enum FlowEventType
{
    /// <summary>A customer opened a product page.</summary>
    [JsonStringEnumMemberName("product_viewed")] ProductViewed,

    /// <summary>A cart item was added, changed or removed.</summary>
    [JsonStringEnumMemberName("cart_updated")] CartUpdated,

    /// <summary>An order was placed.</summary>
    [JsonStringEnumMemberName("order_placed")] OrderPlaced,

    /// <summary>An order was paid.</summary>
    [JsonStringEnumMemberName("order_paid")] OrderPaid,

    /// <summary>A customer registered.</summary>
    [JsonStringEnumMemberName("customer_registered")] CustomerRegistered,

    /// <summary>A customer subscribed to the newsletter.</summary>
    [JsonStringEnumMemberName("newsletter_subscribed")] NewsletterSubscribed,

    /// <summary>A customer's date (birthday or another date) came round; raised by the daily job.</summary>
    [JsonStringEnumMemberName("date")] Date,

    /// <summary>A tag was added to a customer.</summary>
    [JsonStringEnumMemberName("tag_added")] TagAdded,

    /// <summary>A shop-specific event identified by its name.</summary>
    [JsonStringEnumMemberName("custom")] Custom,

    /// <summary>A customer opened an e-mail sent by a flow.</summary>
    [JsonStringEnumMemberName("email_opened")] EmailOpened,

    /// <summary>A customer clicked a link in an e-mail sent by a flow.</summary>
    [JsonStringEnumMemberName("email_clicked")] EmailClicked,

    /// <summary>A flow's pop-up was shown to the customer.</summary>
    [JsonStringEnumMemberName("popup_shown")] PopupShown,

    /// <summary>A customer clicked a flow's pop-up.</summary>
    [JsonStringEnumMemberName("popup_clicked")] PopupClicked,

    /// <summary>A customer closed a flow's pop-up.</summary>
    [JsonStringEnumMemberName("popup_dismissed")] PopupDismissed
}

/// <summary>
/// Which cart changes a cart trigger reacts to.
/// </summary>
public enum CartChange
{
    /// <summary>Any change.</summary>
    Any,

    /// <summary>An item was added (or its quantity raised).</summary>
    ItemAdded,

    /// <summary>An item was removed (or its quantity lowered).</summary>
    ItemRemoved,

    /// <summary>
    /// The cart was left: the run starts at the cart change but only goes on when no order and no
    /// further cart change followed for the trigger's AbandonedAfterMinutes.
    /// </summary>
    Abandoned
}
