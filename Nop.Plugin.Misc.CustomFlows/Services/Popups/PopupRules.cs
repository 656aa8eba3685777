using System.Text.Json;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;
using Nop.Plugin.Misc.CustomFlows.Engine.Serialization;

namespace Nop.Plugin.Misc.CustomFlows.Services.Popups;

/// <summary>
/// Stores a pop-up's display rules with the pending pop-up, in the flow definition's own JSON form
/// </summary>
public static class PopupRules
{
    /// <summary>
    /// Writes the rules as stored
    /// </summary>
    /// <param name="display">The step's rules; null for the defaults</param>
    public static string ToJson(PopupDisplay display) => JsonSerializer.Serialize(display ?? new PopupDisplay(), FlowJson.Options);

    /// <summary>
    /// Reads stored rules; missing or damaged ones count as the defaults, so a pop-up is never lost to its rules
    /// </summary>
    /// <param name="json">Stored JSON</param>
    public static PopupDisplay FromJson(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
            return new PopupDisplay();

        try
        {
            return JsonSerializer.Deserialize<PopupDisplay>(json, FlowJson.Options) ?? new PopupDisplay();
        }
        catch (JsonException)
        {
            return new PopupDisplay();
        }
    }
}
