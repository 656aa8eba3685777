using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Nop.Core.Configuration;
using Nop.Core.Domain.Cms;
using Nop.Data;
using Nop.Plugin.Misc.CustomFlows.Infrastructure;
using Nop.Plugin.Misc.CustomFlows.Tests.Support;
using Nop.Services.Events;
using Nop.Services.Plugins;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Infrastructure;

/// <summary>
/// Builds the service collection the way nopCommerce does (the plugin's NopStartup, repositories,
/// settings, and a mock for every nopCommerce service a constructor asks for) and resolves every
/// consumer, controller, view component, job and service of the plugin, so a missing registration
/// fails here instead of in a shop.
/// </summary>
[TestFixture]
public class WiringTests
{
    private static readonly Assembly PluginAssembly = typeof(CustomFlowsPlugin).Assembly;

    private static bool IsNopType(Type type) =>
        type.Assembly != PluginAssembly && (type.Assembly.GetName().Name?.StartsWith("Nop.") ?? false);

    /// <summary>
    /// Types nopCommerce or ASP.NET Core create themselves with constructor injection
    /// </summary>
    private static IEnumerable<Type> ActivatedByTheShop() => PluginAssembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false, IsVisible: true } && !t.IsGenericTypeDefinition)
        .Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>))
            || typeof(Controller).IsAssignableFrom(t)
            || typeof(ViewComponent).IsAssignableFrom(t)
            || typeof(IPlugin).IsAssignableFrom(t)
            || t.GetInterfaces().Any(i => i.FullName == "Quartz.IJob"));

    private static ServiceProvider BuildProvider(out IServiceCollection services)
    {
        services = new ServiceCollection();
        new NopStartup().ConfigureServices(services, new ConfigurationBuilder().Build());
        var pluginRegistrations = services.ToList();

        //what nopCommerce itself provides
        services.AddScoped(typeof(IRepository<>), typeof(InMemoryRepository<>));
        services.AddLogging();
        //ASP.NET Core's, which nopCommerce's MVC set-up adds
        services.AddAntiforgery();

        //every plugin class may be created by the container, directly or as a dependency
        var wanted = PluginAssembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && !t.IsGenericTypeDefinition);
        foreach (var nopService in NopServicesAskedFor(wanted))
            services.AddSingleton(nopService, ((Mock)Activator.CreateInstance(typeof(Mock<>).MakeGenericType(nopService))!).Object);

        //nopCommerce registers every settings class, loaded from its settings table
        foreach (var settingsType in SettingsAskedFor(wanted))
            services.AddSingleton(settingsType, Activator.CreateInstance(settingsType)!);

        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    private static IEnumerable<Type> SettingsAskedFor(IEnumerable<Type> types) => types
        .SelectMany(t => t.GetConstructors().SelectMany(c => c.GetParameters()))
        .Select(p => p.ParameterType)
        .Where(t => typeof(ISettings).IsAssignableFrom(t) && t.IsClass)
        .Append(typeof(CustomFlowsSettings))
        .Distinct();

    private static IEnumerable<Type> NopServicesAskedFor(IEnumerable<Type> roots)
    {
        var found = new HashSet<Type>();
        foreach (var type in roots.Distinct())
        {
            foreach (var parameter in type.GetConstructors().SelectMany(c => c.GetParameters()))
            {
                var parameterType = parameter.ParameterType;
                if (IsNopType(parameterType) && parameterType.IsInterface && !parameterType.IsGenericType
                    && !typeof(ISettings).IsAssignableFrom(parameterType))
                    found.Add(parameterType);
            }
        }

        return found;
    }

    [Test]
    public async Task Every_consumer_controller_view_component_job_and_the_plugin_can_be_created()
    {
        //the host disposes asynchronously, like ASP.NET Core does
        await using var provider = BuildProvider(out _);
        await using var scope = provider.CreateAsyncScope();

        var types = ActivatedByTheShop().ToList();
        Assert.That(types, Is.Not.Empty);

        var failures = new List<string>();
        foreach (var type in types)
        {
            try
            {
                ActivatorUtilities.CreateInstance(scope.ServiceProvider, type);
            }
            catch (Exception exception)
            {
                failures.Add($"{type.FullName}: {exception.Message}");
            }
        }

        Assert.That(failures, Is.Empty);
        TestContext.Out.WriteLine($"created {types.Count} types the shop activates: {string.Join(", ", types.Select(t => t.Name))}");
    }

    [Test]
    public async Task Every_service_the_plugin_registers_resolves()
    {
        await using var provider = BuildProvider(out var services);
        await using var scope = provider.CreateAsyncScope();

        var registered = services
            .Where(d => d.ServiceType.Assembly == PluginAssembly || d.ImplementationType?.Assembly == PluginAssembly)
            .Select(d => d.ServiceType)
            .Where(t => !t.IsGenericTypeDefinition)
            .Distinct()
            .ToList();
        Assert.That(registered, Is.Not.Empty);

        var failures = new List<string>();
        foreach (var serviceType in registered)
        {
            try
            {
                scope.ServiceProvider.GetRequiredService(serviceType);
            }
            catch (Exception exception)
            {
                failures.Add($"{serviceType.FullName}: {exception.Message}");
            }
        }

        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void Every_plugin_interface_a_constructor_asks_for_is_registered()
    {
        var services = new ServiceCollection();
        new NopStartup().ConfigureServices(services, new ConfigurationBuilder().Build());
        var registered = services.Select(d => d.ServiceType).ToHashSet();

        var missing = ActivatedByTheShop()
            .Concat(services.Select(d => d.ImplementationType).Where(t => t != null && t.Assembly == PluginAssembly))
            .SelectMany(t => t.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => (Owner: t, p.ParameterType)))
            .Where(x => x.ParameterType.Assembly == PluginAssembly && x.ParameterType.IsInterface && !registered.Contains(x.ParameterType))
            .Select(x => $"{x.Owner.Name} needs {x.ParameterType.Name}")
            .Distinct()
            .ToList();

        Assert.That(missing, Is.Empty);
    }
}
