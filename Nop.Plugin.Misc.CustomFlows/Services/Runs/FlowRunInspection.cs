using Nop.Plugin.Misc.CustomFlows.Domain;

namespace Nop.Plugin.Misc.CustomFlows.Services.Runs;

/// <summary>
/// A customer found by e-mail and their runs in every flow, newest first
/// </summary>
/// <param name="CustomerId">The customer; null when no customer has the address</param>
/// <param name="Email">The address searched for</param>
/// <param name="Runs">The runs, newest first (at most <see cref="FlowRunInspector.MaxRunsListed"/>)</param>
public sealed record CustomerFlowRuns(int? CustomerId, string Email, IReadOnlyList<CustomerFlowRun> Runs);

/// <summary>
/// One run of a customer, as the admin's list shows it
/// </summary>
/// <param name="RunId">Run identifier</param>
/// <param name="FlowId">Flow identifier</param>
/// <param name="FlowName">Flow name; null when the flow was deleted</param>
/// <param name="VersionNumber">Number of the version the run is pinned to; 0 when the version was deleted</param>
/// <param name="Status">Status</param>
/// <param name="StartedOnUtc">When the run started</param>
/// <param name="EndedOnUtc">When it ended; null while open</param>
/// <param name="CurrentNodeId">The step the run is at (for an ended run, its last)</param>
/// <param name="CurrentStep">That step's label</param>
/// <param name="WaitingUntilUtc">For a waiting run, when it is due to carry on</param>
/// <param name="Converted">Whether the run met the goal</param>
/// <param name="Revenue">Revenue credited to the run</param>
/// <param name="ExitReason">Goal name, exit name or why it ended</param>
public sealed record CustomerFlowRun(int RunId, int FlowId, string FlowName, int VersionNumber, FlowRunStatus Status,
    DateTime StartedOnUtc, DateTime? EndedOnUtc, string CurrentNodeId, string CurrentStep, DateTime? WaitingUntilUtc,
    bool Converted, decimal Revenue, string ExitReason);

/// <summary>
/// What happened in one run, for the admin
/// </summary>
/// <param name="RunId">Run identifier</param>
/// <param name="FlowId">Flow identifier</param>
/// <param name="FlowName">Flow name</param>
/// <param name="VersionNumber">Version number; 0 when the version was deleted</param>
/// <param name="Status">Status</param>
/// <param name="Entries">What happened when, in time order (UTC; the caller converts to the admin's time zone)</param>
/// <param name="StepsVisited">Every step the run arrived at, in definition order, with how often: the run state
/// keeps visit counts and not their times, so steps without an action log row (filters, waits, splits) appear here</param>
public sealed record FlowRunTimeline(int RunId, int FlowId, string FlowName, int VersionNumber, FlowRunStatus Status,
    IReadOnlyList<FlowRunTimelineEntry> Entries, IReadOnlyList<FlowRunStepVisit> StepsVisited);

/// <summary>
/// One dated event of a run
/// </summary>
/// <param name="AtUtc">When</param>
/// <param name="Kind">What kind of event</param>
/// <param name="NodeId">At which step; null when none</param>
/// <param name="NodeLabel">That step's label</param>
/// <param name="Details">For the admin; e-mail addresses are masked</param>
public sealed record FlowRunTimelineEntry(DateTime AtUtc, FlowRunTimelineKind Kind, string NodeId, string NodeLabel, string Details);

/// <summary>
/// A step the run arrived at
/// </summary>
/// <param name="NodeId">Node identifier</param>
/// <param name="NodeLabel">Label</param>
/// <param name="Visits">How often the run arrived there</param>
/// <param name="Details">For a split: the branch the run took, when the state tells; else null</param>
public sealed record FlowRunStepVisit(string NodeId, string NodeLabel, int Visits, string Details);

/// <summary>
/// Kinds of timeline entries, in the order they sort when they happen at the same moment
/// </summary>
public enum FlowRunTimelineKind
{
    /// <summary>The run entered the flow.</summary>
    Entered,

    /// <summary>An action was recorded (sent, skipped, failed or still pending).</summary>
    Action,

    /// <summary>A message was first opened (e-mail) or shown (pop-up).</summary>
    Opened,

    /// <summary>A message was first clicked.</summary>
    Clicked,

    /// <summary>The run waits (since when, until when).</summary>
    Waiting,

    /// <summary>An order credited to one of the run's messages by the attribution rule</summary>
    OrderCredited,

    /// <summary>The run ended.</summary>
    Ended
}

/// <summary>
/// What became of a request to end a run by hand
/// </summary>
public enum EndRunOutcome
{
    /// <summary>The run was open and is now exited.</summary>
    Ended,

    /// <summary>No run has the identifier.</summary>
    NotFound,

    /// <summary>The run had already ended; nothing changed.</summary>
    AlreadyEnded,

    /// <summary>Another server stepped the run while it was being ended; nothing changed, try again.</summary>
    ChangedMeanwhile
}
