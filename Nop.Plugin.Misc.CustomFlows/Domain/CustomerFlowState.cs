using Nop.Core;

namespace Nop.Plugin.Misc.CustomFlows.Domain;

/// <summary>
/// The plugin's own facts about one customer, shared by all flows
/// </summary>
public partial class CustomerFlowState : BaseEntity
{
    /// <summary>
    /// Gets or sets the customer identifier; one row per customer
    /// </summary>
    public int CustomerId { get; set; }

    /// <summary>
    /// Gets or sets the customer's tags as a JSON array
    /// </summary>
    public string TagsJson { get; set; }

    /// <summary>
    /// Gets or sets the customer's score
    /// </summary>
    public int Score { get; set; }

    /// <summary>
    /// Gets or sets the funnel stage name
    /// </summary>
    public string FunnelStage { get; set; }

    /// <summary>
    /// Gets or sets the times of messages sent per channel as JSON, for frequency caps
    /// </summary>
    public string MessagesSentJson { get; set; }

    /// <summary>
    /// Gets or sets the consent snapshot per store (marketing e-mail, unsubscribed flows) as JSON
    /// </summary>
    public string ConsentJson { get; set; }

    /// <summary>
    /// Gets or sets the idempotency keys of the latest changes that must not be applied twice (score changes), as a
    /// JSON array. Written in the same update as the change, so after a crash the key tells whether it was applied.
    /// </summary>
    public string AppliedChangesJson { get; set; }

    /// <summary>
    /// Gets or sets the date and time of the last change
    /// </summary>
    public DateTime UpdatedOnUtc { get; set; }
}
