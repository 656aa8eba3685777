using Nop.Core;

namespace Nop.Plugin.Misc.CustomFlows.Domain;

/// <summary>
/// One performed (or attempted) action; the unique idempotency key makes every action happen at most once
/// </summary>
public partial class FlowActionLog : BaseEntity
{
    /// <summary>
    /// Gets or sets the idempotency key: run, node and visit
    /// </summary>
    public string IdempotencyKey { get; set; }

    /// <summary>
    /// Gets or sets the run identifier
    /// </summary>
    public int FlowRunId { get; set; }

    /// <summary>
    /// Gets or sets the identifier of the action node
    /// </summary>
    public string NodeId { get; set; }

    /// <summary>
    /// Gets or sets the customer identifier
    /// </summary>
    public int CustomerId { get; set; }

    /// <summary>
    /// Gets or sets the channel identifier (see <see cref="FlowChannel"/>)
    /// </summary>
    public int ChannelId { get; set; }

    /// <summary>
    /// Gets or sets the status identifier (see <see cref="FlowActionStatus"/>)
    /// </summary>
    public int StatusId { get; set; }

    /// <summary>
    /// Gets or sets the date and time the action was recorded
    /// </summary>
    public DateTime CreatedOnUtc { get; set; }

    /// <summary>
    /// Gets or sets what happened, for the admin: queued e-mail id, HTTP status, error
    /// </summary>
    public string Details { get; set; }

    /// <summary>
    /// Gets or sets the effect as the engine decided on it (flow JSON), written with the run's step while the row is
    /// Pending (the outbox), so an effect whose worker stopped before performing it is performed later from here
    /// </summary>
    public string EffectJson { get; set; }

    /// <summary>
    /// Gets or sets when the message was first opened (e-mail pixel) or shown (pop-up); later ones are not events
    /// </summary>
    public DateTime? OpenedOnUtc { get; set; }

    /// <summary>
    /// Gets or sets when a link of the message was first clicked
    /// </summary>
    public DateTime? ClickedOnUtc { get; set; }

    /// <summary>
    /// Gets or sets the channel
    /// </summary>
    public FlowChannel Channel
    {
        get => (FlowChannel)ChannelId;
        set => ChannelId = (int)value;
    }

    /// <summary>
    /// Gets or sets the status
    /// </summary>
    public FlowActionStatus Status
    {
        get => (FlowActionStatus)StatusId;
        set => StatusId = (int)value;
    }
}
