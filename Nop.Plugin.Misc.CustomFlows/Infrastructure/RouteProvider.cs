using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Nop.Web.Framework;
using Nop.Web.Framework.Mvc.Routing;

namespace Nop.Plugin.Misc.CustomFlows.Infrastructure;

/// <summary>
/// Named routes of the plugin's admin pages
/// </summary>
public class RouteProvider : IRouteProvider
{
    /// <summary>
    /// Register routes
    /// </summary>
    /// <param name="endpointRouteBuilder">Route builder</param>
    public void RegisterRoutes(IEndpointRouteBuilder endpointRouteBuilder)
    {
        endpointRouteBuilder.MapControllerRoute(name: CustomFlowsDefaults.Routes.CONFIGURE,
            pattern: "Admin/CustomFlows/Configure",
            defaults: new { controller = "CustomFlows", action = "Configure", area = AreaNames.ADMIN });

        endpointRouteBuilder.MapControllerRoute(name: CustomFlowsDefaults.Routes.FLOW_LIST,
            pattern: "Admin/CustomFlow/List",
            defaults: new { controller = "CustomFlow", action = "List", area = AreaNames.ADMIN });

        //storefront addresses of flows' e-mails and pop-ups (no language prefix: they are links in e-mails)
        endpointRouteBuilder.MapControllerRoute(name: CustomFlowsDefaults.Routes.OPEN,
            pattern: "customflows/open",
            defaults: new { controller = "CustomFlowsTracking", action = "Open" });

        endpointRouteBuilder.MapControllerRoute(name: CustomFlowsDefaults.Routes.CLICK,
            pattern: "customflows/click",
            defaults: new { controller = "CustomFlowsTracking", action = "Click" });

        endpointRouteBuilder.MapControllerRoute(name: CustomFlowsDefaults.Routes.UNSUBSCRIBE,
            pattern: "customflows/unsubscribe",
            defaults: new { controller = "CustomFlowsTracking", action = "Unsubscribe" });

        endpointRouteBuilder.MapControllerRoute(name: CustomFlowsDefaults.Routes.POPUP_ANSWER,
            pattern: "customflows/popup/{popupId:int}/{answer}",
            defaults: new { controller = "CustomFlowsTracking", action = "PopupAnswer" });
    }

    /// <summary>
    /// Gets a priority of route provider
    /// </summary>
    public int Priority => 0;
}
