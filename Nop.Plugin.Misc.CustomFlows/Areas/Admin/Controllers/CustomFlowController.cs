using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Misc.CustomFlows.Areas.Admin.Factories;
using Nop.Plugin.Misc.CustomFlows.Areas.Admin.Models.Flows;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using Nop.Plugin.Misc.CustomFlows.Engine.Serialization;
using Nop.Plugin.Misc.CustomFlows.Services.Flows;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Services.Security;
using Nop.Web.Framework;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Misc.CustomFlows.Areas.Admin.Controllers;

/// <summary>
/// The flow pages of the admin: list, create (blank, import, template gallery), the Flow page with its versions,
/// and the lifecycle actions (publish, pause, resume, archive, delete, duplicate, export, migrate waiting customers)
/// </summary>
[Area(AreaNames.ADMIN)]
[AuthorizeAdmin]
[AutoValidateAntiforgeryToken]
[ValidateIpAddress]
public partial class CustomFlowController : BasePluginController
{
    #region Fields

    private readonly IFlowLifecycleService _lifecycleService;
    private readonly IFlowModelFactory _flowModelFactory;
    private readonly ILocalizationService _localizationService;
    private readonly INotificationService _notificationService;
    private readonly IPermissionService _permissionService;
    private readonly IWaitingRunMigrationService _migrationService;

    #endregion

    #region Ctor

    public CustomFlowController(IFlowLifecycleService lifecycleService,
        IFlowModelFactory flowModelFactory,
        ILocalizationService localizationService,
        INotificationService notificationService,
        IPermissionService permissionService,
        IWaitingRunMigrationService migrationService)
    {
        _lifecycleService = lifecycleService;
        _flowModelFactory = flowModelFactory;
        _localizationService = localizationService;
        _notificationService = notificationService;
        _permissionService = permissionService;
        _migrationService = migrationService;
    }

    #endregion

    #region List

    [CheckPermission(CustomFlowsDefaults.Permissions.MANAGE_FLOWS)]
    public virtual async Task<IActionResult> List()
    {
        var model = await _flowModelFactory.PrepareFlowSearchModelAsync(new FlowSearchModel());
        return View($"{ViewPath}/List.cshtml", model);
    }

    [HttpPost]
    [CheckPermission(CustomFlowsDefaults.Permissions.MANAGE_FLOWS)]
    public virtual async Task<IActionResult> List(FlowSearchModel searchModel)
    {
        var model = await _flowModelFactory.PrepareFlowListModelAsync(searchModel);
        return Json(model);
    }

    #endregion

    #region Create

    [CheckPermission(CustomFlowsDefaults.Permissions.MANAGE_FLOWS)]
    public virtual async Task<IActionResult> Create()
    {
        return View($"{ViewPath}/Create.cshtml", await _flowModelFactory.PrepareFlowCreateModelAsync(new FlowCreateModel()));
    }

    [HttpPost]
    [CheckPermission(CustomFlowsDefaults.Permissions.MANAGE_FLOWS)]
    public virtual async Task<IActionResult> Create(FlowCreateModel model)
    {
        if (ModelState.IsValid)
        {
            var result = string.IsNullOrWhiteSpace(model.ImportJson)
                ? await _lifecycleService.CreateBlankAsync(model.Name.Trim(), ParseTrigger(model.TriggerEvent))
                : await _lifecycleService.ImportAsync(model.ImportJson, model.Name);
            if (result.Succeeded)
            {
                await NotifyCreatedAsync(result);
                return RedirectToAction(nameof(Edit), new { id = result.FlowId });
            }

            await AddErrorsAsync(result);
        }

        return View($"{ViewPath}/Create.cshtml", await _flowModelFactory.PrepareFlowCreateModelAsync(model));
    }

    [CheckPermission(CustomFlowsDefaults.Permissions.MANAGE_FLOWS)]
    public virtual async Task<IActionResult> Templates()
    {
        return View($"{ViewPath}/Templates.cshtml", await _flowModelFactory.PrepareTemplateGalleryModelAsync());
    }

    [CheckPermission(CustomFlowsDefaults.Permissions.MANAGE_FLOWS)]
    public virtual async Task<IActionResult> UseTemplate(string name)
    {
        var model = await _flowModelFactory.PrepareTemplateUseModelAsync(name);
        if (model == null)
            return RedirectToAction(nameof(Templates));

        return View($"{ViewPath}/UseTemplate.cshtml", model);
    }

    [HttpPost]
    [CheckPermission(CustomFlowsDefaults.Permissions.MANAGE_FLOWS)]
    public virtual async Task<IActionResult> UseTemplate(TemplateUseModel model)
    {
        if (ModelState.IsValid)
        {
            var values = model.Parameters.ToDictionary(parameter => parameter.Key, parameter => parameter.Value?.Trim());
            var result = await _lifecycleService.CreateFromTemplateAsync(model.TemplateName, model.Name.Trim(), values);
            if (result.Succeeded)
            {
                await NotifyCreatedAsync(result);
                return RedirectToAction(nameof(Edit), new { id = result.FlowId });
            }

            await AddErrorsAsync(result);
        }

        var prepared = await _flowModelFactory.PrepareTemplateUseModelAsync(model.TemplateName, model);
        if (prepared == null)
            return RedirectToAction(nameof(Templates));

        return View($"{ViewPath}/UseTemplate.cshtml", prepared);
    }

    #endregion

    #region Flow page

    [CheckPermission(CustomFlowsDefaults.Permissions.MANAGE_FLOWS)]
    public virtual async Task<IActionResult> Edit(int id)
    {
        var config = BuilderConfig(id);
        config["canViewReports"] = await _permissionService.AuthorizeAsync(CustomFlowsDefaults.Permissions.VIEW_REPORTS);
        var model = await _flowModelFactory.PrepareFlowEditModelAsync(id, config);
        if (model == null)
            return RedirectToAction(nameof(List));

        return View($"{ViewPath}/Edit.cshtml", model);
    }

    [HttpPost]
    [CheckPermission(CustomFlowsDefaults.Permissions.MANAGE_FLOWS)]
    public virtual async Task<IActionResult> Publish(int id)
    {
        var result = await _lifecycleService.PublishAsync(id, null);
        if (result.Succeeded)
            _notificationService.SuccessNotification(string.Format(await TextAsync("Flows.Published"), result.VersionNumber));
        else
            await NotifyRefusalAsync(result);

        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpPost]
    [CheckPermission(CustomFlowsDefaults.Permissions.MANAGE_FLOWS)]
    public virtual async Task<IActionResult> Pause(int id)
    {
        await NotifyAsync(await _lifecycleService.PauseAsync(id), "Flows.Paused");
        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpPost]
    [CheckPermission(CustomFlowsDefaults.Permissions.MANAGE_FLOWS)]
    public virtual async Task<IActionResult> Resume(int id)
    {
        await NotifyAsync(await _lifecycleService.ResumeAsync(id), "Flows.Resumed");
        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpPost]
    [CheckPermission(CustomFlowsDefaults.Permissions.MANAGE_FLOWS)]
    public virtual async Task<IActionResult> Archive(int id, bool endOpenRuns)
    {
        await NotifyAsync(await _lifecycleService.ArchiveAsync(id, endOpenRuns), "Flows.Archived");
        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpPost]
    [CheckPermission(CustomFlowsDefaults.Permissions.MANAGE_FLOWS)]
    public virtual async Task<IActionResult> Delete(int id, bool endOpenRuns)
    {
        var result = await _lifecycleService.DeleteAsync(id, endOpenRuns);
        await NotifyAsync(result, "Flows.Deleted");
        return result.Succeeded ? RedirectToAction(nameof(List)) : RedirectToAction(nameof(Edit), new { id });
    }

    [HttpPost]
    [CheckPermission(CustomFlowsDefaults.Permissions.MANAGE_FLOWS)]
    public virtual async Task<IActionResult> Duplicate(int id)
    {
        var draft = await _lifecycleService.GetDraftAsync(id);
        if (draft == null)
            return RedirectToAction(nameof(List));

        var result = await _lifecycleService.DuplicateAsync(id, string.Format(await TextAsync("Flows.CopyName"), draft.Flow.Name));
        if (!result.Succeeded)
        {
            await NotifyRefusalAsync(result);
            return RedirectToAction(nameof(Edit), new { id });
        }

        await NotifyCreatedAsync(result);
        return RedirectToAction(nameof(Edit), new { id = result.FlowId });
    }

    [CheckPermission(CustomFlowsDefaults.Permissions.MANAGE_FLOWS)]
    public virtual async Task<IActionResult> Export(int id, int? version)
    {
        var json = await _lifecycleService.ExportAsync(id, version);
        if (json == null)
            return RedirectToAction(nameof(Edit), new { id });

        var fileName = version.HasValue ? $"flow-{id}-v{version}.json" : $"flow-{id}-draft.json";
        return File(Encoding.UTF8.GetBytes(json), "application/json", fileName);
    }

    [CheckPermission(CustomFlowsDefaults.Permissions.MANAGE_FLOWS)]
    public virtual async Task<IActionResult> Migrate(int id, int fromVersion)
    {
        var model = await _flowModelFactory.PrepareMigrationModelAsync(id, fromVersion);
        if (model == null)
            return RedirectToAction(nameof(Edit), new { id });

        return View($"{ViewPath}/Migrate.cshtml", model);
    }

    [HttpPost]
    [CheckPermission(CustomFlowsDefaults.Permissions.MANAGE_FLOWS)]
    public virtual async Task<IActionResult> Migrate(MigrationModel model)
    {
        //nothing moves before the admin has confirmed the preview
        if (!model.Confirmed)
        {
            _notificationService.ErrorNotification(await TextAsync("Migration.NotConfirmed"));
            return await Migrate(model.FlowId, model.FromVersion);
        }

        var targets = model.Steps.ToDictionary(step => step.NodeId, step => step.Target ?? string.Empty);
        var outcome = await _migrationService.ApplyAsync(model.FlowId, model.FromVersion, targets);
        if (outcome == null)
        {
            _notificationService.ErrorNotification(await TextAsync("Migration.Refused"));
            return await Migrate(model.FlowId, model.FromVersion);
        }

        _notificationService.SuccessNotification(string.Format(await TextAsync("Migration.Done"), outcome.Moved, outcome.Ended));
        return RedirectToAction(nameof(Edit), new { id = model.FlowId });
    }

    #endregion

    #region Utilities

    private static string ViewPath => $"{CustomFlowsDefaults.PluginPath}/Areas/Admin/Views/CustomFlow";

    /// <summary>
    /// The addresses the builder talks to, and the token its POSTs carry
    /// </summary>
    private IDictionary<string, object> BuilderConfig(int id)
    {
        string Url(string action, object values = null) => this.Url?.Action(action, "CustomFlowBuilder", values) ?? $"/Admin/CustomFlowBuilder/{action}";

        return new Dictionary<string, object>
        {
            //the builder's POSTs carry the same antiforgery token as the page's forms
            ["antiforgeryToken"] = HttpContext?.RequestServices?.GetService(typeof(IAntiforgery)) is IAntiforgery antiforgery
                ? antiforgery.GetAndStoreTokens(HttpContext).RequestToken
                : string.Empty,
            ["endpoints"] = new Dictionary<string, string>
            {
                ["draft"] = Url("Draft", new { id }),
                ["saveDraft"] = Url("SaveDraft", new { id }),
                ["validate"] = Url("Validate", new { id }),
                ["publish"] = Url("Publish", new { id }),
                ["products"] = Url("Products"),
                ["categories"] = Url("Categories"),
                ["messageTemplates"] = Url("MessageTemplates"),
                ["stats"] = Url("Stats", new { id }),
                ["testEmail"] = Url("TestEmail", new { id }),
                ["testWebhook"] = Url("TestWebhook"),
                ["popupPreview"] = Url("PopupPreview")
            }
        };
    }

    private static FlowEventType ParseTrigger(string trigger) =>
        System.Text.Json.JsonSerializer.Deserialize<FlowEventType>($"\"{trigger}\"", FlowJson.Options);

    private async Task NotifyCreatedAsync(FlowOperationResult result)
    {
        _notificationService.SuccessNotification(await TextAsync("Flows.Created"));
        if (result.Problems.Count > 0)
            _notificationService.WarningNotification(string.Format(await TextAsync("Flows.CreatedWithProblems"), result.Problems.Count));
    }

    private async Task NotifyAsync(FlowOperationResult result, string doneText)
    {
        if (result.Succeeded)
            _notificationService.SuccessNotification(await TextAsync(doneText));
        else
            await NotifyRefusalAsync(result);
    }

    private async Task NotifyRefusalAsync(FlowOperationResult result)
    {
        var text = result.Status switch
        {
            FlowOperationStatus.NotFound => await TextAsync("Flows.Refused.NotFound"),
            FlowOperationStatus.Conflict => await TextAsync("Flows.Refused.Conflict"),
            FlowOperationStatus.Invalid => string.Format(await TextAsync("Flows.Refused.Invalid"), result.Problems.Count)
                + " " + string.Join(" ", result.Problems.Take(5).Select(problem => problem.ToString())),
            _ => await TextAsync($"Flows.Refused.{result.Refusal}")
        };
        _notificationService.ErrorNotification(text);
    }

    private async Task AddErrorsAsync(FlowOperationResult result)
    {
        if (result.Status == FlowOperationStatus.Invalid)
        {
            //every problem, each with where it is, so a bad file can be fixed in one go
            ModelState.AddModelError(string.Empty, string.Format(await TextAsync("Flows.Refused.Invalid"), result.Problems.Count));
            foreach (var problem in result.Problems)
                ModelState.AddModelError(string.Empty, problem.ToString());
        }
        else
            ModelState.AddModelError(string.Empty, await TextAsync($"Flows.Refused.{result.Refusal ?? result.Status.ToString()}"));
    }

    private Task<string> TextAsync(string name) => _localizationService.GetResourceAsync($"{CustomFlowsDefaults.LocalePrefix}.{name}");

    #endregion
}
