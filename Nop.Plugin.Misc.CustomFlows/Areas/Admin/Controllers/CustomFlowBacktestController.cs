using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Misc.CustomFlows.Services.Backtests;
using Nop.Services.Catalog;
using Nop.Services.Localization;
using Nop.Web.Framework;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Misc.CustomFlows.Areas.Admin.Controllers;

/// <summary>
/// The Flow page's backtest: starts one in the background and answers the page's polls with its progress and result
/// </summary>
[Area(AreaNames.ADMIN)]
[AuthorizeAdmin]
[AutoValidateAntiforgeryToken]
[ValidateIpAddress]
public partial class CustomFlowBacktestController : BasePluginController
{
    #region Fields

    private readonly FlowBacktestRunner _runner;
    private readonly FlowBacktestService _service;
    private readonly ILocalizationService _localizationService;
    private readonly IPriceFormatter _priceFormatter;

    #endregion

    #region Ctor

    public CustomFlowBacktestController(FlowBacktestRunner runner,
        FlowBacktestService service,
        ILocalizationService localizationService,
        IPriceFormatter priceFormatter)
    {
        _runner = runner;
        _service = service;
        _localizationService = localizationService;
        _priceFormatter = priceFormatter;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Starts a backtest of the draft (no version) or a version over the last days
    /// </summary>
    [HttpPost]
    [CheckPermission(CustomFlowsDefaults.Permissions.MANAGE_FLOWS)]
    public virtual async Task<IActionResult> Start(int id, int? version, int days)
    {
        try
        {
            var job = await _runner.StartAsync(new FlowBacktestRequest(id, version, days), _service);
            return Answer(200, await StatusOfAsync(job));
        }
        catch (FlowBacktestException exception)
        {
            return Answer(400, new { error = await _localizationService.GetResourceAsync(exception.ResourceName) });
        }
    }

    /// <summary>
    /// How a backtest is doing; its result once done
    /// </summary>
    [HttpGet]
    [CheckPermission(CustomFlowsDefaults.Permissions.MANAGE_FLOWS)]
    public virtual async Task<IActionResult> Status(Guid job)
    {
        var found = _runner.Get(job);
        if (found == null)
            return Answer(404, new { error = await _localizationService.GetResourceAsync("Plugins.Misc.CustomFlows.Backtest.Unknown") });

        return Answer(200, await StatusOfAsync(found));
    }

    #endregion

    #region Utilities

    private static ContentResult Answer(int status, object body) => AdminJsonAnswer.Create(status, body);

    private async Task<object> StatusOfAsync(FlowBacktestJob job)
    {
        var state = !job.IsFinished ? "running" : job.Error != null ? "failed" : "done";
        return new
        {
            job = job.Id,
            state,
            percent = job.IsFinished ? 100 : job.Progress.Percent,
            phase = job.IsFinished ? state : job.Progress.Phase,
            error = job.Error == null ? null : await _localizationService.GetResourceAsync(job.Error.ResourceName),
            revenueText = job.Result == null ? null : await _priceFormatter.FormatPriceAsync(job.Result.Revenue, true, false),
            result = job.Result
        };
    }

    #endregion
}
