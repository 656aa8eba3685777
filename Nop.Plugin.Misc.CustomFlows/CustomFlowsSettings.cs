using Nop.Core.Configuration;
using Nop.Plugin.Misc.CustomFlows.Scheduling;

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
    /// Gets or sets how many days finished runs, action logs and processed events are kept before the
    /// daily housekeeping deletes them
    /// </summary>
    public int RetentionDays { get; set; } = 90;

    /// <summary>
    /// Gets or sets the attribution window in days: an order placed this long after one of a flow's messages converts
    /// the flow and counts as its revenue, in the reports and the backtest alike (1-90, at most the history kept)
    /// </summary>
    public int AttributionWindowDays { get; set; } = 7;

    /// <summary>
    /// Gets or sets the local hour (0-23, store time zone) at which birthday and other date triggers start their flows
    /// </summary>
    public int DateTriggerHour { get; set; } = 9;

    /// <summary>
    /// Gets or sets a value indicating whether the scheduler keeps its state in a database shared by
    /// all nodes of a web farm (Quartz clustered store) instead of in memory
    /// </summary>
    public bool UseClusteredScheduler { get; set; }

    /// <summary>
    /// Gets or sets the database of the clustered scheduler
    /// </summary>
    public SchedulerDatabase SchedulerDatabase { get; set; } = SchedulerDatabase.SqlServer;

    /// <summary>
    /// Gets or sets the connection string of the clustered scheduler (usually the shop's own database)
    /// </summary>
    public string SchedulerConnectionString { get; set; }

    /// <summary>
    /// Gets or sets how many marketing e-mails one customer gets from all flows together within 24 hours
    /// </summary>
    public int MarketingEmailsPerDay { get; set; } = 1;

    /// <summary>
    /// Gets or sets how many marketing e-mails one customer gets from all flows together within 7 days
    /// </summary>
    public int MarketingEmailsPerWeek { get; set; } = 3;

    /// <summary>
    /// Gets or sets the start of the quiet hours (local "HH:mm" in the customer's time zone); empty for none
    /// </summary>
    public string QuietHoursStart { get; set; } = "21:00";

    /// <summary>
    /// Gets or sets the end of the quiet hours (local "HH:mm")
    /// </summary>
    public string QuietHoursEnd { get; set; } = "08:00";

    /// <summary>
    /// Gets or sets days (yyyy-MM-dd, comma separated) on which no marketing message goes out
    /// </summary>
    public string BlackoutDates { get; set; }

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
    /// Gets or sets the proxy webhooks go through ("http://proxy.example:3128"); empty for none. Webhooks never use
    /// the machine's proxy (HTTP_PROXY / HTTPS_PROXY); with this one the target is still resolved and checked by the
    /// plugin and the proxy is sent to the checked address
    /// </summary>
    public string WebhookProxyAddress { get; set; }

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
    /// Gets or sets how many days the unsubscribe, open and click links of an e-mail work after it was written
    /// </summary>
    public int LinkLifetimeDays { get; set; } = 60;

    /// <summary>
    /// Gets or sets how many requests one client (IP address) may make to the plugin's public addresses (open pixel,
    /// click, unsubscribe, pop-up answers) within a minute; 0 for no limit. More are answered 429.
    /// </summary>
    public int RateLimitPerClientPerMinute { get; set; } = 300;

    /// <summary>
    /// Gets or sets how many requests may carry one and the same link or pop-up token within a minute; 0 for no limit
    /// </summary>
    public int RateLimitPerTokenPerMinute { get; set; } = 20;

    /// <summary>
    /// Gets or sets how many products %CustomFlows.RecommendedProducts% lists
    /// </summary>
    public int RecommendedProductsCount { get; set; } = 4;

    /// <summary>
    /// Gets or sets the address of the satisfaction survey linked from survey e-mails; empty for the contact page
    /// </summary>
    public string SurveyUrl { get; set; }

    /// <summary>
    /// Gets or sets the address of the feedback form linked from "why did you not come back" e-mails; empty for the contact page
    /// </summary>
    public string FeedbackUrl { get; set; }
}
