namespace Nop.Plugin.Misc.CustomFlows;

/// <summary>
/// Constants of the plugin: system name, routes, locale prefix, permissions, view paths.
/// </summary>
public static class CustomFlowsDefaults
{
    /// <summary>
    /// The plugin system name (also the folder name under Plugins/)
    /// </summary>
    public static string SystemName => "Misc.CustomFlows";

    /// <summary>
    /// Prefix of every locale resource the plugin owns
    /// </summary>
    public static string LocalePrefix => "Plugins.Misc.CustomFlows";

    /// <summary>
    /// Root of the plugin's files inside the shop (views, content)
    /// </summary>
    public static string PluginPath => "~/Plugins/Misc.CustomFlows";

    /// <summary>
    /// System name of the admin menu item the plugin adds
    /// </summary>
    public static string MenuSystemName => "Misc.CustomFlows.Flows";

    /// <summary>
    /// System name of the nopCommerce admin menu node the item goes under
    /// </summary>
    public static string PromotionsMenuSystemName => "Promotions";

    /// <summary>
    /// System name of the last built-in Promotions item; the plugin's item is placed after it
    /// </summary>
    public static string CampaignsMenuSystemName => "Campaigns";

    /// <summary>
    /// Route names
    /// </summary>
    public static class Routes
    {
        /// <summary>
        /// The Configure page (plugin list -> Configure)
        /// </summary>
        public const string CONFIGURE = "Plugin.Misc.CustomFlows.Configure";

        /// <summary>
        /// The list of flows
        /// </summary>
        public const string FLOW_LIST = "Plugin.Misc.CustomFlows.FlowList";

        /// <summary>
        /// The open pixel of flows' e-mails
        /// </summary>
        public const string OPEN = "Plugin.Misc.CustomFlows.Open";

        /// <summary>
        /// Tracked links of flows' e-mails
        /// </summary>
        public const string CLICK = "Plugin.Misc.CustomFlows.Click";

        /// <summary>
        /// The unsubscribe link of marketing e-mails
        /// </summary>
        public const string UNSUBSCRIBE = "Plugin.Misc.CustomFlows.Unsubscribe";

        /// <summary>
        /// Where the pop-up script reports a pop-up shown, clicked or dismissed
        /// </summary>
        public const string POPUP_ANSWER = "Plugin.Misc.CustomFlows.PopupAnswer";
    }

    /// <summary>
    /// Permission system names the plugin adds to the shop's access control list
    /// </summary>
    public static class Permissions
    {
        /// <summary>
        /// Create, edit, publish, pause and delete flows
        /// </summary>
        public const string MANAGE_FLOWS = "Misc.CustomFlows.ManageFlows";

        /// <summary>
        /// See flow statistics and reports
        /// </summary>
        public const string VIEW_REPORTS = "Misc.CustomFlows.ViewReports";

        /// <summary>
        /// Category the permissions are listed under on the ACL page
        /// </summary>
        public const string CATEGORY = "Promotions";
    }
}
