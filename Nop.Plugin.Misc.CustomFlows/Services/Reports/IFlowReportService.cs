namespace Nop.Plugin.Misc.CustomFlows.Services.Reports;

/// <summary>
/// A flow's numbers for the admin: totals, per step, per day and per split branch.
/// </summary>
/// <remarks>
/// What the numbers mean is what the code that writes them does (<c>FlowRunPump</c>, <c>FlowInboxProcessor</c>):
/// <list type="bullet">
/// <item>"Goal reached" counts runs that met the flow's goal, whatever event or due step let the goal hold; it is
/// counted on the step the run was at and on the UTC day it happened.</item>
/// <item>"Converted" counts orders credited to the flow by the one attribution rule
/// (<c>OrderAttribution</c>, applied by <c>FlowOrderAttributor</c> when the order-placed event is handled): placed
/// within the attribution window (a setting, 7 days to start with) after one of the flow's messages, once per flow,
/// on the step that sent the latest of them and on the order's UTC day. "Revenue" adds up the same orders' totals
/// (<c>Order.OrderTotal</c>). The simulator and the backtest apply the same rule.</item>
/// <item>"Sent" counts e-mail and pop-up actions the flow emitted (also those a channel then skipped, e.g. for
/// missing consent); webhooks, tags, score, funnel stage, staff alerts and coupons are not messages and are not
/// counted.</item>
/// <item>"Waiting now" counts open runs (waiting or due to step) at each step at the moment of the query.</item>
/// </list>
/// </remarks>
public interface IFlowReportService
{
    /// <summary>
    /// Gets the report of a flow over a range of UTC days
    /// </summary>
    /// <param name="flowId">Flow identifier</param>
    /// <param name="fromUtc">A moment of the first day (UTC); the whole day counts</param>
    /// <param name="toUtc">A moment of the last day (UTC); the whole day counts</param>
    /// <param name="versionId">The flow version row to report on; null for all versions of the flow</param>
    /// <returns>
    /// A task that represents the asynchronous operation
    /// The task result contains the report; null when the flow, or the version within that flow, does not exist
    /// </returns>
    Task<FlowReport> GetFlowReportAsync(int flowId, DateTime fromUtc, DateTime toUtc, int? versionId = null);

    /// <summary>
    /// Writes a report's steps as CSV (RFC 4180: a header row, one row per step, CRLF line ends, invariant numbers)
    /// </summary>
    /// <param name="report">The report</param>
    /// <param name="writer">Where to write</param>
    /// <returns>A task that represents the asynchronous operation</returns>
    Task WriteCsvAsync(FlowReport report, TextWriter writer);
}
