namespace Nop.Plugin.Misc.CustomFlows;

/// <summary>
/// Constants of the plugin: system name, routes, locale prefix, permissions.
/// </summary>
public static class CustomFlowsDefaults
{
    /// <summary>
    /// The plugin system name
    /// </summary>
    public static string SystemName => "Misc.CustomFlows";
}
