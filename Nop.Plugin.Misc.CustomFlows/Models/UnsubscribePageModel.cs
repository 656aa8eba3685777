namespace Nop.Plugin.Misc.CustomFlows.Models;

/// <summary>
/// The storefront unsubscribe page: the question with its form, the answer, or why the link does not work
/// </summary>
/// <param name="Token">The link's token, posted back by the form; null when there is nothing to confirm</param>
/// <param name="MaskedEmail">The address, partly hidden; null when the link is not valid</param>
/// <param name="Done">Whether the address was just unsubscribed</param>
public sealed record UnsubscribePageModel(string Token, string MaskedEmail, bool Done);
