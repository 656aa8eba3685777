using Nop.Core.Domain.Messages;
using Nop.Plugin.Misc.CustomFlows.Services.Actions;

namespace Nop.Plugin.Misc.CustomFlows.Services.Channels;

/// <summary>
/// A message template rendered for one customer: subject and body with every token replaced
/// </summary>
public sealed record FlowMessage
{
    /// <summary>Why the message cannot be sent (template missing or switched off); null when it can</summary>
    public FlowActionResult Problem { get; init; }

    /// <summary>The template</summary>
    public MessageTemplate Template { get; init; }

    /// <summary>The account it is sent from (template's own, else the shop's default)</summary>
    public EmailAccount EmailAccount { get; init; }

    /// <summary>Language it is written in</summary>
    public int LanguageId { get; init; }

    /// <summary>Subject (e-mail) or title (pop-up), plain text</summary>
    public string Subject { get; init; }

    /// <summary>Body HTML</summary>
    public string Body { get; init; }

    /// <summary>Value of %CustomFlows.UnsubscribeUrl%, which link tracking must leave alone</summary>
    public string UnsubscribeUrl { get; init; }
}
