using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Misc.CustomFlows.Areas.Admin.Controllers;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Plugin;

/// <summary>
/// Every action of the plugin's admin controllers checks a permission, and every POST is covered by antiforgery,
/// read off the controllers by reflection so a new action cannot forget either
/// </summary>
[TestFixture]
public class AdminActionGuardTests
{
    private static IEnumerable<Type> AdminControllers => typeof(CustomFlowController).Assembly.GetTypes()
        .Where(type => typeof(BasePluginController).IsAssignableFrom(type) && !type.IsAbstract
            && type.GetCustomAttribute<AreaAttribute>()?.RouteValue == Nop.Web.Framework.AreaNames.ADMIN);

    private static IEnumerable<MethodInfo> Actions(Type controller) => controller
        .GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly)
        .Where(method => !method.IsSpecialName && method.GetCustomAttribute<NonActionAttribute>() == null);

    [Test]
    public void The_flow_pages_builder_endpoints_and_configure_page_are_admin_controllers()
    {
        Assert.That(AdminControllers, Is.SupersetOf(new[] { typeof(CustomFlowController), typeof(CustomFlowBuilderController), typeof(CustomFlowsController) }));
    }

    [Test]
    public void Every_admin_action_checks_a_permission()
    {
        var unguarded = AdminControllers.SelectMany(controller => Actions(controller)
                .Where(action => action.GetCustomAttribute<CheckPermissionAttribute>() == null)
                .Select(action => $"{controller.Name}.{action.Name}"))
            .ToList();

        Assert.That(unguarded, Is.Empty);
    }

    [Test]
    public void Every_admin_post_is_covered_by_antiforgery()
    {
        var unprotected = AdminControllers.SelectMany(controller => Actions(controller)
                .Where(action => action.GetCustomAttribute<HttpPostAttribute>() != null)
                .Where(action => action.GetCustomAttribute<IgnoreAntiforgeryTokenAttribute>() != null
                    || (controller.GetCustomAttribute<AutoValidateAntiforgeryTokenAttribute>() == null
                        && action.GetCustomAttribute<ValidateAntiForgeryTokenAttribute>() == null))
                .Select(action => $"{controller.Name}.{action.Name}"))
            .ToList();

        Assert.That(unprotected, Is.Empty);
    }

    [Test]
    public void The_numbers_of_a_flow_need_the_view_reports_permission_and_editing_needs_manage_flows()
    {
        static string PermissionOf(Type controller, string action) =>
            controller.GetMethods().First(method => method.Name == action).GetCustomAttribute<CheckPermissionAttribute>()!.PermissionSystemName.Single();

        Assert.That(PermissionOf(typeof(CustomFlowBuilderController), nameof(CustomFlowBuilderController.Stats)), Is.EqualTo(CustomFlowsDefaults.Permissions.VIEW_REPORTS));
        Assert.That(PermissionOf(typeof(CustomFlowBuilderController), nameof(CustomFlowBuilderController.SaveDraft)), Is.EqualTo(CustomFlowsDefaults.Permissions.MANAGE_FLOWS));
        Assert.That(PermissionOf(typeof(CustomFlowController), nameof(CustomFlowController.Publish)), Is.EqualTo(CustomFlowsDefaults.Permissions.MANAGE_FLOWS));
    }
}
