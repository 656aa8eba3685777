using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nop.Core.Infrastructure;
using Nop.Plugin.Misc.CustomFlows.Services.Actions;
using Nop.Plugin.Misc.CustomFlows.Services.Channels;
using Nop.Plugin.Misc.CustomFlows.Services.Channels.Coupons;
using Nop.Plugin.Misc.CustomFlows.Services.Channels.CustomerData;
using Nop.Plugin.Misc.CustomFlows.Services.Channels.Email;
using Nop.Plugin.Misc.CustomFlows.Services.Channels.Links;
using Nop.Plugin.Misc.CustomFlows.Services.Channels.Popups;
using Nop.Plugin.Misc.CustomFlows.Services.Channels.StaffAlerts;
using Nop.Plugin.Misc.CustomFlows.Services.Channels.Webhooks;
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

        //actions of flows, each performed once through its channel
        services.AddScoped<IFlowActionExecutor, FlowActionExecutor>();
        services.AddScoped<IFlowActionChannel, FlowEmailChannel>();
        services.AddScoped<IFlowActionChannel, PopupChannel>();
        services.AddScoped<IFlowActionChannel, WebhookChannel>();
        services.AddScoped<IFlowActionChannel, StaffAlertChannel>();
        services.AddScoped<IFlowActionChannel, CustomerDataChannel>();
        services.AddScoped<IFlowActionChannel, PersonalCouponChannel>();
        services.AddScoped<FlowMessageRenderer>();
        services.AddScoped<FlowEmailTokenProvider>();
        services.AddScoped<FlowEmailLinkTracker>();
        services.AddScoped<FlowEmailQueue>();
        services.AddScoped<BoughtTogetherRecommendedProducts>();
        services.AddScoped<SameCategoryRecommendedProducts>();
        services.AddScoped<BestsellerRecommendedProducts>();
        services.AddScoped<IRecommendedProductsSource, CombinedRecommendedProducts>();
        services.AddScoped<ICustomFlowsUrlBuilder, CustomFlowsUrlBuilder>();
        services.AddSingleton(_ => new WebhookAddressPolicy());
        //no WithProxy(): the connection callback that checks every resolved address must make the connection itself
        services.AddHttpClient<WebhookClient>()
            .ConfigurePrimaryHttpMessageHandler(provider => WebhookClient.CreateHandler(provider.GetRequiredService<WebhookAddressPolicy>()));
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
