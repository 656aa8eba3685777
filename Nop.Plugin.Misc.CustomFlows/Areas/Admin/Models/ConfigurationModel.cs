using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Misc.CustomFlows.Areas.Admin.Models;

/// <summary>
/// The plugin's Configure page
/// </summary>
public record ConfigurationModel : BaseNopModel
{
    /// <summary>
    /// Whether flows react to shop events
    /// </summary>
    [NopResourceDisplayName("Plugins.Misc.CustomFlows.Fields.Enabled")]
    public bool Enabled { get; set; }

    /// <summary>
    /// Whether every flow is paused
    /// </summary>
    [NopResourceDisplayName("Plugins.Misc.CustomFlows.Fields.PauseAll")]
    public bool PauseAll { get; set; }
}
