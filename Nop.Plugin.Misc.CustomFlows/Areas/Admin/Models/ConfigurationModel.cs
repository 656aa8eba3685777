using Nop.Plugin.Misc.CustomFlows.Scheduling;
using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Misc.CustomFlows.Areas.Admin.Models;

/// <summary>
/// The plugin's Configure page
/// </summary>
public record ConfigurationModel : BaseNopModel
{
    /// <summary>
    /// Whether flows react to shop events
    /// </summary>
    [NopResourceDisplayName("Plugins.Misc.CustomFlows.Fields.Enabled")]
    public bool Enabled { get; set; }

    /// <summary>
    /// Whether every flow is paused
    /// </summary>
    [NopResourceDisplayName("Plugins.Misc.CustomFlows.Fields.PauseAll")]
    public bool PauseAll { get; set; }

    /// <summary>
    /// Days finished runs and logs are kept
    /// </summary>
    [NopResourceDisplayName("Plugins.Misc.CustomFlows.Fields.RetentionDays")]
    public int RetentionDays { get; set; }

    /// <summary>
    /// Days after a message in which an order converts the flow
    /// </summary>
    [NopResourceDisplayName("Plugins.Misc.CustomFlows.Fields.AttributionWindowDays")]
    public int AttributionWindowDays { get; set; }

    /// <summary>
    /// Local hour at which date triggers start their flows
    /// </summary>
    [NopResourceDisplayName("Plugins.Misc.CustomFlows.Fields.DateTriggerHour")]
    public int DateTriggerHour { get; set; }

    /// <summary>
    /// Whether the scheduler state is shared by the nodes of a web farm
    /// </summary>
    [NopResourceDisplayName("Plugins.Misc.CustomFlows.Fields.UseClusteredScheduler")]
    public bool UseClusteredScheduler { get; set; }

    /// <summary>
    /// Database of the clustered scheduler
    /// </summary>
    [NopResourceDisplayName("Plugins.Misc.CustomFlows.Fields.SchedulerDatabase")]
    public SchedulerDatabase SchedulerDatabase { get; set; }

    /// <summary>
    /// A new connection string of the clustered scheduler; empty keeps the stored one (which is never sent back)
    /// </summary>
    [NopResourceDisplayName("Plugins.Misc.CustomFlows.Fields.SchedulerConnectionString")]
    public string SchedulerConnectionString { get; set; }

    /// <summary>
    /// The stored connection string with only where the database is; null when none is stored
    /// </summary>
    public string SchedulerConnectionStringMasked { get; set; }

    [NopResourceDisplayName("Plugins.Misc.CustomFlows.Fields.MarketingEmailsPerDay")]
    public int MarketingEmailsPerDay { get; set; }

    [NopResourceDisplayName("Plugins.Misc.CustomFlows.Fields.MarketingEmailsPerWeek")]
    public int MarketingEmailsPerWeek { get; set; }

    [NopResourceDisplayName("Plugins.Misc.CustomFlows.Fields.QuietHoursStart")]
    public string QuietHoursStart { get; set; }

    [NopResourceDisplayName("Plugins.Misc.CustomFlows.Fields.QuietHoursEnd")]
    public string QuietHoursEnd { get; set; }

    [NopResourceDisplayName("Plugins.Misc.CustomFlows.Fields.BlackoutDates")]
    public string BlackoutDates { get; set; }

    [NopResourceDisplayName("Plugins.Misc.CustomFlows.Fields.StaffAlertEmail")]
    public string StaffAlertEmail { get; set; }

    [NopResourceDisplayName("Plugins.Misc.CustomFlows.Fields.CouponNamePrefix")]
    public string CouponNamePrefix { get; set; }

    [NopResourceDisplayName("Plugins.Misc.CustomFlows.Fields.RecommendedProductsCount")]
    public int RecommendedProductsCount { get; set; }

    /// <summary>
    /// A new webhook secret typed by the admin; empty keeps the stored one (which is never sent back)
    /// </summary>
    [NopResourceDisplayName("Plugins.Misc.CustomFlows.Fields.WebhookSecret")]
    public string WebhookSecret { get; set; }

    /// <summary>
    /// The stored webhook secret as dots and its last characters; null when none is stored
    /// </summary>
    public string WebhookSecretMasked { get; set; }

    /// <summary>
    /// Whether saving replaces the webhook secret with a freshly generated one
    /// </summary>
    [NopResourceDisplayName("Plugins.Misc.CustomFlows.Fields.RegenerateWebhookSecret")]
    public bool RegenerateWebhookSecret { get; set; }

    [NopResourceDisplayName("Plugins.Misc.CustomFlows.Fields.WebhookAllowPrivateAddresses")]
    public bool WebhookAllowPrivateAddresses { get; set; }

    [NopResourceDisplayName("Plugins.Misc.CustomFlows.Fields.WebhookProxyAddress")]
    public string WebhookProxyAddress { get; set; }

    [NopResourceDisplayName("Plugins.Misc.CustomFlows.Fields.WebhookTimeoutSeconds")]
    public int WebhookTimeoutSeconds { get; set; }

    [NopResourceDisplayName("Plugins.Misc.CustomFlows.Fields.WebhookMaxAttempts")]
    public int WebhookMaxAttempts { get; set; }

    [NopResourceDisplayName("Plugins.Misc.CustomFlows.Fields.LinkLifetimeDays")]
    public int LinkLifetimeDays { get; set; }

    [NopResourceDisplayName("Plugins.Misc.CustomFlows.Fields.RateLimitPerClientPerMinute")]
    public int RateLimitPerClientPerMinute { get; set; }

    [NopResourceDisplayName("Plugins.Misc.CustomFlows.Fields.RateLimitPerTokenPerMinute")]
    public int RateLimitPerTokenPerMinute { get; set; }

    [NopResourceDisplayName("Plugins.Misc.CustomFlows.Fields.SurveyUrl")]
    public string SurveyUrl { get; set; }

    [NopResourceDisplayName("Plugins.Misc.CustomFlows.Fields.FeedbackUrl")]
    public string FeedbackUrl { get; set; }
}
