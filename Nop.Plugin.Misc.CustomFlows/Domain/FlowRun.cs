using Nop.Core;

namespace Nop.Plugin.Misc.CustomFlows.Domain;

/// <summary>
/// One customer's way through one flow version
/// </summary>
public partial class FlowRun : BaseEntity
{
    /// <summary>
    /// Gets or sets the flow identifier
    /// </summary>
    public int FlowId { get; set; }

    /// <summary>
    /// Gets or sets the identifier of the flow version the run is pinned to
    /// </summary>
    public int FlowVersionId { get; set; }

    /// <summary>
    /// Gets or sets the customer identifier
    /// </summary>
    public int CustomerId { get; set; }

    /// <summary>
    /// Gets or sets the store the triggering event happened in
    /// </summary>
    public int StoreId { get; set; }

    /// <summary>
    /// Gets or sets what distinguishes parallel runs of one customer in one flow (e.g. an order number); empty when the flow allows one run at a time
    /// </summary>
    public string EntryKey { get; set; }

    /// <summary>
    /// Gets or sets the key that keeps one active run per flow, customer and entry key (see <see cref="FlowRunActiveKey"/>)
    /// </summary>
    public string ActiveKey { get; set; }

    /// <summary>
    /// Gets or sets the identifier of the node the run is at
    /// </summary>
    public string CurrentNodeId { get; set; }

    /// <summary>
    /// Gets or sets the status identifier (see <see cref="FlowRunStatus"/>)
    /// </summary>
    public int StatusId { get; set; }

    /// <summary>
    /// Gets or sets when a waiting run is due to continue
    /// </summary>
    public DateTime? DueOnUtc { get; set; }

    /// <summary>
    /// Gets or sets the facts of the event that started the run (order, product, cart) as JSON
    /// </summary>
    public string TriggerContextJson { get; set; }

    /// <summary>
    /// Gets or sets the run's own state as JSON: visit counters per node, split assignments, variables
    /// </summary>
    public string StateJson { get; set; }

    /// <summary>
    /// Gets or sets the date and time the run started
    /// </summary>
    public DateTime StartedOnUtc { get; set; }

    /// <summary>
    /// Gets or sets the date and time the run ended; null while active
    /// </summary>
    public DateTime? EndedOnUtc { get; set; }

    /// <summary>
    /// Gets or sets why the run ended early (exit condition, unsubscribe, admin)
    /// </summary>
    public string ExitReason { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the run reached the flow's goal
    /// </summary>
    public bool Converted { get; set; }

    /// <summary>
    /// Gets or sets the revenue plugin versions before 4.90.5 credited to the run when an order met its goal; no longer
    /// written: orders are credited to runs as <see cref="FlowAttribution"/> rows
    /// </summary>
    public decimal Revenue { get; set; }

    /// <summary>
    /// Gets or sets the status
    /// </summary>
    public FlowRunStatus Status
    {
        get => (FlowRunStatus)StatusId;
        set => StatusId = (int)value;
    }
}
