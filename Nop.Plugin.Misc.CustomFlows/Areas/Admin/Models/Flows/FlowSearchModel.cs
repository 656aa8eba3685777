using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Plugin.Misc.CustomFlows.Services.Inbox;
using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Misc.CustomFlows.Areas.Admin.Models.Flows;

/// <summary>
/// The flow list page: its search fields, and what the page says about the plugin's health
/// </summary>
public partial record FlowSearchModel : BaseSearchModel
{
    [NopResourceDisplayName("Plugins.Misc.CustomFlows.Flows.Search.Name")]
    public string SearchName { get; set; }

    [NopResourceDisplayName("Plugins.Misc.CustomFlows.Flows.Search.Status")]
    public int SearchStatusId { get; set; }

    [NopResourceDisplayName("Plugins.Misc.CustomFlows.Flows.Search.Trigger")]
    public string SearchTrigger { get; set; }

    public IList<SelectListItem> AvailableStatuses { get; set; } = new List<SelectListItem>();

    public IList<SelectListItem> AvailableTriggers { get; set; } = new List<SelectListItem>();

    /// <summary>
    /// Whether the plugin reacts to shop events at all
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// Whether every flow is paused globally
    /// </summary>
    public bool PauseAll { get; set; }

    /// <summary>
    /// The most recent events set aside after too many failed tries
    /// </summary>
    public IList<QuarantinedEvent> QuarantinedEvents { get; set; } = new List<QuarantinedEvent>();

    /// <summary>
    /// When each set-aside event (by inbox id) was set aside, in the admin's time zone
    /// </summary>
    public IDictionary<int, DateTime> QuarantinedOn { get; set; } = new Dictionary<int, DateTime>();

    /// <summary>
    /// How many events are set aside in all
    /// </summary>
    public int QuarantinedTotal { get; set; }
}
