namespace Nop.Plugin.Misc.CustomFlows.Services.Customers;

/// <summary>
/// What flows know about one customer: shown on the admin customer page
/// </summary>
/// <param name="CustomerId">Customer identifier</param>
/// <param name="Tags">Tags added by flows (or by hand)</param>
/// <param name="Score">Engagement score</param>
/// <param name="FunnelStage">Funnel stage, empty when none was set</param>
/// <param name="ActiveRuns">Flows the customer is in right now</param>
public record CustomerFlowProfile(int CustomerId, IReadOnlyList<string> Tags, int Score, string FunnelStage, int ActiveRuns)
{
    /// <summary>
    /// Gets the marketing consent last seen per store (store id, what was seen)
    /// </summary>
    public IReadOnlyList<(int StoreId, ConsentRecord Consent)> Consent { get; init; } = [];
}
