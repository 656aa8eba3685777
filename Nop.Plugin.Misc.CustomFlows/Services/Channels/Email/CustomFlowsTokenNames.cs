namespace Nop.Plugin.Misc.CustomFlows.Services.Channels.Email;

/// <summary>
/// The plugin's message-template tokens, written %Name% in a template
/// </summary>
public static class CustomFlowsTokenNames
{
    /// <summary>The customer's cart as an HTML list of linked products with quantities</summary>
    public const string CartItems = "CustomFlows.CartItems";

    /// <summary>The product the flow started from, as a link</summary>
    public const string ViewedProduct = "CustomFlows.ViewedProduct";

    /// <summary>Products bought together with the viewed or carted ones, as an HTML list of links</summary>
    public const string RecommendedProducts = "CustomFlows.RecommendedProducts";

    /// <summary>The personal coupon code created earlier in the same run</summary>
    public const string CouponCode = "CustomFlows.CouponCode";

    /// <summary>One-click unsubscribe address</summary>
    public const string UnsubscribeUrl = "CustomFlows.UnsubscribeUrl";

    /// <summary>The open-tracking image (an img element)</summary>
    public const string TrackingPixel = "CustomFlows.TrackingPixel";

    /// <summary>Link to the customer's cart</summary>
    public const string CartUrl = "CustomFlows.CartUrl";

    /// <summary>What the run's personal coupon is worth ("10%" or an amount)</summary>
    public const string CouponValue = "CustomFlows.CouponValue";

    /// <summary>The last day the run's personal coupon works</summary>
    public const string CouponExpiresOn = "CustomFlows.CouponExpiresOn";

    /// <summary>The products the trigger was about (viewed), as an HTML list</summary>
    public const string ViewedProducts = "CustomFlows.ViewedProducts";

    /// <summary>The products of the order that started the run, as an HTML list</summary>
    public const string OrderedProducts = "CustomFlows.OrderedProducts";

    /// <summary>Name of the category of the trigger's first product</summary>
    public const string CategoryName = "CustomFlows.CategoryName";

    /// <summary>Link to that category</summary>
    public const string CategoryUrl = "CustomFlows.CategoryUrl";

    /// <summary>The customer's subscription end date; empty where the shop keeps none</summary>
    public const string SubscriptionEndsOn = "CustomFlows.SubscriptionEndsOn";

    /// <summary>Link to the satisfaction survey</summary>
    public const string SurveyUrl = "CustomFlows.SurveyUrl";

    /// <summary>Link to the feedback form</summary>
    public const string FeedbackUrl = "CustomFlows.FeedbackUrl";
}
