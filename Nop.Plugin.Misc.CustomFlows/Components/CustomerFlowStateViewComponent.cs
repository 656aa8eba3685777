using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Misc.CustomFlows.Services.Customers;
using Nop.Web.Areas.Admin.Models.Customers;
using Nop.Web.Framework.Components;

namespace Nop.Plugin.Misc.CustomFlows.Components;

/// <summary>
/// Shows the customer's tags, score, funnel stage and active flows on the admin customer page
/// </summary>
public class CustomerFlowStateViewComponent : NopViewComponent
{
    #region Fields

    private readonly ICustomerFlowProfileService _profileService;

    #endregion

    #region Ctor

    public CustomerFlowStateViewComponent(ICustomerFlowProfileService profileService)
    {
        _profileService = profileService;
    }

    #endregion

    #region Methods

    public async Task<IViewComponentResult> InvokeAsync(string widgetZone, object additionalData)
    {
        //a new customer being created has no id yet, so there is nothing to show
        if (additionalData is not CustomerModel customer || customer.Id <= 0)
            return Content(string.Empty);

        var profile = await _profileService.GetProfileAsync(customer.Id);

        return View($"{CustomFlowsDefaults.PluginPath}/Areas/Admin/Views/CustomFlows/CustomerFlowState.cshtml", profile);
    }

    #endregion
}
