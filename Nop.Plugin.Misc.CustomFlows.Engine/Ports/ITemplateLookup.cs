namespace Nop.Plugin.Misc.CustomFlows.Engine.Ports;

/// <summary>
/// Tells validation whether a message template exists; the shop answers from its message
/// templates, the CLI from the template library. Synchronous so validation stays a pure function.
/// </summary>
public interface ITemplateLookup
{
    /// <summary>
    /// Whether a template of the kind exists.
    /// </summary>
    /// <param name="kind">E-mail or pop-up.</param>
    /// <param name="name">The template's system name.</param>
    bool Exists(TemplateKind kind, string name);
}

/// <summary>
/// Kinds of message template.
/// </summary>
public enum TemplateKind
{
    /// <summary>An e-mail message template.</summary>
    Email,

    /// <summary>A storefront pop-up template.</summary>
    Popup
}
