namespace Nop.Plugin.Misc.CustomFlows.Services.Inbox;

/// <summary>A product page was shown.</summary>
public record ProductViewedPayload(int ProductId);

/// <summary>A shopping-cart item changed; <paramref name="Change"/> is added, updated or removed.</summary>
public record CartUpdatedPayload(string Change, int ShoppingCartItemId, int ProductId, int Quantity);

/// <summary>An order was placed or paid.</summary>
public record OrderPayload(int OrderId, decimal OrderTotal, string CurrencyCode);

/// <summary>A newsletter subscription changed; the customer is found by e-mail when the event is processed.</summary>
public record NewsletterPayload(int SubscriptionId, string Email, int LanguageId);

/// <summary>A customer logged in; the guest's runs, pop-ups and history move to them.</summary>
public record CustomerLoggedInPayload(int GuestCustomerId);

/// <summary>A customer opened or clicked a flow's e-mail, or answered its pop-up.</summary>
public record EngagementPayload(long RunId, string NodeId, int PopupId = 0);
