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
}
