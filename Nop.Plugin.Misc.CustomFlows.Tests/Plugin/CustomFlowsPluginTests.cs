using Moq;
using Nop.Core;
using Nop.Core.Domain.Cms;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Messages;
using Nop.Plugin.Misc.CustomFlows.Services.Installation;
using Nop.Services.Messages;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Tests.Support;
using Nop.Services.Stores;
using Nop.Plugin.Misc.CustomFlows.Components;
using Nop.Plugin.Misc.CustomFlows.Localization;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Security;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Plugin;

[TestFixture]
public class CustomFlowsPluginTests
{
    private Mock<ISettingService> _settings;
    private Mock<ILocalizationService> _localization;
    private Mock<ILanguageService> _languages;
    private Mock<IPermissionService> _permissions;
    private Mock<IStoreMappingService> _storeMappings;
    private Mock<IMessageTemplateService> _messageTemplates;
    private Mock<ILocalizedEntityService> _localizedEntities;
    private List<MessageTemplate> _insertedTemplates;
    private InMemoryRepository<Flow> _flows;
    private WidgetSettings _widgetSettings;
    private List<(Dictionary<string, string> Resources, int? LanguageId)> _addedResources;
    private CustomFlowsSettings _savedSettings;

    [SetUp]
    public void SetUp()
    {
        _settings = new Mock<ISettingService>();
        _localization = new Mock<ILocalizationService>();
        _languages = new Mock<ILanguageService>();
        _permissions = new Mock<IPermissionService>();
        _storeMappings = new Mock<IStoreMappingService>();
        _messageTemplates = new Mock<IMessageTemplateService>();
        _insertedTemplates = new List<MessageTemplate>();
        _messageTemplates.Setup(m => m.GetMessageTemplatesByNameAsync(It.IsAny<string>(), null)).ReturnsAsync(new List<MessageTemplate>());
        _messageTemplates.Setup(m => m.InsertMessageTemplateAsync(It.IsAny<MessageTemplate>()))
            .Callback<MessageTemplate>(t => { t.Id = _insertedTemplates.Count + 1; _insertedTemplates.Add(t); })
            .Returns(Task.CompletedTask);
        _localizedEntities = new Mock<ILocalizedEntityService>();
        _flows = new InMemoryRepository<Flow>();
        _widgetSettings = new WidgetSettings { ActiveWidgetSystemNames = new List<string> { "Widgets.NivoSlider" } };
        _addedResources = new();
        _savedSettings = null;

        _settings.Setup(s => s.SaveSettingAsync(It.IsAny<CustomFlowsSettings>(), 0))
            .Callback<CustomFlowsSettings, int>((settings, _) => _savedSettings = settings)
            .Returns(Task.CompletedTask);
        _localization.Setup(l => l.AddOrUpdateLocaleResourceAsync(It.IsAny<IDictionary<string, string>>(), It.IsAny<int?>()))
            .Callback<IDictionary<string, string>, int?>((resources, languageId) => _addedResources.Add((new Dictionary<string, string>(resources), languageId)))
            .Returns(Task.CompletedTask);
        _languages.Setup(l => l.GetAllLanguagesAsync(true, 0)).ReturnsAsync(new List<Language>
        {
            new() { Id = 1, Name = "English", LanguageCulture = "en-US" },
            new() { Id = 2, Name = "Polski", LanguageCulture = "pl-PL" },
            new() { Id = 3, Name = "Deutsch", LanguageCulture = "de-DE" }
        });
    }

    private readonly InMemoryRepository<Nop.Core.Domain.Logging.ActivityLogType> _activityTypes = new();

    private CustomFlowsPlugin CreatePlugin()
    {
        var webHelper = new Mock<IWebHelper>();
        webHelper.Setup(w => w.GetStoreLocation(null)).Returns("https://shop.example/");

        return new CustomFlowsPlugin(new EmailAccountSettings { DefaultEmailAccountId = 3 }, _activityTypes, _flows, _languages.Object, _localization.Object,
            _localizedEntities.Object, _messageTemplates.Object, _permissions.Object, _settings.Object, _storeMappings.Object, webHelper.Object, _widgetSettings);
    }

    [Test]
    public async Task Install_saves_settings_with_flows_enabled_and_not_paused()
    {
        await CreatePlugin().InstallAsync();

        Assert.That(_savedSettings, Is.Not.Null, "install must save the plugin settings");
        Assert.That(_savedSettings.Enabled, Is.True);
        Assert.That(_savedSettings.PauseAll, Is.False);
    }

    [Test]
    public async Task Install_gives_each_shop_its_own_webhook_secret_and_link_signing_key()
    {
        await CreatePlugin().InstallAsync();
        var first = (_savedSettings.WebhookSecret, _savedSettings.LinkSigningKey);
        await CreatePlugin().InstallAsync();

        Assert.That(first.WebhookSecret, Has.Length.EqualTo(64));
        Assert.That(first.LinkSigningKey, Has.Length.EqualTo(64));
        Assert.That(first.WebhookSecret, Is.Not.EqualTo(first.LinkSigningKey));
        Assert.That(_savedSettings.WebhookSecret, Is.Not.EqualTo(first.WebhookSecret), "random, not a built-in value");
    }

    [Test]
    public async Task Install_activates_the_widget_and_keeps_other_active_widgets()
    {
        await CreatePlugin().InstallAsync();

        Assert.That(_widgetSettings.ActiveWidgetSystemNames, Is.EquivalentTo(new[] { "Widgets.NivoSlider", CustomFlowsDefaults.SystemName }));
        _settings.Verify(s => s.SaveSettingAsync(_widgetSettings, 0), Times.Once);
    }

    [Test]
    public async Task Installing_again_does_not_list_the_widget_twice()
    {
        _widgetSettings.ActiveWidgetSystemNames.Add(CustomFlowsDefaults.SystemName);

        await CreatePlugin().InstallAsync();

        Assert.That(_widgetSettings.ActiveWidgetSystemNames.Count(n => n == CustomFlowsDefaults.SystemName), Is.EqualTo(1));
    }

    [Test]
    public async Task Install_adds_english_texts_for_every_language_and_polish_over_them_for_polish_languages()
    {
        await CreatePlugin().InstallAsync();

        Assert.That(_addedResources, Has.Count.EqualTo(2), "one call for all languages, one for the single Polish language");
        var (english, forAll) = _addedResources[0];
        Assert.That(forAll, Is.Null, "English goes to every language so no shop language shows a raw key");
        Assert.That(english, Is.EquivalentTo(CustomFlowsLocales.English));

        var (polish, polishLanguage) = _addedResources[1];
        Assert.That(polishLanguage, Is.EqualTo(2));
        Assert.That(polish, Is.EquivalentTo(CustomFlowsLocales.Polish));
    }

    [Test]
    public async Task Install_adds_every_template_library_message_as_an_active_message_template_with_polish_texts()
    {
        await CreatePlugin().InstallAsync();

        var expected = TemplateMessageInstaller.LibraryMessages();
        Assert.That(expected, Is.Not.Empty);
        Assert.That(_insertedTemplates.Select(t => t.Name), Is.EqualTo(expected.Select(m => m.Reference)));
        Assert.That(_insertedTemplates, Has.All.Matches<MessageTemplate>(t => t.IsActive && t.EmailAccountId == 3 && !string.IsNullOrEmpty(t.Subject)));

        var first = expected[0];
        var firstTemplate = _insertedTemplates[0];
        Assert.That(firstTemplate.Subject, Is.EqualTo(first.En.Title));
        _localizedEntities.Verify(l => l.SaveLocalizedValueAsync(firstTemplate, It.IsAny<System.Linq.Expressions.Expression<Func<MessageTemplate, string>>>(), first.Pl.Title, 2), Times.Once);
        _localizedEntities.Verify(l => l.SaveLocalizedValueAsync(It.IsAny<MessageTemplate>(), It.IsAny<System.Linq.Expressions.Expression<Func<MessageTemplate, string>>>(), It.IsAny<string>(), 1), Times.Never,
            "English is the template's own text; only the Polish language gets localized values");
    }

    [Test]
    public async Task A_message_template_the_shop_already_has_is_left_as_it_is()
    {
        var existing = TemplateMessageInstaller.LibraryMessages()[0].Reference;
        _messageTemplates.Setup(m => m.GetMessageTemplatesByNameAsync(existing, null)).ReturnsAsync(new List<MessageTemplate> { new() { Name = existing, Subject = "edited by the shop" } });

        await CreatePlugin().InstallAsync();

        Assert.That(_insertedTemplates.Select(t => t.Name), Does.Not.Contain(existing));
    }

    [Test]
    public async Task Uninstall_removes_the_template_library_message_templates()
    {
        var installed = new MessageTemplate { Name = TemplateMessageInstaller.LibraryMessages()[0].Reference };
        _messageTemplates.Setup(m => m.GetMessageTemplatesByNameAsync(installed.Name, null)).ReturnsAsync(new List<MessageTemplate> { installed });

        await CreatePlugin().UninstallAsync();

        _messageTemplates.Verify(m => m.DeleteMessageTemplateAsync(installed), Times.Once);
    }

    [Test]
    public async Task Install_inserts_the_plugin_permissions()
    {
        await CreatePlugin().InstallAsync();

        _permissions.Verify(p => p.InsertPermissionsAsync(), Times.Once);
    }

    [Test]
    public async Task Uninstall_removes_settings_widget_texts_and_permissions()
    {
        _widgetSettings.ActiveWidgetSystemNames.Add(CustomFlowsDefaults.SystemName);

        await CreatePlugin().UninstallAsync();

        _settings.Verify(s => s.DeleteSettingAsync<CustomFlowsSettings>(), Times.Once);
        Assert.That(_widgetSettings.ActiveWidgetSystemNames, Is.EqualTo(new[] { "Widgets.NivoSlider" }));
        _settings.Verify(s => s.SaveSettingAsync(_widgetSettings, 0), Times.Once);
        _localization.Verify(l => l.DeleteLocaleResourcesAsync(CustomFlowsDefaults.LocalePrefix, null), Times.Once);
        _permissions.Verify(p => p.DeletePermissionAsync(CustomFlowsDefaults.Permissions.MANAGE_FLOWS), Times.Once);
        _permissions.Verify(p => p.DeletePermissionAsync(CustomFlowsDefaults.Permissions.VIEW_REPORTS), Times.Once);
    }

    [Test]
    public async Task Uninstall_removes_the_store_mappings_of_flows_limited_to_stores()
    {
        await _flows.InsertAsync(new Flow { Name = "Everywhere", LimitedToStores = false });
        var limited = new Flow { Name = "Store 2 only", LimitedToStores = true };
        await _flows.InsertAsync(limited);
        var mapping = new StoreMapping { Id = 9, EntityId = limited.Id, EntityName = nameof(Flow), StoreId = 2 };
        _storeMappings.Setup(s => s.GetStoreMappingsAsync(It.Is<Flow>(f => f.Id == limited.Id))).ReturnsAsync(new List<StoreMapping> { mapping });

        await CreatePlugin().UninstallAsync();

        _storeMappings.Verify(s => s.DeleteStoreMappingAsync(mapping), Times.Once);
        _storeMappings.Verify(s => s.GetStoreMappingsAsync(It.Is<Flow>(f => !f.LimitedToStores)), Times.Never);
    }

    [Test]
    public async Task Uninstall_leaves_widget_settings_untouched_when_the_widget_was_not_active()
    {
        await CreatePlugin().UninstallAsync();

        _settings.Verify(s => s.SaveSettingAsync(It.IsAny<WidgetSettings>(), It.IsAny<int>()), Times.Never);
    }

    [Test]
    public void Configuration_page_is_the_admin_configure_route_of_the_store()
    {
        Assert.That(CreatePlugin().GetConfigurationPageUrl(), Is.EqualTo("https://shop.example/Admin/CustomFlows/Configure"));
    }

    [Test]
    public async Task Widget_renders_in_the_storefront_body_end_and_on_the_admin_customer_page()
    {
        var zones = await CreatePlugin().GetWidgetZonesAsync();

        Assert.That(zones, Is.EquivalentTo(new[] { "body_end_html_tag_before", "admin_customer_details_block" }));
    }

    [TestCase("body_end_html_tag_before", typeof(PopupHostViewComponent))]
    [TestCase("BODY_END_HTML_TAG_BEFORE", typeof(PopupHostViewComponent))]
    [TestCase("admin_customer_details_block", typeof(CustomerFlowStateViewComponent))]
    public void Each_widget_zone_has_its_view_component(string zone, Type expected)
    {
        Assert.That(CreatePlugin().GetWidgetViewComponent(zone), Is.EqualTo(expected));
    }

    [Test]
    public void A_zone_the_plugin_does_not_render_in_has_no_view_component()
    {
        Assert.That(CreatePlugin().GetWidgetViewComponent("productdetails_top"), Is.Null);
    }

    [Test]
    public void Widget_is_listed_on_the_widget_page()
    {
        Assert.That(CreatePlugin().HideInWidgetList, Is.False);
    }

    [Test]
    public async Task Install_adds_the_lifecycle_activity_types_once_and_uninstall_removes_them()
    {
        await CreatePlugin().InstallAsync();
        await CreatePlugin().UpdateAsync("4.90.2", "4.90.3");

        var keywords = (await _activityTypes.GetAllAsync(query => query)).Select(type => type.SystemKeyword).ToList();
        Assert.That(keywords, Is.EquivalentTo(CustomFlowsDefaults.ActivityLogTypes.All.Keys), "each type once, also after an update");

        await CreatePlugin().UninstallAsync();
        Assert.That(await _activityTypes.GetAllAsync(query => query), Is.Empty);
    }

    [Test]
    public async Task An_update_adds_the_texts_a_language_lacks_and_keeps_the_ones_the_admin_changed()
    {
        var changedKey = "Plugins.Misc.CustomFlows.Flows.Publish";
        _localization.Setup(l => l.GetResourceAsync(It.IsAny<string>(), It.IsAny<int>(), false, string.Empty, true))
            .ReturnsAsync<string, int, bool, string, bool, ILocalizationService, string>((key, languageId, _, _, _) =>
                key == changedKey ? "Go live" : key.EndsWith(".Menu.Flows") ? "kept" : string.Empty);

        await CreatePlugin().UpdateAsync("4.90.2", "4.90.3");

        var polish = _addedResources.Single(added => added.LanguageId == 2).Resources;
        Assert.That(polish, Does.Not.ContainKey(changedKey), "the admin's own text stays");
        Assert.That(polish[$"Plugins.Misc.CustomFlows.Migration.Apply"], Is.EqualTo("Przenieś klientów"));
        var german = _addedResources.Single(added => added.LanguageId == 3).Resources;
        Assert.That(german["Plugins.Misc.CustomFlows.Migration.Apply"], Is.EqualTo("Move the customers"), "a language without its own texts gets English");
    }
}
