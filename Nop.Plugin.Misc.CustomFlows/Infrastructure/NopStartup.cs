using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nop.Core.Infrastructure;
using Nop.Plugin.Misc.CustomFlows.Services.Customers;
using Nop.Plugin.Misc.CustomFlows.Services.Flows;
using Nop.Plugin.Misc.CustomFlows.Services.Inbox;
using Nop.Plugin.Misc.CustomFlows.Services.Popups;

namespace Nop.Plugin.Misc.CustomFlows.Infrastructure;

/// <summary>
/// Composition root of the plugin: every service, job and channel is registered here.
/// </summary>
public class NopStartup : INopStartup
{
    /// <summary>
    /// Add and configure any of the middleware
    /// </summary>
    /// <param name="services">Collection of service descriptors</param>
    /// <param name="configuration">Configuration of the application</param>
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        //the engine and the services take time from here, so tests can substitute a fake clock
        services.TryAddSingleton(TimeProvider.System);

        services.AddScoped<IFlowInboxWriter, FlowInboxWriter>();
        services.AddScoped<IFlowService, FlowService>();
        services.AddScoped<IPopupService, PopupService>();
        services.AddScoped<ICustomerFlowProfileService, CustomerFlowProfileService>();
    }

    /// <summary>
    /// Configure the using of added middleware
    /// </summary>
    /// <param name="application">Builder for configuring an application's request pipeline</param>
    public void Configure(IApplicationBuilder application)
    {
    }

    /// <summary>
    /// Gets order of this startup configuration implementation; after nopCommerce's own (which use up to 2000)
    /// </summary>
    public int Order => 3000;
}
