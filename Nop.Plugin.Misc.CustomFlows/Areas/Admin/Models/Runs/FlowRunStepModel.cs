using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.CustomFlows.Areas.Admin.Models.Runs;

/// <summary>
/// A step a run arrived at
/// </summary>
public partial record FlowRunStepModel : BaseNopModel
{
    /// <summary>
    /// The step's label
    /// </summary>
    public string Step { get; set; }

    /// <summary>
    /// How often the run arrived there
    /// </summary>
    public int Visits { get; set; }

    /// <summary>
    /// For a split, the branch taken; else null
    /// </summary>
    public string Details { get; set; }
}
