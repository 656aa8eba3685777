using Nop.Core;

namespace Nop.Plugin.Misc.CustomFlows.Domain;

/// <summary>
/// Counters of one node of one flow version for one UTC day
/// </summary>
public partial class FlowNodeDailyStat : BaseEntity
{
    /// <summary>
    /// Gets or sets the flow identifier
    /// </summary>
    public int FlowId { get; set; }

    /// <summary>
    /// Gets or sets the flow version identifier
    /// </summary>
    public int FlowVersionId { get; set; }

    /// <summary>
    /// Gets or sets the node identifier
    /// </summary>
    public string NodeId { get; set; }

    /// <summary>
    /// Gets or sets midnight (UTC) of the day the counters belong to
    /// </summary>
    public DateTime DayOnUtc { get; set; }

    /// <summary>
    /// Gets or sets the channel identifier of an action node (see <see cref="FlowChannel"/>)
    /// </summary>
    public int ChannelId { get; set; }

    /// <summary>
    /// Gets or sets how many runs entered the node
    /// </summary>
    public int Entered { get; set; }

    /// <summary>
    /// Gets or sets how many runs took the "yes" branch of a filter
    /// </summary>
    public int PassedYes { get; set; }

    /// <summary>
    /// Gets or sets how many runs took the "no" branch of a filter
    /// </summary>
    public int PassedNo { get; set; }

    /// <summary>
    /// Gets or sets how many actions the node's channel accepted
    /// </summary>
    public int Sent { get; set; }

    /// <summary>
    /// Gets or sets how many runs met the flow's goal while at the node ("goal reached" in the reports)
    /// </summary>
    public int Converted { get; set; }

    /// <summary>
    /// Gets or sets the revenue plugin versions before 4.90.5 credited to the node when an order met a run's goal; no
    /// longer written: the reports read orders and revenue from <see cref="FlowAttribution"/>
    /// </summary>
    public decimal Revenue { get; set; }

    /// <summary>
    /// Gets or sets how many messages of the step were opened (e-mails) or shown (pop-ups) for the first time that day
    /// </summary>
    public int Opened { get; set; }

    /// <summary>
    /// Gets or sets how many messages of the step were clicked for the first time that day
    /// </summary>
    public int Clicked { get; set; }

    /// <summary>
    /// Gets or sets the channel
    /// </summary>
    public FlowChannel Channel
    {
        get => (FlowChannel)ChannelId;
        set => ChannelId = (int)value;
    }
}
