using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Plugin.Misc.CustomFlows.Services.Reports;
using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.CustomFlows.Areas.Admin.Models.Reports;

/// <summary>
/// The report page of a flow: the numbers of a range of days, per step, per day and per A/B/X split
/// </summary>
public partial record FlowReportModel : BaseNopModel
{
    public int FlowId { get; set; }

    public string FlowName { get; set; }

    /// <summary>
    /// Days covered, ending today (UTC days, as the statistics are kept)
    /// </summary>
    public int Days { get; set; }

    /// <summary>
    /// Version the numbers are limited to; null for every version
    /// </summary>
    public int? Version { get; set; }

    public IList<SelectListItem> AvailableDays { get; set; } = new List<SelectListItem>();

    public IList<SelectListItem> AvailableVersions { get; set; } = new List<SelectListItem>();

    public FlowReport Report { get; set; }

    /// <summary>
    /// Revenue amounts formatted in the shop's primary currency: the total, then by step id
    /// </summary>
    public string RevenueText { get; set; }

    /// <summary>
    /// The attribution window in days, which "converted" and "revenue" are counted by
    /// </summary>
    public int AttributionWindowDays { get; set; }

    public IDictionary<string, string> StepRevenueText { get; set; } = new Dictionary<string, string>();

    /// <summary>
    /// The report as the chart script reads it (the same JSON the Data endpoint answers)
    /// </summary>
    public string ReportJson { get; set; }
}
