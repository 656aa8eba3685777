using Nop.Core.Domain.Customers;
using Nop.Services.Security;

namespace Nop.Plugin.Misc.CustomFlows.Infrastructure;

/// <summary>
/// Declares the plugin's permissions; nopCommerce inserts them with
/// <see cref="IPermissionService.InsertPermissionsAsync"/> and grants them to administrators.
/// </summary>
public class CustomFlowsPermissionConfigManager : IPermissionConfigManager
{
    /// <summary>
    /// Gets all permission configurations
    /// </summary>
    public IList<PermissionConfig> AllConfigs => new List<PermissionConfig>
    {
        new("Admin area. Custom flows. Manage flows", CustomFlowsDefaults.Permissions.MANAGE_FLOWS,
            CustomFlowsDefaults.Permissions.CATEGORY, NopCustomerDefaults.AdministratorsRoleName),
        new("Admin area. Custom flows. View reports", CustomFlowsDefaults.Permissions.VIEW_REPORTS,
            CustomFlowsDefaults.Permissions.CATEGORY, NopCustomerDefaults.AdministratorsRoleName),
    };
}
