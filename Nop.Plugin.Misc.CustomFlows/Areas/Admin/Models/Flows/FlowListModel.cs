using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.CustomFlows.Areas.Admin.Models.Flows;

/// <summary>
/// One page of the flow list, as the DataTables grid reads it
/// </summary>
public partial record FlowListModel : BasePagedListModel<FlowModel>
{
}
