using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Conditions;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Conditions;

/// <summary>
/// How engagement is written into a run's state ("mail-1:clicked", "popup-1:popupClicked"):
/// short text keeps waiting runs small, and e-mail and pop-up clicks stay apart.
/// </summary>
public static class EngagementKey
{
    /// <summary>
    /// The key suffix of an e-mail engagement (opened or clicked), or null for engagements e-mails do not have.
    /// </summary>
    public static string EmailSuffix(Engagement engagement) => engagement switch
    {
        Engagement.Opened => ":opened",
        Engagement.Clicked => ":clicked",
        _ => null
    };

    /// <summary>
    /// The key suffix of a pop-up engagement (shown, clicked or dismissed), or null for engagements pop-ups do not have.
    /// </summary>
    public static string PopupSuffix(Engagement engagement) => engagement switch
    {
        Engagement.Shown => ":shown",
        Engagement.Clicked => ":popupClicked",
        Engagement.Dismissed => ":dismissed",
        _ => null
    };

    /// <summary>
    /// The key suffix an event records, or null for events that are not about a message.
    /// </summary>
    public static string FromEvent(FlowEventType type) => type switch
    {
        FlowEventType.EmailOpened => ":opened",
        FlowEventType.EmailClicked => ":clicked",
        FlowEventType.PopupShown => ":shown",
        FlowEventType.PopupClicked => ":popupClicked",
        FlowEventType.PopupDismissed => ":dismissed",
        _ => null
    };

    /// <summary>
    /// Whether the engagement list holds an entry with the suffix, for one step or (null step) any.
    /// </summary>
    public static bool Contains(List<string> engagements, string nodeId, string suffix)
    {
        if (suffix == null)
            return false;

        foreach (var entry in engagements)
        {
            if (entry.EndsWith(suffix, StringComparison.Ordinal)
                && (nodeId == null || entry.Length == nodeId.Length + suffix.Length && entry.StartsWith(nodeId, StringComparison.Ordinal)))
                return true;
        }

        return false;
    }
}
