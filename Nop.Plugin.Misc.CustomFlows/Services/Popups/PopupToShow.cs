namespace Nop.Plugin.Misc.CustomFlows.Services.Popups;

/// <summary>
/// A pop-up waiting for the customer's next page view
/// </summary>
/// <param name="Id">Pending pop-up identifier (reported back when shown, clicked or dismissed)</param>
/// <param name="Title">Heading</param>
/// <param name="BodyHtml">Body, already rendered with the customer's tokens</param>
/// <param name="ButtonText">Call-to-action text; empty for none</param>
/// <param name="ButtonUrl">Call-to-action target</param>
public record PopupToShow(int Id, string Title, string BodyHtml, string ButtonText, string ButtonUrl);
