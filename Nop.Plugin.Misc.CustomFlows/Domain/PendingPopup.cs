using Nop.Core;

namespace Nop.Plugin.Misc.CustomFlows.Domain;

/// <summary>
/// A pop-up waiting for the customer's next page view, and what the customer did with it
/// </summary>
public partial class PendingPopup : BaseEntity
{
    /// <summary>
    /// Gets or sets the customer identifier
    /// </summary>
    public int CustomerId { get; set; }

    /// <summary>
    /// Gets or sets the store the pop-up shows in
    /// </summary>
    public int StoreId { get; set; }

    /// <summary>
    /// Gets or sets the identifier of the run that sent it
    /// </summary>
    public int FlowRunId { get; set; }

    /// <summary>
    /// Gets or sets the identifier of the action node that sent it
    /// </summary>
    public string NodeId { get; set; }

    /// <summary>
    /// Gets or sets the content (title, body, buttons, coupon) as JSON
    /// </summary>
    public string ContentJson { get; set; }

    /// <summary>
    /// Gets or sets the display rules (pages, delay, frequency) as JSON
    /// </summary>
    public string DisplayRulesJson { get; set; }

    /// <summary>
    /// Gets or sets the date and time the pop-up was created
    /// </summary>
    public DateTime CreatedOnUtc { get; set; }

    /// <summary>
    /// Gets or sets when the pop-up stops being offered; null for no expiry
    /// </summary>
    public DateTime? ExpiresOnUtc { get; set; }

    /// <summary>
    /// Gets or sets when the customer first saw it
    /// </summary>
    public DateTime? ShownOnUtc { get; set; }

    /// <summary>
    /// Gets or sets on how many page views the customer has seen it
    /// </summary>
    public int ShowCount { get; set; }

    /// <summary>
    /// Gets or sets when the customer saw it last
    /// </summary>
    public DateTime? LastShownOnUtc { get; set; }

    /// <summary>
    /// Gets or sets when the customer clicked it
    /// </summary>
    public DateTime? ClickedOnUtc { get; set; }

    /// <summary>
    /// Gets or sets when the customer dismissed it
    /// </summary>
    public DateTime? DismissedOnUtc { get; set; }
}
