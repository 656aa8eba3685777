namespace Nop.Plugin.Misc.CustomFlows.Services.Inbox;

/// <summary>
/// An event set aside after too many failed tries, for the admin to see
/// </summary>
/// <param name="Id">Inbox row identifier</param>
/// <param name="EventType">Event name</param>
/// <param name="CustomerId">Customer identifier</param>
/// <param name="Attempts">Tries made</param>
/// <param name="LastError">Error of the last try</param>
/// <param name="CreatedOnUtc">When the shop recorded the event</param>
/// <param name="QuarantinedOnUtc">When it was set aside</param>
public record QuarantinedEvent(int Id, string EventType, int CustomerId, int Attempts, string LastError, DateTime CreatedOnUtc, DateTime QuarantinedOnUtc);
