using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Misc.CustomFlows.Areas.Admin.Factories;
using Nop.Plugin.Misc.CustomFlows.Services.Runs;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Messages;
using Nop.Web.Framework;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Misc.CustomFlows.Areas.Admin.Controllers;

/// <summary>
/// The run inspector: a customer's runs found by e-mail, one run's timeline, and ending a run by hand
/// </summary>
[Area(AreaNames.ADMIN)]
[AuthorizeAdmin]
[AutoValidateAntiforgeryToken]
[ValidateIpAddress]
public partial class CustomFlowRunController : BasePluginController
{
    #region Fields

    private readonly ICustomerActivityService _customerActivityService;
    private readonly IFlowRunInspector _runInspector;
    private readonly IFlowRunModelFactory _runModelFactory;
    private readonly ILocalizationService _localizationService;
    private readonly INotificationService _notificationService;

    #endregion

    #region Ctor

    public CustomFlowRunController(ICustomerActivityService customerActivityService,
        IFlowRunInspector runInspector,
        IFlowRunModelFactory runModelFactory,
        ILocalizationService localizationService,
        INotificationService notificationService)
    {
        _customerActivityService = customerActivityService;
        _runInspector = runInspector;
        _runModelFactory = runModelFactory;
        _localizationService = localizationService;
        _notificationService = notificationService;
    }

    #endregion

    #region Methods

    /// <summary>
    /// The search page; with an address, that customer's runs
    /// </summary>
    /// <param name="email">The customer's e-mail address</param>
    [CheckPermission(CustomFlowsDefaults.Permissions.VIEW_REPORTS)]
    public virtual async Task<IActionResult> Index(string email)
    {
        return View($"{ViewPath}/Index.cshtml", await _runModelFactory.PrepareCustomerRunsModelAsync(email));
    }

    /// <summary>
    /// One run's timeline
    /// </summary>
    /// <param name="id">Run identifier</param>
    [CheckPermission(CustomFlowsDefaults.Permissions.VIEW_REPORTS)]
    public virtual async Task<IActionResult> Run(int id)
    {
        var model = await _runModelFactory.PrepareFlowRunModelAsync(id);
        if (model == null)
        {
            _notificationService.ErrorNotification(await TextAsync("Runs.NotFound"));
            return RedirectToAction(nameof(Index));
        }

        return View($"{ViewPath}/Run.cshtml", model);
    }

    /// <summary>
    /// Ends an open run by hand
    /// </summary>
    /// <param name="id">Run identifier</param>
    /// <param name="reason">Why, in the admin's words</param>
    [HttpPost]
    [CheckPermission(CustomFlowsDefaults.Permissions.MANAGE_FLOWS)]
    public virtual async Task<IActionResult> End(int id, string reason)
    {
        var outcome = await _runInspector.EndRunAsync(id, reason);
        var text = await TextAsync($"Runs.End.{outcome}");
        if (outcome == EndRunOutcome.Ended)
        {
            _notificationService.SuccessNotification(text);
            await _customerActivityService.InsertActivityAsync(CustomFlowsDefaults.ActivityLogTypes.RUN_ENDED,
                $"Ended run {id} by hand{(string.IsNullOrWhiteSpace(reason) ? string.Empty : $": {reason.Trim()}")}");
        }
        else
            _notificationService.ErrorNotification(text);

        //a run that does not exist has no page to go back to (and its page would only say so a second time)
        return outcome == EndRunOutcome.NotFound ? RedirectToAction(nameof(Index)) : RedirectToAction(nameof(Run), new { id });
    }

    #endregion

    #region Utilities

    private static string ViewPath => $"{CustomFlowsDefaults.PluginPath}/Areas/Admin/Views/CustomFlowRun";

    private Task<string> TextAsync(string name) => _localizationService.GetResourceAsync($"{CustomFlowsDefaults.LocalePrefix}.{name}");

    #endregion
}
