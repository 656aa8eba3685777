namespace Nop.Plugin.Misc.CustomFlows.Domain;

/// <summary>
/// Outcome of one action recorded in the action log
/// </summary>
public enum FlowActionStatus
{
    /// <summary>
    /// Recorded under its key before the channel was called
    /// </summary>
    Pending = 10,

    /// <summary>
    /// The channel accepted the action
    /// </summary>
    Succeeded = 20,

    /// <summary>
    /// The channel failed
    /// </summary>
    Failed = 30,

    /// <summary>
    /// Not performed on purpose (no consent, frequency cap, channel off)
    /// </summary>
    Skipped = 40
}
