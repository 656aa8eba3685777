using Moq;
using Nop.Plugin.Misc.CustomFlows.Infrastructure;
using Nop.Services.Localization;
using Nop.Web.Framework.Events;
using Nop.Web.Framework.Menu;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Plugin;

[TestFixture]
public class AdminMenuEventConsumerTests
{
    private static AdminMenuItem Node(string systemName, params AdminMenuItem[] children) =>
        new() { SystemName = systemName, Title = systemName, ChildNodes = children.ToList() };

    private static async Task<AdminMenuItem> HandleAsync(AdminMenuItem root)
    {
        var localization = new Mock<ILocalizationService>();
        localization.Setup(l => l.GetResourceAsync("Plugins.Misc.CustomFlows.Menu.Flows")).ReturnsAsync("Custom flows");
        var adminMenu = new Mock<IAdminMenu>();
        adminMenu.Setup(m => m.GetMenuItemUrl(It.IsAny<string>(), It.IsAny<string>()))
            .Returns<string, string>((controller, action) => $"/Admin/{controller}/{action}");

        await new AdminMenuEventConsumer(localization.Object).HandleEventAsync(new AdminMenuCreatedEvent(adminMenu.Object, root));

        return root;
    }

    [Test]
    public async Task Flows_item_goes_under_promotions_right_after_campaigns()
    {
        var root = await HandleAsync(Node("Root", Node("Catalog"),
            Node("Promotions", Node("Discounts"), Node("Affiliates"), Node("Campaigns"), Node("Reminders"))));

        var promotions = root.ChildNodes[1];
        Assert.That(promotions.ChildNodes.Select(n => n.SystemName),
            Is.EqualTo(new[] { "Discounts", "Affiliates", "Campaigns", CustomFlowsDefaults.MenuSystemName, "Reminders" }));
    }

    [Test]
    public async Task Flows_item_leads_to_the_flow_list_with_a_localized_title_and_the_manage_permission()
    {
        var root = await HandleAsync(Node("Root", Node("Promotions", Node("Campaigns"))));

        var item = root.ChildNodes[0].ChildNodes[1];
        Assert.That(item.Title, Is.EqualTo("Custom flows"));
        Assert.That(item.Url, Is.EqualTo("/Admin/CustomFlow/List"));
        Assert.That(item.PermissionNames, Is.EqualTo(new[] { CustomFlowsDefaults.Permissions.MANAGE_FLOWS }));
        Assert.That(item.Visible, Is.True);
    }

    [Test]
    public async Task Without_campaigns_the_item_is_appended_to_promotions()
    {
        var root = await HandleAsync(Node("Root", Node("Promotions", Node("Discounts"))));

        Assert.That(root.ChildNodes[0].ChildNodes.Select(n => n.SystemName),
            Is.EqualTo(new[] { "Discounts", CustomFlowsDefaults.MenuSystemName }));
    }

    [Test]
    public async Task Without_promotions_the_item_is_appended_to_the_root()
    {
        var root = await HandleAsync(Node("Root", Node("Catalog")));

        Assert.That(root.ChildNodes.Select(n => n.SystemName), Is.EqualTo(new[] { "Catalog", CustomFlowsDefaults.MenuSystemName }));
    }

    [Test]
    public async Task A_second_menu_event_does_not_add_the_item_twice()
    {
        var root = await HandleAsync(Node("Root", Node("Promotions", Node("Campaigns"))));

        await HandleAsync(root);

        Assert.That(root.ChildNodes[0].ChildNodes.Count(n => n.SystemName == CustomFlowsDefaults.MenuSystemName), Is.EqualTo(1));
    }
}
