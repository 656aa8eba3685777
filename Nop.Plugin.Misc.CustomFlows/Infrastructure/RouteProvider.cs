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
            pattern: "Admin/CustomFlows/List",
            defaults: new { controller = "CustomFlows", action = "List", area = AreaNames.ADMIN });
    }

    /// <summary>
    /// Gets a priority of route provider
    /// </summary>
    public int Priority => 0;
}
