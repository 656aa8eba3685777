using Nop.Plugin.Misc.CustomFlows.Domain;

namespace Nop.Plugin.Misc.CustomFlows.Services.Reports;

/// <summary>
/// A flow's numbers over a range of UTC days, read from the per-step daily statistics and the orders credited to the
/// flow. "Goal reached" counts runs that met the flow's goal; "Converted" counts the orders placed within the
/// attribution window after one of the flow's messages and "Revenue" adds up their totals, so the two count the same
/// orders (see <see cref="IFlowReportService"/> for the exact rule).
/// </summary>
/// <param name="FlowId">Flow identifier</param>
/// <param name="FlowName">Flow name</param>
/// <param name="FlowVersionId">The version reported on; null for all versions of the flow</param>
/// <param name="FromUtc">Midnight (UTC) of the first day</param>
/// <param name="ToUtc">Midnight (UTC) of the last day, included</param>
/// <param name="Totals">The flow as a whole</param>
/// <param name="Steps">Per step, in definition order</param>
/// <param name="Days">Per day, every day of the range</param>
/// <param name="Splits">Per A/B/X split step, its branches</param>
public sealed record FlowReport(int FlowId, string FlowName, int? FlowVersionId, DateTime FromUtc, DateTime ToUtc,
    FlowReportTotals Totals, IReadOnlyList<FlowStepReport> Steps, IReadOnlyList<FlowReportDay> Days, IReadOnlyList<FlowSplitReport> Splits);

/// <summary>
/// Totals of a flow over the range
/// </summary>
/// <param name="Entered">Runs that entered: what the start step(s) counted</param>
/// <param name="WaitingNow">Open runs now (not bound to the range)</param>
/// <param name="GoalReached">Runs that met the goal, on whichever step they were</param>
/// <param name="Converted">Orders credited to the flow, placed in the range</param>
/// <param name="Revenue">Total of those orders</param>
/// <param name="Sent">Messages (e-mails and pop-ups) emitted</param>
/// <param name="SentByChannel">The same, per channel, channels with nothing sent left out</param>
/// <param name="Opened">First opens (e-mail) or appearances (pop-up)</param>
/// <param name="Clicked">First clicks</param>
public sealed record FlowReportTotals(int Entered, int WaitingNow, int GoalReached, int Converted, decimal Revenue, int Sent,
    IReadOnlyList<FlowChannelSent> SentByChannel, int Opened, int Clicked);

/// <summary>
/// Messages sent through one channel
/// </summary>
/// <param name="Channel">The channel</param>
/// <param name="Sent">How many</param>
public sealed record FlowChannelSent(FlowChannel Channel, int Sent);

/// <summary>
/// One step over the range
/// </summary>
/// <param name="NodeId">Node identifier</param>
/// <param name="NodeType">Node type as the flow JSON writes it; "unknown" for a step no reported version defines</param>
/// <param name="Title">The admin's title; null when none</param>
/// <param name="Label">The title, else what the step is and its id</param>
/// <param name="Channel">The channel of an action step</param>
/// <param name="Entered">Arrivals at the step</param>
/// <param name="WaitingNow">Open runs at the step now</param>
/// <param name="PassedYes">Filter answered yes</param>
/// <param name="PassedNo">Filter answered no</param>
/// <param name="Sent">Messages (e-mails and pop-ups) the step emitted</param>
/// <param name="Opened">First opens or appearances of the step's messages</param>
/// <param name="Clicked">First clicks of the step's messages</param>
/// <param name="GoalReached">Runs that met the goal while at this step</param>
/// <param name="Converted">Orders credited to this step: its message was the flow's latest before the order</param>
/// <param name="Revenue">Total of those orders</param>
public sealed record FlowStepReport(string NodeId, string NodeType, string Title, string Label, FlowChannel Channel,
    int Entered, int WaitingNow, int PassedYes, int PassedNo, int Sent, int Opened, int Clicked, int GoalReached, int Converted, decimal Revenue);

/// <summary>
/// One UTC day of the range
/// </summary>
/// <param name="DayUtc">Midnight (UTC)</param>
/// <param name="Entered">Runs that entered</param>
/// <param name="Sent">Messages emitted</param>
/// <param name="GoalReached">Runs that met the goal</param>
/// <param name="Converted">Orders credited to the flow, placed that day</param>
/// <param name="Revenue">Total of those orders</param>
public sealed record FlowReportDay(DateTime DayUtc, int Entered, int Sent, int GoalReached, int Converted, decimal Revenue);

/// <summary>
/// One A/B/X split step and how its branches converted
/// </summary>
/// <param name="NodeId">Node identifier</param>
/// <param name="Label">Step label</param>
/// <param name="Branches">Branches in definition order</param>
public sealed record FlowSplitReport(string NodeId, string Label, IReadOnlyList<FlowSplitBranchReport> Branches);

/// <summary>
/// One branch of a split: runs that entered the flow in the range and went through the branch
/// </summary>
/// <param name="Name">Branch name</param>
/// <param name="Holdout">Whether the branch is the control group</param>
/// <param name="Runs">Runs that went through the branch</param>
/// <param name="Converted">Of those, runs that met the goal</param>
/// <param name="ConversionRate">Converted / runs as a fraction, 4 decimals; null without runs</param>
/// <param name="Uplift">Against the holdout, in percentage points; null when it cannot be computed (see <paramref name="UpliftStatus"/>)</param>
/// <param name="UpliftStatus">Whether the uplift was computed, and if not why</param>
public sealed record FlowSplitBranchReport(string Name, bool Holdout, int Runs, int Converted, double? ConversionRate,
    FlowUpliftPoints Uplift, FlowUpliftStatus UpliftStatus);

/// <summary>
/// An uplift in percentage points, rounded to 4 decimals
/// </summary>
/// <param name="Difference">Branch rate minus holdout rate</param>
/// <param name="Low">Lower bound of the 95% confidence interval</param>
/// <param name="High">Upper bound of the 95% confidence interval</param>
public sealed record FlowUpliftPoints(double Difference, double Low, double High)
{
    /// <summary>
    /// Converts an interval of fractions to percentage points
    /// </summary>
    /// <param name="interval">The interval; null gives null</param>
    public static FlowUpliftPoints From(UpliftInterval interval) => interval == null
        ? null
        : new FlowUpliftPoints(Points(interval.Difference), Points(interval.Lower), Points(interval.Upper));

    private static double Points(double fraction) => Math.Round(fraction * 100, 4, MidpointRounding.AwayFromZero);
}

/// <summary>
/// Whether a branch's uplift could be computed
/// </summary>
public enum FlowUpliftStatus
{
    /// <summary>Computed against the holdout.</summary>
    Computed,

    /// <summary>The branch is the holdout itself.</summary>
    IsHoldout,

    /// <summary>The split has no holdout branch to compare with.</summary>
    NoHoldout,

    /// <summary>The holdout has no runs in the range.</summary>
    NoHoldoutRuns,

    /// <summary>The branch has no runs in the range.</summary>
    NoRuns
}
