using Nop.Services.Events;
using Nop.Services.Localization;
using Nop.Web.Framework.Events;
using Nop.Web.Framework.Menu;

namespace Nop.Plugin.Misc.CustomFlows.Infrastructure;

/// <summary>
/// Adds "Custom flows" to the admin menu under Promotions, after Campaigns.
/// </summary>
public class AdminMenuEventConsumer : IConsumer<AdminMenuCreatedEvent>
{
    #region Fields

    private readonly ILocalizationService _localizationService;

    #endregion

    #region Ctor

    public AdminMenuEventConsumer(ILocalizationService localizationService)
    {
        _localizationService = localizationService;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Handle the admin menu created event
    /// </summary>
    /// <param name="eventMessage">Event message</param>
    public async Task HandleEventAsync(AdminMenuCreatedEvent eventMessage)
    {
        var root = eventMessage.RootMenuItem;
        if (root == null || FindBySystemName(root, CustomFlowsDefaults.MenuSystemName) != null)
            return;

        var item = new AdminMenuItem
        {
            SystemName = CustomFlowsDefaults.MenuSystemName,
            Title = await _localizationService.GetResourceAsync($"{CustomFlowsDefaults.LocalePrefix}.Menu.Flows"),
            PermissionNames = new List<string> { CustomFlowsDefaults.Permissions.MANAGE_FLOWS },
            Url = eventMessage.GetMenuItemUrl("CustomFlow", "List"),
            IconClass = "far fa-dot-circle",
            Visible = true
        };

        //the tree is walked here rather than with InsertAfter, so a shop whose menu was customized
        //(Campaigns renamed or removed) still gets the item under Promotions, or at the root
        var promotions = FindBySystemName(root, CustomFlowsDefaults.PromotionsMenuSystemName);
        var parent = promotions ?? root;
        parent.ChildNodes ??= new List<AdminMenuItem>();

        var campaigns = parent.ChildNodes
            .Select((node, index) => (node, index))
            .FirstOrDefault(pair => string.Equals(pair.node.SystemName, CustomFlowsDefaults.CampaignsMenuSystemName, StringComparison.OrdinalIgnoreCase));

        if (campaigns.node != null)
            parent.ChildNodes.Insert(campaigns.index + 1, item);
        else
            parent.ChildNodes.Add(item);
    }

    #endregion

    #region Utilities

    private static AdminMenuItem FindBySystemName(AdminMenuItem node, string systemName)
    {
        if (string.Equals(node.SystemName, systemName, StringComparison.OrdinalIgnoreCase))
            return node;

        foreach (var child in node.ChildNodes ?? Enumerable.Empty<AdminMenuItem>())
        {
            var found = FindBySystemName(child, systemName);
            if (found != null)
                return found;
        }

        return null;
    }

    #endregion
}
