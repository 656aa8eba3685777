namespace Nop.Plugin.Misc.CustomFlows.Services.Inbox;

/// <summary>
/// Records a shop event for later processing. Called inside the shopper's request, so it does one
/// insert and nothing else.
/// </summary>
public interface IFlowInboxWriter
{
    /// <summary>
    /// Writes one inbox row
    /// </summary>
    /// <param name="eventType">Event name, one of <see cref="FlowInboxEventTypes"/></param>
    /// <param name="customerId">Customer identifier; 0 when the event names the customer otherwise (newsletter e-mail)</param>
    /// <param name="storeId">Store identifier</param>
    /// <param name="payload">Facts of the event, stored as JSON</param>
    Task WriteAsync<TPayload>(string eventType, int customerId, int storeId, TPayload payload);
}
