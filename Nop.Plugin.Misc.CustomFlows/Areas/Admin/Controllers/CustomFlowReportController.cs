using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Plugin.Misc.CustomFlows.Areas.Admin.Models.Reports;
using Nop.Plugin.Misc.CustomFlows.Services.Attribution;
using Nop.Plugin.Misc.CustomFlows.Services.Flows;
using Nop.Plugin.Misc.CustomFlows.Services.Reports;
using Nop.Services.Catalog;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Web.Framework;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Misc.CustomFlows.Areas.Admin.Controllers;

/// <summary>
/// A flow's report (view-reports permission): totals, steps, days and A/B/X splits, as a page, as JSON for the chart
/// and as a CSV download
/// </summary>
[Area(AreaNames.ADMIN)]
[AuthorizeAdmin]
[AutoValidateAntiforgeryToken]
[ValidateIpAddress]
public partial class CustomFlowReportController : BasePluginController
{
    #region Fields

    /// <summary>
    /// The ranges the page offers, in days
    /// </summary>
    public static readonly int[] Ranges = [7, 30, 90, 365];

    private readonly IFlowLifecycleService _lifecycleService;
    private readonly IFlowReportService _reportService;
    private readonly ILocalizationService _localizationService;
    private readonly IPriceFormatter _priceFormatter;
    private readonly ISettingService _settingService;
    private readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public CustomFlowReportController(IFlowLifecycleService lifecycleService,
        IFlowReportService reportService,
        ILocalizationService localizationService,
        IPriceFormatter priceFormatter,
        ISettingService settingService,
        TimeProvider timeProvider)
    {
        _settingService = settingService;
        _lifecycleService = lifecycleService;
        _reportService = reportService;
        _localizationService = localizationService;
        _priceFormatter = priceFormatter;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Methods

    [CheckPermission(CustomFlowsDefaults.Permissions.VIEW_REPORTS)]
    public virtual async Task<IActionResult> Index(int id, int days = 30, int? version = null)
    {
        var (report, versionId) = await GetReportAsync(id, days, version);
        if (report == null)
            return RedirectToAction("List", "CustomFlow");

        var model = new FlowReportModel
        {
            FlowId = id,
            FlowName = report.FlowName,
            Days = Range(days),
            Version = versionId.HasValue ? version : null,
            Report = report,
            RevenueText = await _priceFormatter.FormatPriceAsync(report.Totals.Revenue, true, false),
            AttributionWindowDays = (int)FlowOrderAttributor.WindowOf(await _settingService.LoadSettingAsync<CustomFlowsSettings>()).TotalDays,
            ReportJson = FlowReportJson.Serialize(report)
        };
        foreach (var step in report.Steps)
            model.StepRevenueText[step.NodeId] = await _priceFormatter.FormatPriceAsync(step.Revenue, true, false);
        foreach (var range in Ranges)
            model.AvailableDays.Add(new SelectListItem(string.Format(await TextAsync("Reports.LastDays"), range), range.ToString(CultureInfo.InvariantCulture), range == model.Days));
        model.AvailableVersions.Add(new SelectListItem(await TextAsync("Reports.AllVersions"), string.Empty, model.Version == null));
        foreach (var published in await _lifecycleService.GetVersionsAsync(id))
        {
            var number = published.VersionNumber.ToString(CultureInfo.InvariantCulture);
            model.AvailableVersions.Add(new SelectListItem(string.Format(await TextAsync("Reports.Version"), number), number, published.VersionNumber == model.Version));
        }

        return View($"{CustomFlowsDefaults.PluginPath}/Areas/Admin/Views/CustomFlowReport/Index.cshtml", model);
    }

    [CheckPermission(CustomFlowsDefaults.Permissions.VIEW_REPORTS)]
    public virtual async Task<IActionResult> Data(int id, int days = 30, int? version = null)
    {
        var (report, _) = await GetReportAsync(id, days, version);
        if (report == null)
            return NotFound();

        return Content(FlowReportJson.Serialize(report), "application/json; charset=utf-8");
    }

    [CheckPermission(CustomFlowsDefaults.Permissions.VIEW_REPORTS)]
    public virtual async Task<IActionResult> Csv(int id, int days = 30, int? version = null)
    {
        var (report, _) = await GetReportAsync(id, days, version);
        if (report == null)
            return RedirectToAction("List", "CustomFlow");

        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        await _reportService.WriteCsvAsync(report, text);
        //a byte-order mark, so spreadsheet programs read the step names' accents right
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();
        return File(bytes, "text/csv", $"flow-{id}-report-{Range(days)}d.csv");
    }

    #endregion

    #region Utilities

    private static int Range(int days) => Ranges.Contains(days) ? days : 30;

    private async Task<(FlowReport Report, int? VersionId)> GetReportAsync(int id, int days, int? version)
    {
        int? versionId = null;
        if (version.HasValue)
            versionId = (await _lifecycleService.GetVersionsAsync(id)).FirstOrDefault(v => v.VersionNumber == version)?.Id;

        var today = _timeProvider.GetUtcNow().UtcDateTime.Date;
        var report = await _reportService.GetFlowReportAsync(id, today.AddDays(1 - Range(days)), today, versionId);
        return (report, versionId);
    }

    private Task<string> TextAsync(string name) => _localizationService.GetResourceAsync($"{CustomFlowsDefaults.LocalePrefix}.{name}");

    #endregion
}
