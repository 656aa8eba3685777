namespace Nop.Plugin.Misc.CustomFlows.Engine.Runtime;

/// <summary>
/// Where a run is in its life.
/// </summary>
public enum RunStatus
{
    /// <summary>Ready to take its next step now.</summary>
    Active,

    /// <summary>Held until <see cref="FlowRunState.DueOnUtc"/> or an awaited event.</summary>
    Waiting,

    /// <summary>Reached an end step.</summary>
    Completed,

    /// <summary>Met the flow's goal.</summary>
    Converted,

    /// <summary>Left early: an exit condition, or the trigger turned out not to hold (the cart was checked out).</summary>
    Exited
}

/// <summary>
/// Why a waiting run waits; decides what happens when it is due or an event comes.
/// </summary>
public enum WaitReason
{
    /// <summary>Not waiting.</summary>
    None,

    /// <summary>At a wait step.</summary>
    WaitStep,

    /// <summary>At an action held back by the message budget, quiet hours, a blackout date or the frequency cap.</summary>
    Postponed,

    /// <summary>At the start of an abandoned-cart flow, waiting to see whether the cart is really left.</summary>
    CartAbandonment
}
