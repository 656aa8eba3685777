namespace Nop.Plugin.Misc.CustomFlows.Services.Inbox;

/// <summary>
/// Names of the events written to the inbox. Trigger events use the engine's names (the same as
/// the simulator's event lines); the last two only serve the shop side (consent, guest merge).
/// </summary>
public static class FlowInboxEventTypes
{
    public const string PRODUCT_VIEWED = "product_viewed";
    public const string CART_UPDATED = "cart_updated";
    public const string ORDER_PLACED = "order_placed";
    public const string ORDER_PAID = "order_paid";
    public const string CUSTOMER_REGISTERED = "customer_registered";
    public const string NEWSLETTER_SUBSCRIBED = "newsletter_subscribed";
    public const string NEWSLETTER_UNSUBSCRIBED = "newsletter_unsubscribed";
    public const string CUSTOMER_LOGGED_IN = "customer_logged_in";
    public const string DATE = "date";
    public const string EMAIL_OPENED = "email_opened";
    public const string EMAIL_CLICKED = "email_clicked";
    public const string POPUP_SHOWN = "popup_shown";
    public const string POPUP_CLICKED = "popup_clicked";
    public const string POPUP_DISMISSED = "popup_dismissed";
}
