using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nop.Core.Infrastructure;
using Nop.Plugin.Misc.CustomFlows.Scheduling;
using Nop.Plugin.Misc.CustomFlows.Services.Dates;
using Nop.Plugin.Misc.CustomFlows.Services.Maintenance;
using Nop.Services.Configuration;
using Nop.Services.Helpers;
using Nop.Services.Messages;
using Nop.Plugin.Misc.CustomFlows.Services.Actions;
using Nop.Plugin.Misc.CustomFlows.Services.Attribution;
using Nop.Plugin.Misc.CustomFlows.Services.Channels;
using Nop.Plugin.Misc.CustomFlows.Services.Channels.Coupons;
using Nop.Plugin.Misc.CustomFlows.Services.Channels.CustomerData;
using Nop.Plugin.Misc.CustomFlows.Services.Channels.Email;
using Nop.Plugin.Misc.CustomFlows.Services.Channels.Links;
using Nop.Plugin.Misc.CustomFlows.Services.Channels.Popups;
using Nop.Plugin.Misc.CustomFlows.Services.Channels.StaffAlerts;
using Nop.Plugin.Misc.CustomFlows.Services.Channels.Webhooks;
using Nop.Plugin.Misc.CustomFlows.Engine.Ports;
using Nop.Plugin.Misc.CustomFlows.Services.Backtests;
using Nop.Plugin.Misc.CustomFlows.Services.Catalog;
using Nop.Plugin.Misc.CustomFlows.Services.Customers;
using Nop.Plugin.Misc.CustomFlows.Services.Facts;
using Nop.Plugin.Misc.CustomFlows.Services.Runs;
using Nop.Plugin.Misc.CustomFlows.Services.Tracking;
using Nop.Plugin.Misc.CustomFlows.Services.Flows;
using Nop.Plugin.Misc.CustomFlows.Areas.Admin.Factories;
using Nop.Plugin.Misc.CustomFlows.Services.Inbox;
using Nop.Plugin.Misc.CustomFlows.Services.Popups;
using Nop.Plugin.Misc.CustomFlows.Services.Privacy;
using Nop.Plugin.Misc.CustomFlows.Services.Reports;

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
        services.AddScoped<IFlowInboxMonitor, FlowInboxMonitor>();
        //the flow lifecycle: drafts, versions, publishing, migration of waiting runs
        services.AddScoped<MessageTemplateLookup>();
        services.AddScoped<IFlowLifecycleService, FlowLifecycleService>();
        services.AddScoped<IWaitingRunMigrationService, WaitingRunMigrationService>();
        services.AddScoped<IFlowModelFactory, FlowModelFactory>();
        services.AddScoped<IFlowRunModelFactory, FlowRunModelFactory>();
        services.AddScoped<FlowStepTrial>();
        services.AddScoped<IFlowReportService, FlowReportService>();
        services.AddScoped<IPopupService, PopupService>();
        services.AddScoped<ICustomerFlowProfileService, CustomerFlowProfileService>();
        services.AddScoped<IFlowEngagementService, FlowEngagementService>();
        //a deleted or erased customer's data goes with them
        services.AddScoped<ICustomerDataEraser, CustomerDataEraser>();
        //at most one inbox row per link or pop-up and kind a minute, for the whole application
        services.AddSingleton<EngagementThrottle>();

        //the scheduler: one per application, started and stopped with it; the jobs call these services
        services.AddScoped<IFlowHousekeeping, FlowHousekeeping>();
        services.AddScoped<ICustomerDateService, CustomerDateService>();
        services.AddScoped<IDateTriggeredFlowStarter, DateTriggeredFlowStarter>();
        services.AddSingleton(CreateSchedulerSettings);
        services.AddSingleton<FlowSchedulerHost>();
        services.AddHostedService(provider => provider.GetRequiredService<FlowSchedulerHost>());

        //the run pump: the engine's ports implemented with nopCommerce services and the plugin's tables
        services.AddScoped<ProductCategoryResolver>();
        services.AddScoped<IFlowCatalog, FlowCatalog>();
        services.AddScoped<FlowRunStore>();
        services.AddScoped<IFlowRunStore>(provider => provider.GetRequiredService<FlowRunStore>());
        services.AddScoped<NopCustomerFactsSource>();
        services.AddScoped<ICustomerFactsSource>(provider => provider.GetRequiredService<NopCustomerFactsSource>());
        //one writer at a time per customer state row in this application (the inbox and due-runs jobs run side by side)
        services.AddSingleton<CustomerStateGate>();
        services.AddScoped<CustomerStateRows>();
        services.AddScoped<CustomerConsentSnapshot>();
        //the inbox and due-runs jobs take turns with the runs they step
        services.AddSingleton<FlowRunGate>();
        services.AddScoped<IFlowEffectDispatcher, FlowEffectDispatcher>();
        services.AddScoped<FlowRunPump>();
        services.AddScoped<IFlowInboxProcessor, FlowInboxProcessor>();
        services.AddScoped<FlowOrderAttributor>();
        services.AddScoped<IDueFlowRunProcessor, DueFlowRunProcessor>();
        services.AddScoped<IFlowRunInspector, FlowRunInspector>();

        //the admin's backtest: the simulator over the shop's history, in the background
        services.AddScoped<FlowBacktestService>();
        services.AddSingleton<FlowBacktestRunner>();

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
        DecorateEmailSender(services);
        services.AddScoped<BoughtTogetherRecommendedProducts>();
        services.AddScoped<SameCategoryRecommendedProducts>();
        services.AddScoped<BestsellerRecommendedProducts>();
        services.AddScoped<IRecommendedProductsSource, CombinedRecommendedProducts>();
        services.AddScoped<ICustomFlowsUrlBuilder, CustomFlowsUrlBuilder>();
        services.AddSingleton(_ => new WebhookAddressPolicy());
        //no WithProxy() and no system proxy: the connection callback that checks every resolved address must make the
        //connection itself; only the admin's own webhook proxy is used, and then the checked address is sent to it
        services.AddHttpClient<WebhookClient>()
            .ConfigurePrimaryHttpMessageHandler(provider => WebhookClient.CreateHandler(provider.GetRequiredService<WebhookAddressPolicy>(),
                provider.GetRequiredService<CustomFlowsSettings>().WebhookProxyAddress));
    }

    /// <summary>
    /// Puts <see cref="ListUnsubscribeEmailSender"/> in front of the shop's e-mail sender (whichever is registered),
    /// so the plugin's marketing e-mails get their one-click unsubscribe headers; one registration replaces the other,
    /// so nopCommerce does not warn about an overridden service
    /// </summary>
    public static void DecorateEmailSender(IServiceCollection services)
    {
        var original = services.LastOrDefault(descriptor => descriptor.ServiceType == typeof(IEmailSender));
        if (original is null)
            return;

        services.Remove(original);
        services.Add(ServiceDescriptor.Describe(typeof(IEmailSender), provider =>
        {
            var inner = original.ImplementationInstance as IEmailSender
                ?? (IEmailSender)original.ImplementationFactory?.Invoke(provider)
                ?? (IEmailSender)ActivatorUtilities.CreateInstance(provider, original.ImplementationType!);

            return new ListUnsubscribeEmailSender(inner, provider.GetRequiredService<ISettingService>(), provider.GetRequiredService<TimeProvider>());
        }, original.Lifetime));
    }

    /// <summary>
    /// Maps the plugin's nopCommerce settings onto the scheduler's own settings object, read once at
    /// start-up (switching to a web farm needs an application restart, as the Configure page says)
    /// </summary>
    private static FlowSchedulerSettings CreateSchedulerSettings(IServiceProvider provider)
    {
        using var scope = provider.CreateScope();
        var settings = scope.ServiceProvider.GetRequiredService<ISettingService>()
            .LoadSettingAsync<CustomFlowsSettings>().GetAwaiter().GetResult() ?? new CustomFlowsSettings();
        var storeTimeZone = scope.ServiceProvider.GetRequiredService<IDateTimeHelper>().DefaultStoreTimeZone;

        return new FlowSchedulerSettings
        {
            UseClusteredStore = settings.UseClusteredScheduler,
            Database = settings.SchedulerDatabase,
            ConnectionString = settings.SchedulerConnectionString,
            DateTriggerHour = settings.DateTriggerHour,
            TimeZoneId = storeTimeZone?.Id
        };
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
