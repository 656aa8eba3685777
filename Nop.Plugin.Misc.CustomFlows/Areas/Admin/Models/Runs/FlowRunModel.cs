using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Misc.CustomFlows.Areas.Admin.Models.Runs;

/// <summary>
/// One run's page: what happened when, the steps visited, and ending the run by hand
/// </summary>
public partial record FlowRunModel : BaseNopModel
{
    /// <summary>
    /// Run identifier
    /// </summary>
    public int RunId { get; set; }

    /// <summary>
    /// Flow identifier
    /// </summary>
    public int FlowId { get; set; }

    /// <summary>
    /// Flow name; null when the flow was deleted
    /// </summary>
    public string FlowName { get; set; }

    /// <summary>
    /// Version number; 0 when the version was deleted
    /// </summary>
    public int VersionNumber { get; set; }

    /// <summary>
    /// Status, in the admin's language
    /// </summary>
    public string Status { get; set; }

    /// <summary>
    /// Whether the run is still in the flow and so can be ended
    /// </summary>
    public bool IsOpen { get; set; }

    /// <summary>
    /// Whether the admin may end runs (the page itself needs only the reports permission)
    /// </summary>
    public bool CanEnd { get; set; }

    /// <summary>
    /// Why the admin ends the run; kept with the run's exit reason
    /// </summary>
    [NopResourceDisplayName("Plugins.Misc.CustomFlows.Runs.End.Reason")]
    public string EndReason { get; set; }

    /// <summary>
    /// What happened when, in time order
    /// </summary>
    public IList<FlowRunEntryModel> Entries { get; set; } = new List<FlowRunEntryModel>();

    /// <summary>
    /// Every step the run arrived at, in definition order
    /// </summary>
    public IList<FlowRunStepModel> StepsVisited { get; set; } = new List<FlowRunStepModel>();
}
