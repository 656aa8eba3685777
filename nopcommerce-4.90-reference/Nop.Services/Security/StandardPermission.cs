namespace Nop.Services.Security;

public partial class StandardPermission
{
    public partial class Configuration
    {
        public const string MANAGE_PLUGINS = $"{nameof(Configuration)}.ManagePlugins";
    }

    public partial class Promotions
    {
        public const string CAMPAIGNS_VIEW = $"{nameof(Promotions)}.CampaignsView";
    }
}
