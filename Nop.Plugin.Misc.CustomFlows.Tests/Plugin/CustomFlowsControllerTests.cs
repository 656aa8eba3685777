using Microsoft.AspNetCore.Mvc;
using Moq;
using Nop.Plugin.Misc.CustomFlows.Areas.Admin.Controllers;
using Nop.Plugin.Misc.CustomFlows.Areas.Admin.Models;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Scheduling;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Messages;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Plugin;

[TestFixture]
public class CustomFlowsControllerTests
{
    private CustomFlowsSettings _stored;
    private Mock<ISettingService> _settings;
    private Mock<INotificationService> _notifications;

    [SetUp]
    public void SetUp()
    {
        _stored = new CustomFlowsSettings { Enabled = true, PauseAll = false };
        _settings = new Mock<ISettingService>();
        _settings.Setup(s => s.LoadSettingAsync<CustomFlowsSettings>(0))
            .ReturnsAsync(() => new CustomFlowsSettings
            {
                Enabled = _stored.Enabled, PauseAll = _stored.PauseAll,
                WebhookSecret = _stored.WebhookSecret, SchedulerConnectionString = _stored.SchedulerConnectionString
            });
        _settings.Setup(s => s.SaveSettingAsync(It.IsAny<CustomFlowsSettings>(), 0))
            .Callback<CustomFlowsSettings, int>((s, _) => _stored = s)
            .Returns(Task.CompletedTask);
        _notifications = new Mock<INotificationService>();
    }

    private CustomFlowsController CreateController()
    {
        var localization = new Mock<ILocalizationService>();
        localization.Setup(l => l.GetResourceAsync(It.IsAny<string>())).ReturnsAsync<string, ILocalizationService, string>(key => $"[{key}]");
        localization.Setup(l => l.GetResourceAsync("Plugins.Misc.CustomFlows.Configuration.WebhookSecretRegenerated")).ReturnsAsync("New secret for the receivers: {0}");
        return new CustomFlowsController(localization.Object, _notifications.Object, _settings.Object);
    }

    [Test]
    public async Task Configure_page_shows_the_stored_switches()
    {
        _stored = new CustomFlowsSettings { Enabled = false, PauseAll = true };

        var result = await CreateController().Configure() as ViewResult;

        Assert.That(result?.ViewName, Is.EqualTo("~/Plugins/Misc.CustomFlows/Areas/Admin/Views/CustomFlows/Configure.cshtml"));
        var model = (ConfigurationModel)result.Model;
        Assert.That((model.Enabled, model.PauseAll), Is.EqualTo((false, true)));
    }

    [Test]
    public async Task Saving_the_configure_page_stores_the_switches_and_says_so()
    {
        await CreateController().Configure(Valid() with
        {
            Enabled = false, PauseAll = true, RetentionDays = 30, DateTriggerHour = 8,
            UseClusteredScheduler = true, SchedulerDatabase = SchedulerDatabase.PostgreSql, SchedulerConnectionString = " Host=db;Database=shop ",
            MarketingEmailsPerDay = 2, QuietHoursStart = "22:00", QuietHoursEnd = "07:30", BlackoutDates = "2026-12-24, 2026-12-25"
        });

        Assert.That((_stored.Enabled, _stored.PauseAll, _stored.RetentionDays, _stored.DateTriggerHour), Is.EqualTo((false, true, 30, 8)));
        Assert.That((_stored.UseClusteredScheduler, _stored.SchedulerDatabase, _stored.SchedulerConnectionString),
            Is.EqualTo((true, SchedulerDatabase.PostgreSql, "Host=db;Database=shop")));
        Assert.That((_stored.MarketingEmailsPerDay, _stored.QuietHoursStart, _stored.QuietHoursEnd, _stored.BlackoutDates),
            Is.EqualTo((2, "22:00", "07:30", "2026-12-24, 2026-12-25")));
        _notifications.Verify(n => n.SuccessNotification("[Plugins.Misc.CustomFlows.Configuration.Saved]", true, 0), Times.Once);
    }

    [Test]
    public async Task An_invalid_form_is_shown_again_and_nothing_is_saved()
    {
        var controller = CreateController();
        controller.ModelState.AddModelError(nameof(ConfigurationModel.Enabled), "bad");

        var posted = new ConfigurationModel { Enabled = false, RetentionDays = 30 };
        var result = await controller.Configure(posted);

        Assert.That(result, Is.InstanceOf<ViewResult>());
        Assert.That(((ViewResult)result).Model, Is.SameAs(posted), "the admin's input is shown again, not lost");
        _settings.Verify(s => s.SaveSettingAsync(It.IsAny<CustomFlowsSettings>(), It.IsAny<int>()), Times.Never);
        _notifications.Verify(n => n.SuccessNotification(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<int>()), Times.Never);
    }

    private static ConfigurationModel Valid() => new()
    {
        Enabled = true, RetentionDays = 90, AttributionWindowDays = 7, DateTriggerHour = 9, MarketingEmailsPerDay = 1, MarketingEmailsPerWeek = 3,
        QuietHoursStart = "21:00", QuietHoursEnd = "08:00", RecommendedProductsCount = 4, WebhookTimeoutSeconds = 10, WebhookMaxAttempts = 4,
        LinkLifetimeDays = 60, RateLimitPerClientPerMinute = 300, RateLimitPerTokenPerMinute = 20
    };

    [TestCase("QuietHoursStart", "9pm")]
    [TestCase("QuietHoursEnd", "25:00")]
    [TestCase("BlackoutDates", "2026-12-24, tomorrow")]
    [TestCase("WebhookTimeoutSeconds", "0")]
    [TestCase("MarketingEmailsPerDay", "-1")]
    [TestCase("WebhookProxyAddress", "http://user:secret@proxy.example:3128")]
    [TestCase("WebhookProxyAddress", "proxy.example:3128")]
    [TestCase("LinkLifetimeDays", "0")]
    [TestCase("RateLimitPerClientPerMinute", "-1")]
    [TestCase("AttributionWindowDays", "0")]
    [TestCase("AttributionWindowDays", "91")]
    [TestCase("AttributionWindowDays", "45")]
    public async Task Malformed_guardrail_and_channel_values_are_refused_on_their_field(string field, string value)
    {
        var model = field switch
        {
            "QuietHoursStart" => Valid() with { QuietHoursStart = value },
            "QuietHoursEnd" => Valid() with { QuietHoursEnd = value },
            "BlackoutDates" => Valid() with { BlackoutDates = value },
            "WebhookTimeoutSeconds" => Valid() with { WebhookTimeoutSeconds = int.Parse(value) },
            "WebhookProxyAddress" => Valid() with { WebhookProxyAddress = value },
            "LinkLifetimeDays" => Valid() with { LinkLifetimeDays = int.Parse(value) },
            "RateLimitPerClientPerMinute" => Valid() with { RateLimitPerClientPerMinute = int.Parse(value) },
            //45 days is a window of its own but beyond the 30 days of history kept here
            "AttributionWindowDays" => Valid() with { AttributionWindowDays = int.Parse(value), RetentionDays = value == "45" ? 30 : 90 },
            _ => Valid() with { MarketingEmailsPerDay = int.Parse(value) }
        };
        var controller = CreateController();

        await controller.Configure(model);

        Assert.That(controller.ModelState[field]?.Errors, Has.Count.EqualTo(1), field);
        _settings.Verify(s => s.SaveSettingAsync(It.IsAny<CustomFlowsSettings>(), It.IsAny<int>()), Times.Never);
    }

    [TestCase(0, 9, false, null, "RetentionDays")]
    [TestCase(3651, 9, false, null, "RetentionDays")]
    [TestCase(30, 24, false, null, "DateTriggerHour")]
    [TestCase(30, -1, false, null, "DateTriggerHour")]
    [TestCase(30, 9, true, " ", "SchedulerConnectionString")]
    public async Task Out_of_range_or_missing_values_are_refused_with_a_message_on_the_field(int retention, int hour, bool clustered, string connection, string field)
    {
        var controller = CreateController();

        await controller.Configure(Valid() with { RetentionDays = retention, DateTriggerHour = hour, UseClusteredScheduler = clustered, SchedulerConnectionString = connection });

        Assert.That(controller.ModelState[field]?.Errors, Has.Count.EqualTo(1));
        Assert.That(controller.ModelState[field]!.Errors[0].ErrorMessage, Does.StartWith("[Plugins.Misc.CustomFlows.Fields."));
        _settings.Verify(s => s.SaveSettingAsync(It.IsAny<CustomFlowsSettings>(), It.IsAny<int>()), Times.Never);
    }

    private const string StoredSecret = "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABWXYZ";
    private const string StoredConnection = "Host=db.internal;Port=5432;Database=shop;Username=nop;Password=hunter2-secret";

    private void GivenStoredSecrets() =>
        _stored = new CustomFlowsSettings { Enabled = true, WebhookSecret = StoredSecret, SchedulerConnectionString = StoredConnection };

    private static IEnumerable<string> TextsOf(ConfigurationModel model) => typeof(ConfigurationModel).GetProperties()
        .Where(property => property.PropertyType == typeof(string))
        .Select(property => (string)property.GetValue(model))
        .Where(text => text != null);

    [Test]
    public async Task The_configure_page_never_carries_the_stored_secret_or_the_connection_string_password()
    {
        GivenStoredSecrets();

        var model = (ConfigurationModel)((ViewResult)await CreateController().Configure()).Model;

        Assert.That(TextsOf(model), Has.None.Contains(StoredSecret).And.None.Contains("hunter2"), "nothing on the page may give the secrets away");
        Assert.That((model.WebhookSecret, model.SchedulerConnectionString), Is.EqualTo(((string)null, (string)null)), "the inputs start empty");
        Assert.That(model.WebhookSecretMasked, Is.EqualTo("••••••••WXYZ"), "the last characters tell which secret is set");
        Assert.That(model.SchedulerConnectionStringMasked, Is.EqualTo("host=db.internal; port=5432; database=shop; ••••••••"));
    }

    [Test]
    public async Task A_refused_form_does_not_echo_the_typed_secrets_back()
    {
        GivenStoredSecrets();
        var controller = CreateController();

        var result = await controller.Configure(Valid() with { RetentionDays = 0, WebhookSecret = "typed-new-secret", SchedulerConnectionString = "Host=x;Password=typed" });

        var model = (ConfigurationModel)((ViewResult)result).Model;
        Assert.That(TextsOf(model), Has.None.Contains("typed").And.None.Contains(StoredSecret));
        Assert.That(model.WebhookSecretMasked, Is.EqualTo("••••••••WXYZ"));
    }

    [Test]
    public async Task Saving_with_empty_secret_inputs_keeps_the_stored_secret_and_connection_string()
    {
        GivenStoredSecrets();

        await CreateController().Configure(Valid() with { UseClusteredScheduler = true, WebhookSecret = " ", SchedulerConnectionString = "" });

        Assert.That(_stored.WebhookSecret, Is.EqualTo(StoredSecret));
        Assert.That(_stored.SchedulerConnectionString, Is.EqualTo(StoredConnection), "a farm with a stored connection string needs no new one typed");
    }

    [Test]
    public async Task A_typed_secret_replaces_the_stored_one()
    {
        GivenStoredSecrets();

        await CreateController().Configure(Valid() with { WebhookSecret = " receiver-agreed-secret " });

        Assert.That(_stored.WebhookSecret, Is.EqualTo("receiver-agreed-secret"));
        _notifications.Verify(n => n.SuccessNotification(It.Is<string>(text => text.StartsWith("New secret")), It.IsAny<bool>(), It.IsAny<int>()), Times.Never,
            "only a generated secret is shown back: the admin already knows the one typed");
    }

    [Test]
    public async Task Regenerating_stores_a_new_random_secret_and_shows_it_once_for_the_receivers()
    {
        GivenStoredSecrets();

        await CreateController().Configure(Valid() with { RegenerateWebhookSecret = true, WebhookSecret = "ignored-when-regenerating" });

        Assert.That(_stored.WebhookSecret, Does.Match("^[0-9A-F]{64}$"));
        Assert.That(_stored.WebhookSecret, Is.Not.EqualTo(StoredSecret));
        _notifications.Verify(n => n.SuccessNotification($"New secret for the receivers: {_stored.WebhookSecret}", It.IsAny<bool>(), It.IsAny<int>()), Times.Once);
    }

    [Test]
    public async Task Two_regenerations_give_different_secrets()
    {
        GivenStoredSecrets();

        await CreateController().Configure(Valid() with { RegenerateWebhookSecret = true });
        var first = _stored.WebhookSecret;
        await CreateController().Configure(Valid() with { RegenerateWebhookSecret = true });

        Assert.That(_stored.WebhookSecret, Is.Not.EqualTo(first));
    }
}
