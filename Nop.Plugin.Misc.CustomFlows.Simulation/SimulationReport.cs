namespace Nop.Plugin.Misc.CustomFlows.Simulation;

/// <summary>
/// What a simulation found: per flow and per step statistics, and each customer's timeline.
/// Shaped for JSON output as it is.
/// </summary>
public sealed class SimulationReport
{
    /// <summary>Virtual time of the first event.</summary>
    public DateTime StartedOnUtc { get; set; }

    /// <summary>Virtual time the clock stopped at.</summary>
    public DateTime EndedOnUtc { get; set; }

    /// <summary>Event lines replayed.</summary>
    public int Events { get; set; }

    /// <summary>Date events the simulated daily job raised.</summary>
    public int DateEvents { get; set; }

    /// <summary>Reactions to messages the responder added (opens, clicks, orders).</summary>
    public int ResponseEvents { get; set; }

    /// <summary>Customers known (from the file and the events).</summary>
    public int Customers { get; set; }

    /// <summary>Runs created over all flows.</summary>
    public int Runs { get; set; }

    /// <summary>The attribution window, as a flow duration ("7d").</summary>
    public string AttributionWindow { get; set; }

    /// <summary>Whether the horizon stopped the clock while runs still waited.</summary>
    public bool StoppedAtHorizon { get; set; }

    /// <summary>One entry per flow, in the order given.</summary>
    public List<FlowReport> Flows { get; set; } = new();

    /// <summary>Timelines of customers who entered a flow, by customer id (empty when timelines are off).</summary>
    public List<CustomerTimeline> Timelines { get; set; } = new();
}

/// <summary>
/// Statistics of one flow version.
/// </summary>
public sealed class FlowReport
{
    /// <summary>Flow id.</summary>
    public string FlowId { get; set; }

    /// <summary>Version.</summary>
    public int Version { get; set; }

    /// <summary>Name.</summary>
    public string Name { get; set; }

    /// <summary>Runs started.</summary>
    public int Entered { get; set; }

    /// <summary>Triggering events that did not start a run, by reason (alreadyInFlow, notInAudience, ...).</summary>
    public SortedDictionary<string, int> NotEntered { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Actions performed, by channel (email, popup, webhook, customerData, staffAlert, coupon).</summary>
    public SortedDictionary<string, int> Sent { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Runs that met the goal (no order needed, no revenue credited).</summary>
    public int GoalReached { get; set; }

    /// <summary>Runs that left through an exit condition or a cancelled trigger.</summary>
    public int Exited { get; set; }

    /// <summary>Runs that reached an end step.</summary>
    public int Completed { get; set; }

    /// <summary>Runs still waiting when the clock stopped.</summary>
    public int StillWaiting { get; set; }

    /// <summary>Orders that converted the flow: placed within the attribution window after one of its messages
    /// (see <see cref="Engine.Processing.OrderAttribution"/>).</summary>
    public int Converted { get; set; }

    /// <summary>Total of those orders.</summary>
    public decimal Revenue { get; set; }

    /// <summary>Per-step statistics, in the flow's step order.</summary>
    public List<NodeReport> Nodes { get; set; } = new();

    /// <summary>A/B/X splits with their branches and the uplift against the holdout.</summary>
    public List<SplitReport> Splits { get; set; } = new();
}

/// <summary>
/// Statistics of one step.
/// </summary>
public sealed class NodeReport
{
    /// <summary>Step id.</summary>
    public string NodeId { get; set; }

    /// <summary>Step type (start, filter, wait, split, action, jump, end).</summary>
    public string Type { get; set; }

    /// <summary>Arrivals at the step.</summary>
    public int Entered { get; set; }

    /// <summary>Runs waiting here when the clock stopped.</summary>
    public int Waiting { get; set; }

    /// <summary>Filter: answered yes.</summary>
    public int PassedYes { get; set; }

    /// <summary>Filter: answered no.</summary>
    public int PassedNo { get; set; }

    /// <summary>Action: performed, by channel.</summary>
    public SortedDictionary<string, int> Sent { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Action: held back by quiet hours, a blackout date, the budget or the frequency cap.</summary>
    public int Postponed { get; set; }

    /// <summary>Action: dropped because the budget or cap did not allow it and the flow says skip.</summary>
    public int Skipped { get; set; }

    /// <summary>Action: not performed because the run is in a holdout branch.</summary>
    public int HeldOut { get; set; }

    /// <summary>Runs that met the goal while at this step.</summary>
    public int GoalReached { get; set; }

    /// <summary>Runs that left early while at this step.</summary>
    public int Exited { get; set; }

    /// <summary>End step: runs completed here.</summary>
    public int Completed { get; set; }

    /// <summary>Action: orders credited to this step (its message was the flow's latest before the order).</summary>
    public int Converted { get; set; }

    /// <summary>Action: total of those orders.</summary>
    public decimal Revenue { get; set; }
}

/// <summary>
/// One A/B/X split: how each branch did, and the uplift of the treated branches against the holdout.
/// </summary>
public sealed class SplitReport
{
    /// <summary>The split step.</summary>
    public string NodeId { get; set; }

    /// <summary>Branches in definition order.</summary>
    public List<BranchReport> Branches { get; set; } = new();

    /// <summary>Treated against holdout; null when the split has no holdout branch or nobody reached it.</summary>
    public UpliftReport Uplift { get; set; }
}

/// <summary>
/// One branch of a split. A holdout is sent nothing, so a branch is not measured by message attribution:
/// its conversion is the goal (runs that met it), and its revenue every order the customer placed within the
/// attribution window after reaching the split, so holdout and treated branches are measured the same way.
/// </summary>
public sealed class BranchReport
{
    /// <summary>Branch name.</summary>
    public string Name { get; set; }

    /// <summary>Whether it is the control group.</summary>
    public bool Holdout { get; set; }

    /// <summary>Runs that took the branch.</summary>
    public int Runs { get; set; }

    /// <summary>Of those, runs that met the goal.</summary>
    public int Converted { get; set; }

    /// <summary>Orders within the attribution window after the split.</summary>
    public decimal Revenue { get; set; }

    /// <summary>Converted / runs.</summary>
    public double ConversionRate { get; set; }

    /// <summary>Revenue / runs.</summary>
    public decimal RevenuePerRun { get; set; }
}

/// <summary>
/// Treated branches (together) against the holdout.
/// </summary>
public sealed class UpliftReport
{
    /// <summary>Runs in treated branches.</summary>
    public int TreatedRuns { get; set; }

    /// <summary>Runs in the holdout.</summary>
    public int HoldoutRuns { get; set; }

    /// <summary>Conversion rate of treated runs.</summary>
    public double TreatedConversionRate { get; set; }

    /// <summary>Conversion rate of holdout runs.</summary>
    public double HoldoutConversionRate { get; set; }

    /// <summary>Treated minus holdout conversion rate, in percentage points.</summary>
    public double ConversionUpliftPoints { get; set; }

    /// <summary>Revenue per treated run.</summary>
    public decimal TreatedRevenuePerRun { get; set; }

    /// <summary>Revenue per holdout run.</summary>
    public decimal HoldoutRevenuePerRun { get; set; }

    /// <summary>Treated minus holdout revenue per run.</summary>
    public decimal RevenueUpliftPerRun { get; set; }
}

/// <summary>
/// What happened to one customer, in time order.
/// </summary>
public sealed class CustomerTimeline
{
    /// <summary>The customer.</summary>
    public int CustomerId { get; set; }

    /// <summary>Entries in time order.</summary>
    public List<TimelineEntry> Entries { get; set; } = new();
}

/// <summary>
/// One thing that happened to a customer's run.
/// </summary>
public sealed class TimelineEntry
{
    /// <summary>Virtual time.</summary>
    public DateTime At { get; set; }

    /// <summary>The flow.</summary>
    public string FlowId { get; set; }

    /// <summary>The run.</summary>
    public long RunId { get; set; }

    /// <summary>The step.</summary>
    public string NodeId { get; set; }

    /// <summary>
    /// What: entered, waiting, waitEnded, eventReceived, timedOut, yes, no, branched, sent, postponed,
    /// skipped, heldOut, jumped, jumpExhausted, converted, exited, ended, stillWaiting.
    /// </summary>
    public string What { get; set; }

    /// <summary>Details: until when, which message, which branch, why.</summary>
    public string Detail { get; set; }
}
