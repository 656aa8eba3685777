namespace Nop.Plugin.Misc.CustomFlows.Domain;

/// <summary>
/// Where one customer's run through a flow stands
/// </summary>
public enum FlowRunStatus
{
    /// <summary>
    /// Ready to be stepped now
    /// </summary>
    Running = 10,

    /// <summary>
    /// Parked at a wait until <see cref="FlowRun.DueOnUtc"/>
    /// </summary>
    Waiting = 20,

    /// <summary>
    /// Reached the end of the flow or its goal
    /// </summary>
    Completed = 30,

    /// <summary>
    /// Left through an exit condition, an unsubscribe or the admin
    /// </summary>
    Exited = 40,

    /// <summary>
    /// Stopped by an error that retrying will not fix
    /// </summary>
    Failed = 50
}
