using Nop.Core.Configuration;

namespace Nop.Plugin.Misc.CustomFlows;

/// <summary>
/// Global switches of the plugin, stored with nopCommerce's settings.
/// </summary>
public class CustomFlowsSettings : ISettings
{
    /// <summary>
    /// Gets or sets a value indicating whether flows react to shop events at all. When off,
    /// event handlers return at once and nothing is recorded.
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether every flow is paused: events are still recorded,
    /// but no run advances and no message is sent until the switch is turned off again.
    /// </summary>
    public bool PauseAll { get; set; }
}
