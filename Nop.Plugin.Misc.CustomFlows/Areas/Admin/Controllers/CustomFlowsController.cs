using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Misc.CustomFlows.Areas.Admin.Models;
using Nop.Plugin.Misc.CustomFlows.Engine.Processing;
using Nop.Plugin.Misc.CustomFlows.Services.Secrets;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Services.Security;
using Nop.Web.Framework;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Misc.CustomFlows.Areas.Admin.Controllers;

/// <summary>
/// The plugin's Configure page (the flow pages are <see cref="CustomFlowController"/>)
/// </summary>
[Area(AreaNames.ADMIN)]
[AuthorizeAdmin]
[AutoValidateAntiforgeryToken]
[ValidateIpAddress]
public partial class CustomFlowsController : BasePluginController
{
    #region Fields

    private readonly ILocalizationService _localizationService;
    private readonly INotificationService _notificationService;
    private readonly ISettingService _settingService;

    #endregion

    #region Ctor

    public CustomFlowsController(ILocalizationService localizationService,
        INotificationService notificationService,
        ISettingService settingService)
    {
        _localizationService = localizationService;
        _notificationService = notificationService;
        _settingService = settingService;
    }

    #endregion

    #region Configuration

    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> Configure()
    {
        var settings = await _settingService.LoadSettingAsync<CustomFlowsSettings>();
        var model = new ConfigurationModel
        {
            Enabled = settings.Enabled,
            PauseAll = settings.PauseAll,
            RetentionDays = settings.RetentionDays,
            AttributionWindowDays = settings.AttributionWindowDays,
            DateTriggerHour = settings.DateTriggerHour,
            UseClusteredScheduler = settings.UseClusteredScheduler,
            SchedulerDatabase = settings.SchedulerDatabase,
            //secrets go to the page masked only: the inputs stay empty and an empty input keeps the stored value
            SchedulerConnectionStringMasked = SecretMask.MaskConnectionString(settings.SchedulerConnectionString),
            MarketingEmailsPerDay = settings.MarketingEmailsPerDay,
            MarketingEmailsPerWeek = settings.MarketingEmailsPerWeek,
            QuietHoursStart = settings.QuietHoursStart,
            QuietHoursEnd = settings.QuietHoursEnd,
            BlackoutDates = settings.BlackoutDates,
            StaffAlertEmail = settings.StaffAlertEmail,
            CouponNamePrefix = settings.CouponNamePrefix,
            RecommendedProductsCount = settings.RecommendedProductsCount,
            WebhookSecretMasked = SecretMask.Mask(settings.WebhookSecret),
            WebhookAllowPrivateAddresses = settings.WebhookAllowPrivateAddresses,
            WebhookTimeoutSeconds = settings.WebhookTimeoutSeconds,
            WebhookMaxAttempts = settings.WebhookMaxAttempts,
            WebhookProxyAddress = settings.WebhookProxyAddress,
            LinkLifetimeDays = settings.LinkLifetimeDays,
            RateLimitPerClientPerMinute = settings.RateLimitPerClientPerMinute,
            RateLimitPerTokenPerMinute = settings.RateLimitPerTokenPerMinute,
            SurveyUrl = settings.SurveyUrl,
            FeedbackUrl = settings.FeedbackUrl
        };

        return View($"{CustomFlowsDefaults.PluginPath}/Areas/Admin/Views/CustomFlows/Configure.cshtml", model);
    }

    [HttpPost]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PLUGINS)]
    public async Task<IActionResult> Configure(ConfigurationModel model)
    {
        var settings = await _settingService.LoadSettingAsync<CustomFlowsSettings>();
        await ValidateAsync(model, settings);
        if (!ModelState.IsValid)
        {
            //shown again with what the admin chose, but the secrets typed are not echoed into the page
            model.WebhookSecret = null;
            model.SchedulerConnectionString = null;
            model.WebhookSecretMasked = SecretMask.Mask(settings.WebhookSecret);
            model.SchedulerConnectionStringMasked = SecretMask.MaskConnectionString(settings.SchedulerConnectionString);
            return View($"{CustomFlowsDefaults.PluginPath}/Areas/Admin/Views/CustomFlows/Configure.cshtml", model);
        }

        settings.Enabled = model.Enabled;
        settings.PauseAll = model.PauseAll;
        settings.RetentionDays = model.RetentionDays;
        settings.AttributionWindowDays = model.AttributionWindowDays;
        settings.DateTriggerHour = model.DateTriggerHour;
        settings.UseClusteredScheduler = model.UseClusteredScheduler;
        settings.SchedulerDatabase = model.SchedulerDatabase;
        if (!string.IsNullOrWhiteSpace(model.SchedulerConnectionString))
            settings.SchedulerConnectionString = model.SchedulerConnectionString.Trim();
        settings.MarketingEmailsPerDay = model.MarketingEmailsPerDay;
        settings.MarketingEmailsPerWeek = model.MarketingEmailsPerWeek;
        settings.QuietHoursStart = model.QuietHoursStart?.Trim();
        settings.QuietHoursEnd = model.QuietHoursEnd?.Trim();
        settings.BlackoutDates = model.BlackoutDates?.Trim();
        settings.StaffAlertEmail = model.StaffAlertEmail?.Trim();
        settings.CouponNamePrefix = model.CouponNamePrefix?.Trim();
        settings.RecommendedProductsCount = model.RecommendedProductsCount;
        var newWebhookSecret = model.RegenerateWebhookSecret ? SecretKeys.NewHexSecret() : null;
        if (newWebhookSecret != null)
            settings.WebhookSecret = newWebhookSecret;
        else if (!string.IsNullOrWhiteSpace(model.WebhookSecret))
            settings.WebhookSecret = model.WebhookSecret.Trim();
        settings.WebhookAllowPrivateAddresses = model.WebhookAllowPrivateAddresses;
        settings.WebhookTimeoutSeconds = model.WebhookTimeoutSeconds;
        settings.WebhookMaxAttempts = model.WebhookMaxAttempts;
        settings.WebhookProxyAddress = string.IsNullOrWhiteSpace(model.WebhookProxyAddress) ? null : model.WebhookProxyAddress.Trim();
        settings.LinkLifetimeDays = model.LinkLifetimeDays;
        settings.RateLimitPerClientPerMinute = model.RateLimitPerClientPerMinute;
        settings.RateLimitPerTokenPerMinute = model.RateLimitPerTokenPerMinute;
        settings.SurveyUrl = model.SurveyUrl?.Trim();
        settings.FeedbackUrl = model.FeedbackUrl?.Trim();
        await _settingService.SaveSettingAsync(settings);

        _notificationService.SuccessNotification(
            await _localizationService.GetResourceAsync($"{CustomFlowsDefaults.LocalePrefix}.Configuration.Saved"));

        //the one time the new secret is shown: the receivers need it to check the signatures from now on
        if (newWebhookSecret != null)
            _notificationService.SuccessNotification(string.Format(
                await _localizationService.GetResourceAsync($"{CustomFlowsDefaults.LocalePrefix}.Configuration.WebhookSecretRegenerated"), newWebhookSecret));

        return await Configure();
    }

    private async Task ValidateAsync(ConfigurationModel model, CustomFlowsSettings stored)
    {
        if (model.RetentionDays is < 1 or > 3650)
            ModelState.AddModelError(nameof(model.RetentionDays), await _localizationService.GetResourceAsync($"{CustomFlowsDefaults.LocalePrefix}.Fields.RetentionDays.Range"));

        //the messages an order is credited to are read from the action log, which housekeeping thins after the retention
        if (model.AttributionWindowDays < 1 || model.AttributionWindowDays > OrderAttribution.MaxWindow.TotalDays
            || (model.RetentionDays >= 1 && model.AttributionWindowDays > model.RetentionDays))
            ModelState.AddModelError(nameof(model.AttributionWindowDays), await _localizationService.GetResourceAsync($"{CustomFlowsDefaults.LocalePrefix}.Fields.AttributionWindowDays.Range"));

        if (model.DateTriggerHour is < 0 or > 23)
            ModelState.AddModelError(nameof(model.DateTriggerHour), await _localizationService.GetResourceAsync($"{CustomFlowsDefaults.LocalePrefix}.Fields.DateTriggerHour.Range"));

        if (model.MarketingEmailsPerDay < 0 || model.MarketingEmailsPerWeek < 0 || model.RecommendedProductsCount is < 0 or > 20)
            ModelState.AddModelError(nameof(model.MarketingEmailsPerDay), await _localizationService.GetResourceAsync($"{CustomFlowsDefaults.LocalePrefix}.Fields.NotNegative"));

        foreach (var (field, value) in new[] { (nameof(model.QuietHoursStart), model.QuietHoursStart), (nameof(model.QuietHoursEnd), model.QuietHoursEnd) })
        {
            if (!string.IsNullOrWhiteSpace(value) && !TimeOnly.TryParseExact(value.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                ModelState.AddModelError(field, await _localizationService.GetResourceAsync($"{CustomFlowsDefaults.LocalePrefix}.Fields.QuietHours.Format"));
        }

        var badDates = (model.BlackoutDates ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(text => !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
        if (badDates.Any())
            ModelState.AddModelError(nameof(model.BlackoutDates), await _localizationService.GetResourceAsync($"{CustomFlowsDefaults.LocalePrefix}.Fields.BlackoutDates.Format"));

        if (model.WebhookTimeoutSeconds is < 1 or > 120 || model.WebhookMaxAttempts is < 1 or > 10)
            ModelState.AddModelError(nameof(model.WebhookTimeoutSeconds), await _localizationService.GetResourceAsync($"{CustomFlowsDefaults.LocalePrefix}.Fields.Webhook.Range"));

        //an http proxy address without a login (a login would be a secret shown back on this page)
        if (!string.IsNullOrWhiteSpace(model.WebhookProxyAddress)
            && !(Uri.TryCreate(model.WebhookProxyAddress.Trim(), UriKind.Absolute, out var proxy) && proxy.Scheme == Uri.UriSchemeHttp && string.IsNullOrEmpty(proxy.UserInfo)))
            ModelState.AddModelError(nameof(model.WebhookProxyAddress), await _localizationService.GetResourceAsync($"{CustomFlowsDefaults.LocalePrefix}.Fields.WebhookProxyAddress.Format"));

        if (model.LinkLifetimeDays is < 1 or > 3650)
            ModelState.AddModelError(nameof(model.LinkLifetimeDays), await _localizationService.GetResourceAsync($"{CustomFlowsDefaults.LocalePrefix}.Fields.LinkLifetimeDays.Range"));

        if (model.RateLimitPerClientPerMinute < 0 || model.RateLimitPerTokenPerMinute < 0)
            ModelState.AddModelError(nameof(model.RateLimitPerClientPerMinute), await _localizationService.GetResourceAsync($"{CustomFlowsDefaults.LocalePrefix}.Fields.NotNegative"));

        foreach (var (field, value) in new[] { (nameof(model.SurveyUrl), model.SurveyUrl), (nameof(model.FeedbackUrl), model.FeedbackUrl) })
        {
            if (!string.IsNullOrWhiteSpace(value) && !(Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
                ModelState.AddModelError(field, await _localizationService.GetResourceAsync($"{CustomFlowsDefaults.LocalePrefix}.Fields.Url.Format"));
        }

        //an empty input keeps the stored connection string, so only a farm with neither lacks one
        if (model.UseClusteredScheduler && string.IsNullOrWhiteSpace(model.SchedulerConnectionString)
            && string.IsNullOrWhiteSpace(stored.SchedulerConnectionString))
            ModelState.AddModelError(nameof(model.SchedulerConnectionString), await _localizationService.GetResourceAsync($"{CustomFlowsDefaults.LocalePrefix}.Fields.SchedulerConnectionString.Required"));
    }

    #endregion

}
