namespace Nop.Plugin.Misc.CustomFlows.Engine.Runtime;

/// <summary>
/// One thing the interpreter did, for timelines and per-step statistics.
/// </summary>
/// <param name="AtUtc">When.</param>
/// <param name="NodeId">At which step.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Detail">Branch name, exit name, goal name or the reason for a postponement.</param>
public sealed record StepRecord(DateTime AtUtc, string NodeId, StepKind Kind, string Detail = null);

/// <summary>
/// Things the interpreter records.
/// </summary>
public enum StepKind
{
    /// <summary>The run arrived at a step.</summary>
    Arrived,

    /// <summary>A filter answered yes.</summary>
    PassedYes,

    /// <summary>A filter answered no.</summary>
    PassedNo,

    /// <summary>The run started waiting (detail: until when, ISO 8601).</summary>
    Waiting,

    /// <summary>A time wait ended.</summary>
    WaitEnded,

    /// <summary>An event wait got its event.</summary>
    EventReceived,

    /// <summary>An event wait timed out.</summary>
    TimedOut,

    /// <summary>A split chose a branch (detail: branch name).</summary>
    Branched,

    /// <summary>An action was emitted as an effect.</summary>
    ActionEmitted,

    /// <summary>An action was held back (detail: budget, quietHours, blackout or frequencyCap).</summary>
    ActionPostponed,

    /// <summary>An action was dropped because the budget or the frequency cap did not allow it and the flow says skip.</summary>
    ActionSkipped,

    /// <summary>An action was not emitted because the run is in a holdout branch.</summary>
    ActionSuppressed,

    /// <summary>A jump went back to its target.</summary>
    Jumped,

    /// <summary>A jump's repetitions were used up and it went on.</summary>
    JumpExhausted,

    /// <summary>The run reached an end step.</summary>
    Completed,

    /// <summary>The run met the goal (detail: goal name).</summary>
    Converted,

    /// <summary>The run left early (detail: exit name or reason).</summary>
    Exited
}
