using Nop.Core;
using Nop.Core.Domain.Cms;
using Nop.Core.Domain.Logging;
using Nop.Core.Domain.Messages;
using Nop.Data;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Components;
using Nop.Plugin.Misc.CustomFlows.Infrastructure;
using Nop.Plugin.Misc.CustomFlows.Localization;
using Nop.Plugin.Misc.CustomFlows.Services.Installation;
using Nop.Plugin.Misc.CustomFlows.Services.Secrets;
using Nop.Services.Cms;
using Nop.Services.Common;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Services.Plugins;
using Nop.Services.Security;
using Nop.Services.Stores;
using Nop.Web.Framework.Infrastructure;

namespace Nop.Plugin.Misc.CustomFlows;

/// <summary>
/// Custom Flows: marketing-automation flows for nopCommerce.
/// </summary>
public class CustomFlowsPlugin : BasePlugin, IMiscPlugin, IWidgetPlugin
{
    #region Fields

    private readonly IRepository<ActivityLogType> _activityLogTypeRepository;
    private readonly IRepository<Flow> _flowRepository;
    private readonly ILanguageService _languageService;
    private readonly ILocalizationService _localizationService;
    private readonly IPermissionService _permissionService;
    private readonly ISettingService _settingService;
    private readonly IStoreMappingService _storeMappingService;
    private readonly TemplateMessageInstaller _templateMessageInstaller;
    private readonly IWebHelper _webHelper;
    private readonly WidgetSettings _widgetSettings;

    #endregion

    #region Ctor

    public CustomFlowsPlugin(EmailAccountSettings emailAccountSettings,
        IRepository<ActivityLogType> activityLogTypeRepository,
        IRepository<Flow> flowRepository,
        ILanguageService languageService,
        ILocalizationService localizationService,
        ILocalizedEntityService localizedEntityService,
        IMessageTemplateService messageTemplateService,
        IPermissionService permissionService,
        ISettingService settingService,
        IStoreMappingService storeMappingService,
        IWebHelper webHelper,
        WidgetSettings widgetSettings)
    {
        _activityLogTypeRepository = activityLogTypeRepository;
        _flowRepository = flowRepository;
        _languageService = languageService;
        _localizationService = localizationService;
        _permissionService = permissionService;
        _settingService = settingService;
        _storeMappingService = storeMappingService;
        //built here from nopCommerce's own services: a plugin being installed has no registrations of its own yet
        _templateMessageInstaller = new TemplateMessageInstaller(emailAccountSettings, languageService, localizedEntityService, messageTemplateService);
        _webHelper = webHelper;
        _widgetSettings = widgetSettings;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Gets a configuration page URL
    /// </summary>
    public override string GetConfigurationPageUrl()
    {
        return $"{_webHelper.GetStoreLocation()}Admin/CustomFlows/Configure";
    }

    /// <summary>
    /// Gets widget zones where the plugin renders: the storefront pop-up host before the end of
    /// the body, and the customer's flow state (tags, score, funnel stage) on the admin customer page.
    /// </summary>
    public Task<IList<string>> GetWidgetZonesAsync()
    {
        return Task.FromResult<IList<string>>(new List<string>
        {
            PublicWidgetZones.BodyEndHtmlTagBefore,
            AdminWidgetZones.CustomerDetailsBlock
        });
    }

    /// <summary>
    /// Gets the view component that renders a widget zone
    /// </summary>
    /// <param name="widgetZone">Name of the widget zone</param>
    public Type GetWidgetViewComponent(string widgetZone)
    {
        ArgumentNullException.ThrowIfNull(widgetZone);

        if (widgetZone.Equals(PublicWidgetZones.BodyEndHtmlTagBefore, StringComparison.InvariantCultureIgnoreCase))
            return typeof(PopupHostViewComponent);

        if (widgetZone.Equals(AdminWidgetZones.CustomerDetailsBlock, StringComparison.InvariantCultureIgnoreCase))
            return typeof(CustomerFlowStateViewComponent);

        return null;
    }

    /// <summary>
    /// Install the plugin: settings, widget activation, English and Polish texts, permissions
    /// </summary>
    public override async Task InstallAsync()
    {
        await _settingService.SaveSettingAsync(new CustomFlowsSettings
        {
            Enabled = true,
            PauseAll = false,
            RetentionDays = 90,
            DateTriggerHour = 9,
            //each shop gets its own secrets: webhook receivers are given this one on the Configure page
            WebhookSecret = SecretKeys.NewHexSecret(),
            LinkSigningKey = SecretKeys.NewHexSecret()
        });

        if (!_widgetSettings.ActiveWidgetSystemNames.Contains(CustomFlowsDefaults.SystemName))
        {
            _widgetSettings.ActiveWidgetSystemNames.Add(CustomFlowsDefaults.SystemName);
            await _settingService.SaveSettingAsync(_widgetSettings);
        }

        await InstallLocalesAsync();
        await InstallActivityTypesAsync();

        //the texts of the template library, editable under Content management > Message templates
        await _templateMessageInstaller.InstallAsync();

        await _permissionService.InsertPermissionsAsync();

        await base.InstallAsync();
    }

    /// <summary>
    /// Uninstall the plugin: flows' store mappings, settings, widget activation, texts and permissions
    /// go; the plugin's tables are dropped afterwards by its migrations' Down steps, which nopCommerce
    /// runs right after this method (PluginService.UninstallPluginsAsync -> ApplyDownMigrations).
    /// </summary>
    public override async Task UninstallAsync()
    {
        //store mappings live in nopCommerce's own table, which the plugin's Down migrations do not drop;
        //they are removed while the flows table can still be read
        var flowsLimitedToStores = await _flowRepository.GetAllAsync(query => query.Where(flow => flow.LimitedToStores));
        foreach (var flow in flowsLimitedToStores)
        {
            foreach (var mapping in await _storeMappingService.GetStoreMappingsAsync(flow))
                await _storeMappingService.DeleteStoreMappingAsync(mapping);
        }

        await _settingService.DeleteSettingAsync<CustomFlowsSettings>();

        if (_widgetSettings.ActiveWidgetSystemNames.Remove(CustomFlowsDefaults.SystemName))
            await _settingService.SaveSettingAsync(_widgetSettings);

        await _localizationService.DeleteLocaleResourcesAsync(CustomFlowsDefaults.LocalePrefix);

        //the activity log keeps its entries; only the plugin's types go
        var keywords = CustomFlowsDefaults.ActivityLogTypes.All.Keys.ToList();
        await _activityLogTypeRepository.DeleteAsync(type => keywords.Contains(type.SystemKeyword));

        await _templateMessageInstaller.UninstallAsync();

        foreach (var permission in new CustomFlowsPermissionConfigManager().AllConfigs)
            await _permissionService.DeletePermissionAsync(permission.SystemName);

        await base.UninstallAsync();
    }

    #endregion

    #region Utilities

    /// <summary>
    /// Brings an installed plugin up to this version's texts and activity types: adds what is missing in every language
    /// and never overwrites a text the admin changed
    /// </summary>
    /// <param name="currentVersion">Version installed so far</param>
    /// <param name="targetVersion">Version being installed</param>
    public override async Task UpdateAsync(string currentVersion, string targetVersion)
    {
        var languages = await _languageService.GetAllLanguagesAsync(showHidden: true);
        foreach (var language in languages)
        {
            var texts = CustomFlowsLocales.IsPolish(language.LanguageCulture) ? CustomFlowsLocales.Polish : CustomFlowsLocales.English;
            var missing = new Dictionary<string, string>();
            foreach (var (key, value) in texts)
            {
                if (string.IsNullOrEmpty(await _localizationService.GetResourceAsync(key, language.Id, logIfNotFound: false, defaultValue: string.Empty, returnEmptyIfNotFound: true)))
                    missing[key] = value;
            }

            if (missing.Count > 0)
                await _localizationService.AddOrUpdateLocaleResourceAsync(missing, language.Id);
        }

        await InstallActivityTypesAsync();
        await base.UpdateAsync(currentVersion, targetVersion);
    }

    /// <summary>
    /// Adds the plugin's activity log types that the shop does not have yet (System -> Activity log types)
    /// </summary>
    private async Task InstallActivityTypesAsync()
    {
        var existing = (await _activityLogTypeRepository.GetAllAsync(query => query))
            .Select(type => type.SystemKeyword).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (keyword, name) in CustomFlowsDefaults.ActivityLogTypes.All.Where(pair => !existing.Contains(pair.Key)))
            await _activityLogTypeRepository.InsertAsync(new ActivityLogType { SystemKeyword = keyword, Name = name, Enabled = true });
    }

    private async Task InstallLocalesAsync()
    {
        //English goes to every language first, so a shop in any language sees a text, never a key
        await _localizationService.AddOrUpdateLocaleResourceAsync(
            new Dictionary<string, string>(CustomFlowsLocales.English));

        var languages = await _languageService.GetAllLanguagesAsync(showHidden: true);
        foreach (var language in languages.Where(language => CustomFlowsLocales.IsPolish(language.LanguageCulture)))
        {
            await _localizationService.AddOrUpdateLocaleResourceAsync(
                new Dictionary<string, string>(CustomFlowsLocales.Polish), language.Id);
        }
    }

    #endregion

    #region Properties

    /// <summary>
    /// Gets a value indicating whether to hide this plugin on the widget list page in the admin area
    /// </summary>
    public bool HideInWidgetList => false;

    #endregion
}
