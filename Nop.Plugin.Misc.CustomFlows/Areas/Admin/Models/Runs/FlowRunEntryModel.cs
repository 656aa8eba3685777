using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.CustomFlows.Areas.Admin.Models.Runs;

/// <summary>
/// One dated event of a run, in the admin's time zone and language
/// </summary>
public partial record FlowRunEntryModel : BaseNopModel
{
    /// <summary>
    /// When
    /// </summary>
    public DateTime At { get; set; }

    /// <summary>
    /// What kind of event, in the admin's language
    /// </summary>
    public string Kind { get; set; }

    /// <summary>
    /// The step's label; null when the event belongs to no step
    /// </summary>
    public string Step { get; set; }

    /// <summary>
    /// Details (e-mail addresses masked)
    /// </summary>
    public string Details { get; set; }
}
