using Nop.Core;

namespace Nop.Plugin.Misc.CustomFlows.Domain;

/// <summary>
/// An order credited to a flow by the attribution rule: placed within the attribution window after one of the flow's
/// messages to the customer, credited to the step and run that sent the latest of them. One row per order and flow.
/// </summary>
public partial class FlowAttribution : BaseEntity
{
    /// <summary>
    /// Gets or sets the order identifier
    /// </summary>
    public int OrderId { get; set; }

    /// <summary>
    /// Gets or sets the flow identifier
    /// </summary>
    public int FlowId { get; set; }

    /// <summary>
    /// Gets or sets the flow version identifier of the run that sent the message
    /// </summary>
    public int FlowVersionId { get; set; }

    /// <summary>
    /// Gets or sets the step that sent the message
    /// </summary>
    public string NodeId { get; set; }

    /// <summary>
    /// Gets or sets the run that sent the message
    /// </summary>
    public int FlowRunId { get; set; }

    /// <summary>
    /// Gets or sets the customer identifier
    /// </summary>
    public int CustomerId { get; set; }

    /// <summary>
    /// Gets or sets the order total in the shop's primary currency
    /// </summary>
    public decimal OrderTotal { get; set; }

    /// <summary>
    /// Gets or sets when the order was placed
    /// </summary>
    public DateTime PlacedOnUtc { get; set; }

    /// <summary>
    /// Gets or sets when the credited message was sent
    /// </summary>
    public DateTime MessageSentOnUtc { get; set; }
}
