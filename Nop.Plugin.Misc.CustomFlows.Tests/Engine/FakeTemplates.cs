using Nop.Plugin.Misc.CustomFlows.Engine.Ports;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Engine;

/// <summary>
/// A template lookup that knows the templates it is given.
/// </summary>
internal sealed class FakeTemplates : ITemplateLookup
{
    private readonly HashSet<(TemplateKind, string)> _known;

    public FakeTemplates(params (TemplateKind Kind, string Name)[] known) => _known = known.ToHashSet();

    /// <summary>The templates the sample flows use.</summary>
    public static FakeTemplates ForSamples() => new((TemplateKind.Email, "CustomFlows.CartReminder"), (TemplateKind.Email, "CustomFlows.Thanks"), (TemplateKind.Popup, "CustomFlows.Popup"));

    public bool Exists(TemplateKind kind, string name) => _known.Contains((kind, name));
}
