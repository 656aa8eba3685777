using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Misc.CustomFlows.Areas.Admin.Models.Flows;

/// <summary>
/// A new flow: blank with a trigger, or imported from a flow document
/// </summary>
public partial record FlowCreateModel : BaseNopModel
{
    [NopResourceDisplayName("Plugins.Misc.CustomFlows.Flows.Fields.Name")]
    public string Name { get; set; }

    /// <summary>
    /// The trigger event of a blank flow, in the dialect's words (order_placed ...)
    /// </summary>
    [NopResourceDisplayName("Plugins.Misc.CustomFlows.Flows.Fields.Trigger")]
    public string TriggerEvent { get; set; }

    /// <summary>
    /// A flow document to import instead of a blank flow
    /// </summary>
    [NopResourceDisplayName("Plugins.Misc.CustomFlows.Flows.Fields.ImportJson")]
    public string ImportJson { get; set; }

    public IList<SelectListItem> AvailableTriggers { get; set; } = new List<SelectListItem>();
}
