using Nop.Plugin.Misc.CustomFlows.Engine.Ports;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Templates;

/// <summary>
/// One message a template's flow sends, in English and Polish. The shop installs it as a message
/// template (e-mail) or pop-up template under <see cref="Reference"/>, the name the flow's
/// sendEmail / showPopup action gives.
/// </summary>
public sealed class TemplateMessage
{
    private TemplateMessage(TemplateKind kind, string reference, MessageText en, MessageText pl)
    {
        Kind = kind;
        Reference = reference;
        En = en;
        Pl = pl;
    }

    /// <summary>E-mail or pop-up.</summary>
    public TemplateKind Kind { get; }

    /// <summary>The template system name the flow's action refers to, e.g. "CustomFlows.AbandonedCart.Reminder".</summary>
    public string Reference { get; }

    /// <summary>English text.</summary>
    public MessageText En { get; }

    /// <summary>Polish text.</summary>
    public MessageText Pl { get; }

    /// <summary>
    /// The text in a language ("en" or "pl"); English for any other.
    /// </summary>
    public MessageText In(string languageCode) =>
        string.Equals(languageCode, "pl", StringComparison.OrdinalIgnoreCase) ? Pl : En;

    /// <summary>
    /// An e-mail: <see cref="MessageText.Title"/> is the subject.
    /// </summary>
    public static TemplateMessage Email(string reference, MessageText en, MessageText pl) => new(TemplateKind.Email, reference, en, pl);

    /// <summary>
    /// A pop-up: title, body and the button's caption.
    /// </summary>
    public static TemplateMessage Popup(string reference, MessageText en, MessageText pl) => new(TemplateKind.Popup, reference, en, pl);
}

/// <summary>
/// The text of a message in one language. Bodies may hold tokens (see <see cref="TemplateTokens"/>).
/// </summary>
/// <param name="Title">E-mail subject, or pop-up title.</param>
/// <param name="Body">E-mail body (HTML) or pop-up text.</param>
/// <param name="Button">Pop-up button caption; null for e-mails.</param>
public sealed record MessageText(string Title, string Body, string Button = null);
