namespace Nop.Plugin.Misc.CustomFlows.Engine.Entry;

/// <summary>
/// Whether a customer enters a flow on an event, and if not, why not (for logs and the simulator's statistics).
/// </summary>
public enum EntryDecision
{
    /// <summary>The customer enters.</summary>
    Enter,

    /// <summary>All flows are paused.</summary>
    Paused,

    /// <summary>The event is from a store the flow does not run in.</summary>
    OtherStore,

    /// <summary>The event does not fire the flow's trigger.</summary>
    NotTriggered,

    /// <summary>The customer is in the flow already (not while active).</summary>
    AlreadyInFlow,

    /// <summary>The customer entered the flow before (once ever).</summary>
    EnteredBefore,

    /// <summary>The customer entered the flow within the re-entry period.</summary>
    TooSoon,

    /// <summary>The customer is not in the flow's audience.</summary>
    NotInAudience
}
