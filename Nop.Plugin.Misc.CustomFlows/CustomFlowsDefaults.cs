using Nop.Core.Caching;

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
    /// Key of the flow catalog in nopCommerce's static cache: every published version, the live one per flow and the
    /// paused flows. Removed when a flow is published, paused, resumed, archived or deleted; kept at most a minute,
    /// so a web farm without a shared cache sees another node's change within that time
    /// </summary>
    public static CacheKey FlowCatalogCacheKey => new("Nop.plugins.misc.customflows.catalog") { CacheTime = 1 };

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

    /// <summary>
    /// Activity log types of the flow lifecycle (System -> Activity log); installed with the plugin
    /// </summary>
    public static class ActivityLogTypes
    {
        /// <summary>
        /// A flow was created (blank, from a template, imported or duplicated)
        /// </summary>
        public const string FLOW_CREATED = "CustomFlows.FlowCreated";

        /// <summary>
        /// A flow version was published
        /// </summary>
        public const string FLOW_PUBLISHED = "CustomFlows.FlowPublished";

        /// <summary>
        /// A flow was paused, resumed or archived
        /// </summary>
        public const string FLOW_STATUS_CHANGED = "CustomFlows.FlowStatusChanged";

        /// <summary>
        /// A flow was deleted
        /// </summary>
        public const string FLOW_DELETED = "CustomFlows.FlowDeleted";

        /// <summary>
        /// Waiting customers were moved to a newer version
        /// </summary>
        public const string RUNS_MIGRATED = "CustomFlows.RunsMigrated";

        /// <summary>
        /// A run was ended by hand
        /// </summary>
        public const string RUN_ENDED = "CustomFlows.RunEnded";

        /// <summary>
        /// Every type with its English name, as installed
        /// </summary>
        public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>
        {
            [FLOW_CREATED] = "Custom flows. Flow created",
            [FLOW_PUBLISHED] = "Custom flows. Flow published",
            [FLOW_STATUS_CHANGED] = "Custom flows. Flow paused, resumed or archived",
            [FLOW_DELETED] = "Custom flows. Flow deleted",
            [RUNS_MIGRATED] = "Custom flows. Waiting customers moved to a new version",
            [RUN_ENDED] = "Custom flows. Run ended by an admin"
        };
    }

    /// <summary>
    /// Reasons a run ends outside the engine, in the flow dialect's words (kept in FlowRun.ExitReason)
    /// </summary>
    public static class EndReasons
    {
        /// <summary>
        /// An admin ended the run in the run inspector
        /// </summary>
        public const string BY_ADMIN = "endedByAdmin";

        /// <summary>
        /// The flow was deleted or archived with its open runs
        /// </summary>
        public const string FLOW_RETIRED = "flowRetired";

        /// <summary>
        /// The admin chose to end the runs waiting at a step that a new version no longer has
        /// </summary>
        public const string NOT_MIGRATED = "endedAtMigration";
    }
}
