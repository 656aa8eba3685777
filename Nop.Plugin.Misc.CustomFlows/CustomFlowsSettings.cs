using Nop.Core.Configuration;

namespace Nop.Plugin.Misc.CustomFlows;

/// <summary>
/// Global switches of the plugin, stored with nopCommerce's settings.
/// </summary>
public class CustomFlowsSettings : ISettings
{
    /// <summary>
    /// Gets or sets a value indicating whether flows react to shop events at all. When off,
    /// event handlers return at once and nothing is recorded.
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether every flow is paused: events are still recorded,
    /// but no run advances and no message is sent until the switch is turned off again.
    /// </summary>
    public bool PauseAll { get; set; }

    /// <summary>
    /// Gets or sets after how many minutes an action that was started but never recorded as done (the worker
    /// stopped in between) is looked at again: its effect is searched for and, when none is found, it is repeated
    /// </summary>
    public int UnfinishedActionRetryMinutes { get; set; } = 10;

    /// <summary>
    /// Gets or sets the secret webhooks are signed with (HMAC-SHA256 of the body, sent in a header)
    /// </summary>
    public string WebhookSecret { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether webhooks may call loopback, private and link-local addresses
    /// (off by default, so a flow cannot be used to reach the shop's internal network)
    /// </summary>
    public bool WebhookAllowPrivateAddresses { get; set; }

    /// <summary>
    /// Gets or sets how long one webhook call may take, in seconds
    /// </summary>
    public int WebhookTimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// Gets or sets how many times a webhook is tried before it is given up
    /// </summary>
    public int WebhookMaxAttempts { get; set; } = 4;

    /// <summary>
    /// Gets or sets the first wait between webhook attempts, in seconds; each later wait is twice the one before
    /// </summary>
    public int WebhookRetryDelaySeconds { get; set; } = 2;

    /// <summary>
    /// Gets or sets the start of the name of the discounts personal coupons create, so the admin can find them
    /// </summary>
    public string CouponNamePrefix { get; set; } = "Custom Flows coupon";

    /// <summary>
    /// Gets or sets where staff alerts go when the flow step names no address; empty for the store's e-mail account
    /// </summary>
    public string StaffAlertEmail { get; set; }

    /// <summary>
    /// Gets or sets the key unsubscribe, open and click links are signed with, so they cannot be forged
    /// </summary>
    public string LinkSigningKey { get; set; }

    /// <summary>
    /// Gets or sets how many products %CustomFlows.RecommendedProducts% lists
    /// </summary>
    public int RecommendedProductsCount { get; set; } = 4;
}
