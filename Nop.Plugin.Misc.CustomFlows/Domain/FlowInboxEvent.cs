using Nop.Core;

namespace Nop.Plugin.Misc.CustomFlows.Domain;

/// <summary>
/// A shop event written by a consumer during the shopper's request and processed later by the inbox job
/// </summary>
public partial class FlowInboxEvent : BaseEntity
{
    /// <summary>
    /// Gets or sets the event type name (e.g. "OrderPlaced", "PopupClicked"); the trigger catalogue owns the names
    /// </summary>
    public string EventType { get; set; }

    /// <summary>
    /// Gets or sets the customer identifier
    /// </summary>
    public int CustomerId { get; set; }

    /// <summary>
    /// Gets or sets the store identifier
    /// </summary>
    public int StoreId { get; set; }

    /// <summary>
    /// Gets or sets the event's facts as JSON
    /// </summary>
    public string PayloadJson { get; set; }

    /// <summary>
    /// Gets or sets the date and time the event was written
    /// </summary>
    public DateTime CreatedOnUtc { get; set; }

    /// <summary>
    /// Gets or sets the date and time processing succeeded; null while pending
    /// </summary>
    public DateTime? ProcessedOnUtc { get; set; }

    /// <summary>
    /// Gets or sets how many times processing was tried
    /// </summary>
    public int Attempts { get; set; }

    /// <summary>
    /// Gets or sets the earliest time of the next try after a failure
    /// </summary>
    public DateTime? NextAttemptOnUtc { get; set; }

    /// <summary>
    /// Gets or sets the error of the last failed try, shown to the admin
    /// </summary>
    public string LastError { get; set; }

    /// <summary>
    /// Gets or sets when the event was set aside after too many failed tries; null unless quarantined
    /// </summary>
    public DateTime? QuarantinedOnUtc { get; set; }
}
