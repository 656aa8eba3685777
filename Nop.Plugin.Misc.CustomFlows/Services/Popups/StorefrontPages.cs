using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;

namespace Nop.Plugin.Misc.CustomFlows.Services.Popups;

/// <summary>
/// Tells which kind of storefront page a request is, from nopCommerce's public controller and action names
/// </summary>
public static class StorefrontPages
{
    private static readonly HashSet<string> _listingActions = new(StringComparer.OrdinalIgnoreCase)
    {
        "Category", "Manufacturer", "Vendor", "ProductsByTag", "NewProducts", "ManufacturerAll", "VendorAll", "ProductTagsAll"
    };

    private static readonly HashSet<string> _accountControllers = new(StringComparer.OrdinalIgnoreCase)
    {
        "Customer", "Order", "ReturnRequest", "BackInStockSubscription", "PrivateMessages", "RewardPoints"
    };

    /// <summary>
    /// Classifies a page view
    /// </summary>
    /// <param name="controller">Route controller name, e.g. "Product"</param>
    /// <param name="action">Route action name, e.g. "ProductDetails"</param>
    /// <returns>The kind of page; <see cref="PopupPage.Other"/> for anything not recognized</returns>
    public static PopupPage Classify(string controller, string action)
    {
        controller ??= string.Empty;
        action ??= string.Empty;

        bool Is(string name) => string.Equals(controller, name, StringComparison.OrdinalIgnoreCase);
        bool Does(string name) => string.Equals(action, name, StringComparison.OrdinalIgnoreCase);

        if (Is("Checkout"))
            return PopupPage.Checkout;
        if (Is("Home") && Does("Index"))
            return PopupPage.Home;
        if (Is("Product") && Does("ProductDetails"))
            return PopupPage.Product;
        if (Is("Catalog") && Does("Search"))
            return PopupPage.Search;
        if (Is("Catalog") && _listingActions.Contains(action))
            return PopupPage.Category;
        if (Is("ShoppingCart") && Does("Cart"))
            return PopupPage.Cart;
        if (_accountControllers.Contains(controller))
            return PopupPage.Account;

        return PopupPage.Other;
    }
}
