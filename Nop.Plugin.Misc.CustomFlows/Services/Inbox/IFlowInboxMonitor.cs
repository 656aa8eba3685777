namespace Nop.Plugin.Misc.CustomFlows.Services.Inbox;

/// <summary>
/// What the admin sees of the inbox: events that could not be processed
/// </summary>
public interface IFlowInboxMonitor
{
    /// <summary>
    /// Gets the most recently quarantined events, newest first, and how many there are in all
    /// </summary>
    /// <param name="count">How many to return</param>
    Task<(IList<QuarantinedEvent> Events, int Total)> GetQuarantinedAsync(int count = 20);
}
