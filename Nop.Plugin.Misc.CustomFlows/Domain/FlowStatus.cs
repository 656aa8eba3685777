namespace Nop.Plugin.Misc.CustomFlows.Domain;

/// <summary>
/// Where a flow stands in its life: only active flows take new customers
/// </summary>
public enum FlowStatus
{
    /// <summary>
    /// Being edited; never published or unpublished since
    /// </summary>
    Draft = 10,

    /// <summary>
    /// Published and taking new customers
    /// </summary>
    Active = 20,

    /// <summary>
    /// Temporarily stopped: no new entries, waiting runs hold
    /// </summary>
    Paused = 30,

    /// <summary>
    /// Retired; kept for its history and statistics
    /// </summary>
    Archived = 40
}
