using System.Reflection;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Nop.Core.Domain.Messages;
using Nop.Data;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;
using Nop.Plugin.Misc.CustomFlows.Infrastructure;
using Nop.Plugin.Misc.CustomFlows.Services.Actions;
using Nop.Plugin.Misc.CustomFlows.Tests.Support;
using Nop.Services.Catalog;
using Nop.Services.Configuration;
using Nop.Services.Customers;
using Nop.Services.Discounts;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Services.Orders;
using Nop.Services.Seo;
using Nop.Services.Stores;
using NopLogger = Nop.Services.Logging.ILogger;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Channels;

[TestFixture]
public class ChannelRegistrationTests
{
    private static ServiceProvider BuildShop()
    {
        var services = new ServiceCollection();
        //what nopCommerce itself provides
        services.AddSingleton(new CustomFlowsSettings());
        services.AddSingleton(new EmailAccountSettings());
        services.AddSingleton(typeof(IRepository<>), typeof(InMemoryRepository<>));
        foreach (var nopService in new[]
                 {
                     typeof(ICustomerService), typeof(IStoreService), typeof(INewsLetterSubscriptionService), typeof(IMessageTemplateService),
                     typeof(IEmailAccountService), typeof(IMessageTokenProvider), typeof(ITokenizer), typeof(IQueuedEmailService),
                     typeof(ILocalizationService), typeof(IShoppingCartService), typeof(IProductService), typeof(IUrlRecordService),
                     typeof(IOrderReportService), typeof(ICategoryService), typeof(IDiscountService), typeof(ISettingService), typeof(NopLogger)
                 })
            services.AddSingleton(nopService, ((Mock)Activator.CreateInstance(typeof(Mock<>).MakeGenericType(nopService))!).Object);

        new NopStartup().ConfigureServices(services, new ConfigurationBuilder().Build());
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    private static IEnumerable<FlowAction> EveryKindOfAction() =>
        typeof(FlowAction).GetCustomAttributes<JsonDerivedTypeAttribute>()
            .Select(attribute => (FlowAction)Activator.CreateInstance(attribute.DerivedType)!);

    [Test]
    public void The_executor_and_its_channels_resolve_from_the_plugins_registrations()
    {
        using var provider = BuildShop();
        using var scope = provider.CreateScope();

        Assert.That(scope.ServiceProvider.GetRequiredService<IFlowActionExecutor>(), Is.InstanceOf<FlowActionExecutor>());
        Assert.That(scope.ServiceProvider.GetServices<IFlowActionChannel>().Count(), Is.EqualTo(6));
    }

    [Test]
    public void Every_action_a_flow_can_hold_is_performed_by_exactly_one_channel()
    {
        using var provider = BuildShop();
        using var scope = provider.CreateScope();
        var channels = scope.ServiceProvider.GetServices<IFlowActionChannel>().ToList();

        foreach (var action in EveryKindOfAction())
        {
            var performers = channels.Where(channel => channel.GetLogChannel(action) != FlowChannel.None).ToList();
            Assert.That(performers, Has.Count.EqualTo(1), action.GetType().Name);
        }
    }
}
