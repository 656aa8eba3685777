using Nop.Plugin.Misc.CustomFlows.Services.Flows;
using Nop.Plugin.Misc.CustomFlows.Services.Inbox;
using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.CustomFlows.Areas.Admin.Models;

/// <summary>
/// The admin list of flows
/// </summary>
public record FlowListModel : BaseNopModel
{
    /// <summary>
    /// The flows, highest priority first
    /// </summary>
    public IList<FlowSummary> Flows { get; init; } = new List<FlowSummary>();

    /// <summary>
    /// Last change of each flow (by flow id) in the admin's time zone
    /// </summary>
    public IDictionary<int, DateTime> UpdatedOn { get; init; } = new Dictionary<int, DateTime>();

    /// <summary>
    /// Whether the plugin reacts to shop events at all
    /// </summary>
    public bool Enabled { get; init; }

    /// <summary>
    /// Whether every flow is paused globally
    /// </summary>
    public bool PauseAll { get; init; }

    /// <summary>
    /// The most recent events set aside after too many failed tries
    /// </summary>
    public IList<QuarantinedEvent> QuarantinedEvents { get; init; } = new List<QuarantinedEvent>();

    /// <summary>
    /// When each set-aside event (by inbox id) was set aside, in the admin's time zone
    /// </summary>
    public IDictionary<int, DateTime> QuarantinedOn { get; init; } = new Dictionary<int, DateTime>();

    /// <summary>
    /// How many events are set aside in all
    /// </summary>
    public int QuarantinedTotal { get; init; }
}
