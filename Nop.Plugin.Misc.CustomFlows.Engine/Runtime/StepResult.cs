namespace Nop.Plugin.Misc.CustomFlows.Engine.Runtime;

/// <summary>
/// What one call of the interpreter produced: the run's new state, the effects to perform, and a record of what happened.
/// </summary>
public sealed class StepResult
{
    /// <summary>
    /// Creates a result.
    /// </summary>
    public StepResult(FlowRunState run, IReadOnlyList<FlowEffect> effects, IReadOnlyList<StepRecord> records, StepOutcome outcome)
    {
        Run = run;
        Effects = effects;
        Records = records;
        Outcome = outcome;
    }

    /// <summary>The run's new state (a new object when anything changed; the input is never modified).</summary>
    public FlowRunState Run { get; }

    /// <summary>Actions to hand to channels, in order.</summary>
    public IReadOnlyList<FlowEffect> Effects { get; }

    /// <summary>What happened, in order.</summary>
    public IReadOnlyList<StepRecord> Records { get; }

    /// <summary>Why the call stopped.</summary>
    public StepOutcome Outcome { get; }
}

/// <summary>
/// Why an interpreter call stopped.
/// </summary>
public enum StepOutcome
{
    /// <summary>The run waits (see <see cref="FlowRunState.DueOnUtc"/>).</summary>
    Waiting,

    /// <summary>The run ended (completed, converted or exited).</summary>
    Ended,

    /// <summary>The step limit per call was reached; the run is active and due now, so the pump continues it.</summary>
    StepLimitReached,

    /// <summary>Nothing to do yet: the run waits and is not due, or the event was not for it.</summary>
    NotDue,

    /// <summary>All flows are paused by the guardrails; nothing changed.</summary>
    Paused,

    /// <summary>The run had already ended; nothing changed.</summary>
    AlreadyEnded
}
