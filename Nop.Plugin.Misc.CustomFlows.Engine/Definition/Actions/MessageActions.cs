namespace Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;

/// <summary>
/// Sends an e-mail built from a shop message template.
/// </summary>
public sealed class SendEmailAction : FlowAction
{
    /// <summary>
    /// The message template's system name.
    /// </summary>
    public string Template { get; set; }

    /// <summary>
    /// Marketing e-mails respect budgets, quiet hours and consent; transactional ones (order thanks) do not.
    /// </summary>
    public EmailCategory Category { get; set; } = EmailCategory.Marketing;

    /// <inheritdoc />
    protected override ActionChannel GetChannel() => ActionChannel.Email;

    /// <inheritdoc />
    protected override bool IsMarketing() => Category == EmailCategory.Marketing;

}

/// <summary>
/// Kinds of e-mail.
/// </summary>
public enum EmailCategory
{
    /// <summary>Promotional; subject to budgets and quiet hours.</summary>
    Marketing,

    /// <summary>Expected by the customer because of something they did; sent at once.</summary>
    Transactional
}

/// <summary>
/// Shows a pop-up on the customer's next storefront page view.
/// </summary>
public sealed class ShowPopupAction : FlowAction
{
    /// <summary>
    /// The pop-up template's name.
    /// </summary>
    public string Template { get; set; }

    /// <summary>
    /// How long the pop-up stays pending before it is dropped unseen, as a duration; null keeps it until shown.
    /// </summary>
    public string ExpiresAfter { get; set; }

    /// <summary>
    /// Pages, moment and frequency; null shows it on load on every page except checkout, with the defaults of <see cref="PopupDisplay"/>.
    /// </summary>
    public PopupDisplay Display { get; set; }

    /// <inheritdoc />
    protected override ActionChannel GetChannel() => ActionChannel.Popup;

    /// <inheritdoc />
    protected override bool IsMarketing() => true;
}
