namespace Nop.Plugin.Misc.CustomFlows.Engine.Definition;

/// <summary>
/// "At most <see cref="Max"/> messages per <see cref="Period"/>", a sliding window.
/// </summary>
public sealed class MessageLimit
{
    /// <summary>
    /// Most messages allowed within the window.
    /// </summary>
    public int Max { get; set; }

    /// <summary>
    /// Length of the sliding window, as a duration ("24h", "7d").
    /// </summary>
    public string Period { get; set; }
}
