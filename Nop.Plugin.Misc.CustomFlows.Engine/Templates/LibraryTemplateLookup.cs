using Nop.Plugin.Misc.CustomFlows.Engine.Ports;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Templates;

/// <summary>
/// Answers "does this message template exist?" from the templates' messages, so the CLI and tests
/// can validate template flows without a shop.
/// </summary>
public sealed class LibraryTemplateLookup : ITemplateLookup
{
    private readonly HashSet<(TemplateKind, string)> _known;

    /// <summary>
    /// A lookup over the messages of the templates.
    /// </summary>
    public LibraryTemplateLookup(IEnumerable<FlowTemplate> templates)
    {
        ArgumentNullException.ThrowIfNull(templates);
        _known = templates.SelectMany(t => t.Messages).Select(m => (m.Kind, m.Reference)).ToHashSet();
    }

    /// <inheritdoc />
    public bool Exists(TemplateKind kind, string name) => name != null && _known.Contains((kind, name));
}
