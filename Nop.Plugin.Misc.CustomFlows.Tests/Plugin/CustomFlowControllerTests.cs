using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Moq;
using Nop.Core;
using Nop.Core.Domain.Localization;
using Nop.Plugin.Misc.CustomFlows.Areas.Admin.Controllers;
using Nop.Plugin.Misc.CustomFlows.Areas.Admin.Factories;
using Nop.Plugin.Misc.CustomFlows.Areas.Admin.Models.Flows;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Services.Flows;
using Nop.Plugin.Misc.CustomFlows.Services.Inbox;
using Nop.Plugin.Misc.CustomFlows.Tests.Services.Flows;
using Nop.Services.Catalog;
using Nop.Services.Configuration;
using Nop.Services.Helpers;
using Nop.Services.Localization;
using Nop.Services.Messages;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Plugin;

/// <summary>
/// The flow pages' actions called through the real model factory and lifecycle service, with nopCommerce's own
/// services mocked: what each page shows, what each action changes, and what it tells the admin
/// </summary>
[TestFixture]
public class CustomFlowControllerTests
{
    private FlowLifecycleServiceTests.Shop _shop;
    private Mock<INotificationService> _notifications;
    private List<QuarantinedEvent> _quarantined;
    private bool _canViewReports = true;

    [SetUp]
    public void SetUp()
    {
        _shop = new FlowLifecycleServiceTests.Shop();
        _notifications = new Mock<INotificationService>();
        _quarantined = new List<QuarantinedEvent>();
    }

    private CustomFlowController Controller(string language = "en-US")
    {
        var texts = new Mock<ILocalizationService>();
        texts.Setup(t => t.GetResourceAsync(It.IsAny<string>())).ReturnsAsync<string, ILocalizationService, string>(key => $"[{key}]");
        var dates = new Mock<IDateTimeHelper>();
        //the admin sits two hours east of UTC
        dates.Setup(d => d.ConvertToUserTimeAsync(It.IsAny<DateTime>(), DateTimeKind.Utc)).ReturnsAsync<DateTime, DateTimeKind, IDateTimeHelper, DateTime>((dt, _) => dt.AddHours(2));
        var inbox = new Mock<IFlowInboxMonitor>();
        inbox.Setup(i => i.GetQuarantinedAsync(20)).ReturnsAsync(() => (_quarantined, _quarantined.Count));
        var prices = new Mock<IPriceFormatter>();
        prices.Setup(p => p.FormatPriceAsync(It.IsAny<decimal>(), true, false)).ReturnsAsync<decimal, bool, bool, IPriceFormatter, string>((price, _, _) => $"{price:0.00} zł");
        var settings = new Mock<ISettingService>();
        settings.Setup(s => s.LoadSettingAsync<CustomFlowsSettings>(0)).ReturnsAsync(new CustomFlowsSettings { Enabled = true, PauseAll = true });
        var work = new Mock<IWorkContext>();
        work.Setup(w => w.GetWorkingLanguageAsync()).ReturnsAsync(new Language { LanguageCulture = language });

        var lifecycle = _shop.Lifecycle();
        var factory = new FlowModelFactory(dates.Object, inbox.Object, lifecycle, texts.Object, _shop.MessageTemplates.Object, prices.Object,
            _shop.Flows, _shop.Attributions, _shop.Stats, _shop.Versions, settings.Object, _shop.Migration(), work.Object, _shop.Clock);
        var permissions = new Mock<Nop.Services.Security.IPermissionService>();
        permissions.Setup(p => p.AuthorizeAsync(CustomFlowsDefaults.Permissions.VIEW_REPORTS)).ReturnsAsync(_canViewReports);
        return new CustomFlowController(lifecycle, factory, texts.Object, _notifications.Object, permissions.Object, _shop.Migration())
        {
            ControllerContext = new ControllerContext { HttpContext = new DefaultHttpContext() }
        };
    }

    private async Task<int> LiveFlowAsync()
    {
        var created = await _shop.Lifecycle().ImportAsync(FlowLifecycleServiceTests.TwoStepFlow(_shop.KnownEmailTemplate));
        await _shop.Lifecycle().PublishAsync(created.FlowId, null);
        return created.FlowId;
    }

    [Test]
    public async Task The_list_page_shows_the_global_switches_and_events_set_aside_in_the_admins_time()
    {
        var setAside = new DateTime(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);
        _quarantined.Add(new QuarantinedEvent(9, "order_placed", 7, 5, "boom", setAside.AddHours(-2), setAside));

        var view = (ViewResult)await Controller().List();
        var model = (FlowSearchModel)view.Model!;

        Assert.That((model.Enabled, model.PauseAll, model.QuarantinedTotal), Is.EqualTo((true, true, 1)));
        Assert.That(model.QuarantinedOn[9], Is.EqualTo(setAside.AddHours(2)));
        Assert.That(model.AvailableTriggers.Select(item => item.Value), Does.Contain("order_placed"));
        Assert.That(view.ViewName, Does.EndWith("/Areas/Admin/Views/CustomFlow/List.cshtml"));
    }

    [Test]
    public async Task The_grid_lists_flows_with_their_trigger_live_version_and_numbers_and_filters_them()
    {
        var live = await LiveFlowAsync();
        await _shop.Lifecycle().CreateBlankAsync("Welcome", Nop.Plugin.Misc.CustomFlows.Engine.Definition.FlowEventType.CustomerRegistered);
        var version = (await _shop.Lifecycle().GetVersionsAsync(live)).Single();
        await _shop.Stats.InsertAsync(new FlowNodeDailyStat { FlowId = live, FlowVersionId = version.Id, NodeId = "start", DayOnUtc = _shop.Clock.UtcNow.Date, Entered = 5 });
        //goal reached 10 days ago, with the revenue column versions before 4.90.5 wrote: neither is "converted" or revenue now
        await _shop.Stats.InsertAsync(new FlowNodeDailyStat { FlowId = live, FlowVersionId = version.Id, NodeId = "wait", DayOnUtc = _shop.Clock.UtcNow.Date.AddDays(-10), Converted = 2, Revenue = 999m });
        //orders credited to the flow's e-mail: 2 days ago, 10 days ago, and 40 days ago (outside 30)
        foreach (var (order, daysAgo, total) in new[] { (1, 2, 20m), (2, 10, 100.5m), (3, 40, 70m) })
            await _shop.Attributions.InsertAsync(new FlowAttribution { OrderId = order, FlowId = live, FlowVersionId = version.Id, NodeId = "mail", OrderTotal = total, PlacedOnUtc = _shop.Clock.UtcNow.AddDays(-daysAgo) });

        var all = (FlowListModel)((JsonResult)await Controller().List(new FlowSearchModel { Length = 15, Draw = "3" })).Value!;
        var registered = (FlowListModel)((JsonResult)await Controller().List(new FlowSearchModel { Length = 15, SearchTrigger = "customer_registered" })).Value!;

        Assert.That(all.Draw, Is.EqualTo("3"));
        Assert.That(all.RecordsTotal, Is.EqualTo(2));
        var row = all.Data.Single(flow => flow.Id == live);
        Assert.That((row.Trigger, row.LiveVersion, row.Entered7Days, row.Converted7Days), Is.EqualTo(("[Plugins.Misc.CustomFlows.Trigger.order_placed]", (int?)1, 5, 1)),
            "converted counts the orders credited in the last 7 days");
        Assert.That(row.Revenue30DaysText, Is.EqualTo("120.50 zł"), "the orders credited in the last 30 days");
        Assert.That(row.UpdatedOn, Is.EqualTo(_shop.Clock.UtcNow.AddHours(2)));
        Assert.That(registered.Data.Select(flow => flow.Name), Is.EqualTo(new[] { "Welcome" }));
    }

    [Test]
    public async Task Creating_a_blank_flow_leads_to_its_page_and_an_import_with_broken_text_shows_every_problem()
    {
        var created = (RedirectToActionResult)await Controller().Create(new FlowCreateModel { Name = "Thanks", TriggerEvent = "order_paid" });
        var controller = Controller();
        var broken = (ViewResult)await controller.Create(new FlowCreateModel { ImportJson = "{ not json" });

        Assert.That(created.ActionName, Is.EqualTo(nameof(CustomFlowController.Edit)));
        var flow = await _shop.Flows.GetByIdAsync((int)created.RouteValues!["id"]!);
        Assert.That(flow.Name, Is.EqualTo("Thanks"));
        Assert.That((await _shop.Lifecycle().GetDraftAsync(flow.Id)).Json, Does.Contain("order_paid"));
        Assert.That(controller.ModelState[string.Empty]!.Errors.Select(error => error.ErrorMessage), Has.Some.Contains("json.syntax"));
        Assert.That(broken.Model, Is.InstanceOf<FlowCreateModel>());
        Assert.That(await _shop.Flows.GetAllAsync(query => query), Has.Count.EqualTo(1), "nothing stored for the broken file");
    }

    [Test]
    public async Task Using_a_template_asks_for_its_shop_values_and_creates_a_draft_with_them()
    {
        var form = (TemplateUseModel)((ViewResult)await Controller().UseTemplate("browse-abandonment-category")).Model!;
        Assert.That(form.Parameters.Select(p => (p.Key, p.Kind)), Does.Contain(("category:12", "Category")));
        Assert.That(form.MessageTemplates.Select(m => m.EditUrl), Has.All.EqualTo("/Admin/MessageTemplate/Edit/41"), "each message links to nopCommerce's editor");
        foreach (var parameter in form.Parameters)
            parameter.Value = parameter.Kind == nameof(TemplateParameterKind.WebhookUrl) ? "https://crm.shop.test/hook" : "31";

        var result = (RedirectToActionResult)await Controller().UseTemplate(form);

        var draft = await _shop.Lifecycle().GetDraftAsync((int)result.RouteValues!["id"]!);
        Assert.That(draft.Json, Does.Contain("\"id\": 31"));
        Assert.That(draft.Problems, Is.Empty);
    }

    [Test]
    public async Task The_flow_page_carries_the_builders_endpoints_texts_and_the_admins_language()
    {
        var id = await LiveFlowAsync();

        var model = (FlowEditModel)((ViewResult)await Controller("pl-PL").Edit(id)).Model!;

        Assert.That((model.LiveVersion, model.CanPause, model.CanResume), Is.EqualTo(((int?)1, true, false)));
        Assert.That(model.Versions.Single().Changes.Single(), Is.EqualTo("[Plugins.Misc.CustomFlows.Versions.First]"));
        var config = System.Text.Json.Nodes.JsonNode.Parse(model.BuilderConfigJson)!;
        Assert.That(config["flowId"]!.GetValue<int>(), Is.EqualTo(id));
        Assert.That(config["language"]!.GetValue<string>(), Is.EqualTo("pl"));
        Assert.That(config["endpoints"]!["saveDraft"]!.GetValue<string>(), Does.Contain("SaveDraft"));
        Assert.That(config["texts"]!["Publish"], Is.Not.Null, "the builder's texts come from the locale resources");
        Assert.That(config["texts"]!.AsObject().Select(pair => pair.Key), Does.Contain("HiddenSteps_few"), "Polish gets its plural forms");
    }

    [Test]
    public async Task Pause_resume_and_a_refused_delete_tell_the_admin_what_happened()
    {
        var id = await LiveFlowAsync();
        await _shop.AddRunAsync(id, 1, "wait");

        await Controller().Pause(id);
        Assert.That((await _shop.Flows.GetByIdAsync(id)).Status, Is.EqualTo(FlowStatus.Paused));
        await Controller().Resume(id);
        var refused = (RedirectToActionResult)await Controller().Delete(id, endOpenRuns: false);

        _notifications.Verify(n => n.SuccessNotification("[Plugins.Misc.CustomFlows.Flows.Paused]", true));
        _notifications.Verify(n => n.SuccessNotification("[Plugins.Misc.CustomFlows.Flows.Resumed]", true));
        _notifications.Verify(n => n.ErrorNotification("[Plugins.Misc.CustomFlows.Flows.Refused.OpenRuns]", true));
        Assert.That(refused.ActionName, Is.EqualTo(nameof(CustomFlowController.Edit)), "back to the flow, which is still there");
        Assert.That(await _shop.Flows.GetByIdAsync(id), Is.Not.Null);
    }

    [Test]
    public async Task Migrating_without_the_confirmation_moves_nobody()
    {
        var id = await LiveFlowAsync();
        await _shop.AddRunAsync(id, 1, "wait");
        var draft = await _shop.Lifecycle().GetDraftAsync(id);
        await _shop.Lifecycle().SaveDraftAsync(id, draft.Json.Replace("\"2d\"", "\"3d\""), draft.Revision);
        await _shop.Lifecycle().PublishAsync(id, null);
        var preview = (MigrationModel)((ViewResult)await Controller().Migrate(id, 1)).Model!;

        await Controller().Migrate(preview with { Confirmed = false });
        var stillOnOne = (await _shop.Runs.GetAllAsync(query => query)).Single().FlowVersionId;
        var done = (RedirectToActionResult)await Controller().Migrate(preview with { Confirmed = true });

        var versions = await _shop.Lifecycle().GetVersionsAsync(id);
        Assert.That(stillOnOne, Is.EqualTo(versions.Single(v => v.VersionNumber == 1).Id));
        Assert.That((await _shop.Runs.GetAllAsync(query => query)).Single().FlowVersionId, Is.EqualTo(versions.Single(v => v.VersionNumber == 2).Id));
        Assert.That(done.ActionName, Is.EqualTo(nameof(CustomFlowController.Edit)));
        _notifications.Verify(n => n.ErrorNotification("[Plugins.Misc.CustomFlows.Migration.NotConfirmed]", true));
    }

    [Test]
    public async Task Export_gives_the_draft_or_a_version_as_a_json_file()
    {
        var id = await LiveFlowAsync();

        var file = (FileContentResult)await Controller().Export(id, 1);

        Assert.That(file.ContentType, Is.EqualTo("application/json"));
        Assert.That(file.FileDownloadName, Is.EqualTo($"flow-{id}-v1.json"));
        Assert.That(System.Text.Encoding.UTF8.GetString(file.FileContents), Is.EqualTo((await _shop.Lifecycle().GetVersionsAsync(id)).Single().DefinitionJson));
    }

    [Test]
    public async Task The_gallery_has_a_card_per_template_and_filters_by_scenario_names_every_language_has()
    {
        var model = (TemplateGalleryModel)((ViewResult)await Controller("pl-PL").Templates()).Model!;

        var library = Nop.Plugin.Misc.CustomFlows.Engine.Templates.FlowTemplateLibrary.All;
        Assert.That(model.Templates.Select(card => card.Name), Is.EqualTo(library.Select(template => template.Name)));
        Assert.That(model.Templates.First().Title, Is.EqualTo(library.First().Title.Pl), "the admin's language");
        Assert.That(model.Scenarios.Select(scenario => scenario.Key), Is.EquivalentTo(library.Select(template => template.Scenario).Distinct()));
        foreach (var (key, title) in model.Scenarios)
        {
            Assert.That(title, Is.EqualTo($"[Plugins.Misc.CustomFlows.Templates.Scenario.{key}]"));
            Assert.That(Nop.Plugin.Misc.CustomFlows.Localization.CustomFlowsLocales.Polish, Does.ContainKey($"Plugins.Misc.CustomFlows.Templates.Scenario.{key}"));
        }
    }

    [Test]
    public async Task An_admin_without_the_reports_permission_is_offered_no_numbers()
    {
        var id = await LiveFlowAsync();
        _canViewReports = false;

        var model = (FlowEditModel)((ViewResult)await Controller().Edit(id)).Model!;

        Assert.That(model.CanViewReports, Is.False);
        Assert.That(System.Text.Json.Nodes.JsonNode.Parse(model.BuilderConfigJson)!["canViewReports"]!.GetValue<bool>(), Is.False, "the builder hides Show numbers");
    }
}
