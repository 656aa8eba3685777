using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.CustomFlows.Areas.Admin.Models.Flows;

/// <summary>
/// One row of the flow list
/// </summary>
public partial record FlowModel : BaseNopEntityModel
{
    public string Name { get; set; }

    /// <summary>
    /// What starts the flow, in words
    /// </summary>
    public string Trigger { get; set; }

    public int StatusId { get; set; }

    public string Status { get; set; }

    /// <summary>
    /// Number of the live version; null before the first publish
    /// </summary>
    public int? LiveVersion { get; set; }

    public int Entered7Days { get; set; }

    public int Converted7Days { get; set; }

    public decimal Revenue30Days { get; set; }

    /// <summary>
    /// Revenue of the last 30 days in the shop's primary currency, formatted
    /// </summary>
    public string Revenue30DaysText { get; set; }

    /// <summary>
    /// Last change in the admin's time zone
    /// </summary>
    public DateTime UpdatedOn { get; set; }

    public int Priority { get; set; }
}
