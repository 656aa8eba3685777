using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.CustomFlows.Areas.Admin.Models.Runs;

/// <summary>
/// One row of a customer's runs; times in the admin's time zone
/// </summary>
public partial record CustomerRunModel : BaseNopModel
{
    /// <summary>
    /// Run identifier
    /// </summary>
    public int RunId { get; set; }

    /// <summary>
    /// Flow identifier (the link to the Flow page)
    /// </summary>
    public int FlowId { get; set; }

    /// <summary>
    /// Flow name; null when the flow was deleted
    /// </summary>
    public string FlowName { get; set; }

    /// <summary>
    /// Number of the version the run is pinned to; 0 when the version was deleted
    /// </summary>
    public int VersionNumber { get; set; }

    /// <summary>
    /// Status, in the admin's language
    /// </summary>
    public string Status { get; set; }

    /// <summary>
    /// Whether the run is still in the flow (running or waiting)
    /// </summary>
    public bool IsOpen { get; set; }

    /// <summary>
    /// When the run started
    /// </summary>
    public DateTime StartedOn { get; set; }

    /// <summary>
    /// When it ended; null while open
    /// </summary>
    public DateTime? EndedOn { get; set; }

    /// <summary>
    /// The step the run is at (for an ended run, its last)
    /// </summary>
    public string CurrentStep { get; set; }

    /// <summary>
    /// For a waiting run, when it carries on
    /// </summary>
    public DateTime? WaitingUntil { get; set; }

    /// <summary>
    /// Whether the run met the goal
    /// </summary>
    public bool Converted { get; set; }

    /// <summary>
    /// Revenue credited to the run, formatted in the shop's currency
    /// </summary>
    public string Revenue { get; set; }

    /// <summary>
    /// Goal name, exit name or why the run ended
    /// </summary>
    public string ExitReason { get; set; }
}
