using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Misc.CustomFlows.Areas.Admin.Models.Runs;

/// <summary>
/// The run inspector's search page: the e-mail searched for and, once searched, that customer's runs
/// </summary>
public partial record CustomerRunsModel : BaseNopModel
{
    /// <summary>
    /// The customer's e-mail address
    /// </summary>
    [NopResourceDisplayName("Plugins.Misc.CustomFlows.Runs.Search.Email")]
    public string Email { get; set; }

    /// <summary>
    /// Whether an address was searched for (the page first opens without one)
    /// </summary>
    public bool Searched { get; set; }

    /// <summary>
    /// The customer found; null when nobody has the address
    /// </summary>
    public int? CustomerId { get; set; }

    /// <summary>
    /// The customer's runs, newest first
    /// </summary>
    public IList<CustomerRunModel> Runs { get; set; } = new List<CustomerRunModel>();

    /// <summary>
    /// Whether the list stops at the most runs listed, so older runs are left out
    /// </summary>
    public bool MoreRunsExist { get; set; }
}
