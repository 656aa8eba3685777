using Microsoft.AspNetCore.Mvc.Rendering;

namespace Nop.Web.Framework.Models;

public partial interface IAclSupportedModel
{
    IList<int> SelectedCustomerRoleIds { get; set; }

    IList<SelectListItem> AvailableCustomerRoles { get; set; }
}
