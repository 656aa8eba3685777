using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.CustomFlows.Areas.Admin.Models.Flows;

/// <summary>
/// The preview of moving one version's waiting customers to the live version, and the admin's decisions
/// </summary>
public partial record MigrationModel : BaseNopModel
{
    public int FlowId { get; set; }

    public string FlowName { get; set; }

    public int FromVersion { get; set; }

    public int ToVersion { get; set; }

    public IList<MigrationStepModel> Steps { get; set; } = new List<MigrationStepModel>();

    public IList<SelectListItem> AvailableTargets { get; set; } = new List<SelectListItem>();

    /// <summary>
    /// The admin ticked "I have checked where each customer will continue"
    /// </summary>
    public bool Confirmed { get; set; }
}

/// <summary>
/// One step of the older version where customers are
/// </summary>
public partial record MigrationStepModel : BaseNopModel
{
    public string NodeId { get; set; }

    public string Label { get; set; }

    public int Open { get; set; }

    /// <summary>
    /// Where they would go on as they are; empty when the live version has no such step
    /// </summary>
    public string SuggestedTarget { get; set; }

    /// <summary>
    /// The admin's decision: a step id of the live version, or "@end"
    /// </summary>
    public string Target { get; set; }
}
