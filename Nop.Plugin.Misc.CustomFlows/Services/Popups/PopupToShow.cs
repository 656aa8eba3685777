using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;

namespace Nop.Plugin.Misc.CustomFlows.Services.Popups;

/// <summary>
/// A pop-up waiting for the customer's next page view
/// </summary>
/// <param name="Id">Pending pop-up identifier (reported back when shown, clicked or dismissed)</param>
/// <param name="Title">Heading</param>
/// <param name="BodyHtml">Body, already rendered with the customer's tokens</param>
/// <param name="ButtonText">Call-to-action text; empty for none</param>
/// <param name="ButtonUrl">Call-to-action target</param>
/// <param name="Show">The moment on the page it appears</param>
/// <param name="DelaySeconds">Seconds before it appears, for <see cref="PopupMoment.AfterDelay"/></param>
/// <param name="ScrollPercent">Scroll depth before it appears, for <see cref="PopupMoment.OnScroll"/></param>
public record PopupToShow(int Id, string Title, string BodyHtml, string ButtonText, string ButtonUrl,
    PopupMoment Show = PopupMoment.OnLoad, int DelaySeconds = 0, int ScrollPercent = 0)
{
    /// <summary>
    /// Gets the token the script sends with its answers (see <see cref="Channels.Links.ICustomFlowsUrlBuilder.CreatePopupAnswerTokenAsync"/>)
    /// </summary>
    public string AnswerToken { get; init; }

    /// <summary>
    /// Gets the moment as the storefront script reads it
    /// </summary>
    public string ShowName => Show switch
    {
        PopupMoment.AfterDelay => "delay",
        PopupMoment.OnScroll => "scroll",
        PopupMoment.OnExitIntent => "exit",
        _ => "load"
    };
}
