using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.CustomFlows.Areas.Admin.Models.Flows;

/// <summary>
/// The Flow page: the builder, its versions and what can be done with the flow
/// </summary>
public partial record FlowEditModel : BaseNopEntityModel
{
    public string Name { get; set; }

    public int StatusId { get; set; }

    public string Status { get; set; }

    public int? LiveVersion { get; set; }

    /// <summary>
    /// Problems of the draft (publishing is refused while there are any)
    /// </summary>
    public IList<string> DraftProblems { get; set; } = new List<string>();

    public int OpenRuns { get; set; }

    public IList<FlowVersionModel> Versions { get; set; } = new List<FlowVersionModel>();

    /// <summary>
    /// Older versions that still have open runs, which the admin may move to the live version
    /// </summary>
    public IList<(int VersionNumber, int Open)> VersionsWithOpenRuns { get; set; } = new List<(int, int)>();

    /// <summary>
    /// The builder's configuration (endpoints, texts, antiforgery token) as JSON for the page's script
    /// </summary>
    public string BuilderConfigJson { get; set; }

    public bool CanPause { get; set; }

    public bool CanResume { get; set; }

    public bool CanArchive { get; set; }

    /// <summary>
    /// Whether the admin may see the flow's numbers (the report and the builder's "show numbers")
    /// </summary>
    public bool CanViewReports { get; set; }
}

/// <summary>
/// One published version of a flow, with what it changed against the one before
/// </summary>
public partial record FlowVersionModel : BaseNopModel
{
    public int Number { get; set; }

    public bool IsLive { get; set; }

    /// <summary>
    /// When it was published, in the admin's time zone
    /// </summary>
    public DateTime PublishedOn { get; set; }

    /// <summary>
    /// The changes against the previous version, in words (one line each)
    /// </summary>
    public IList<string> Changes { get; set; } = new List<string>();
}
