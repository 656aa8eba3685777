namespace Nop.Plugin.Misc.CustomFlows.Services.Flows;

/// <summary>
/// Flows and their versions
/// </summary>
public interface IFlowService
{
    /// <summary>
    /// Gets the flows for the admin list: highest priority first, then by name
    /// </summary>
    /// <param name="includeArchived">Whether archived flows are listed too</param>
    Task<IList<FlowSummary>> GetFlowSummariesAsync(bool includeArchived = false);
}
