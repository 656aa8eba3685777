using Nop.Plugin.Misc.CustomFlows.Engine.Definition;

namespace Nop.Plugin.Misc.CustomFlows.Cli;

/// <summary>
/// A flow template as the CLI lists, exports and demonstrates it.
/// </summary>
/// <param name="Name">Short name used on the command line ("abandoned-cart-basic").</param>
/// <param name="Description">What it does.</param>
/// <param name="Goal">What counts as success.</param>
/// <param name="Definition">The flow.</param>
public sealed record ShelfTemplate(string Name, string Description, string Goal, FlowDefinition Definition);

/// <summary>
/// The CLI's one window onto the template library (Engine/Templates). Everything else in the CLI asks
/// this class, so hooking the library up is the one line in <see cref="Library"/>.
/// </summary>
public static class TemplateShelf
{
    /// <summary>
    /// The template library's templates (English descriptions)
    /// </summary>
    public static Func<IReadOnlyList<ShelfTemplate>> Library { get; set; } = () => Engine.Templates.FlowTemplateLibrary.All
        .Select(t => new ShelfTemplate(t.Name, t.Description.En, t.Goal.En, t.CreateDefinition()))
        .ToList();

    /// <summary>
    /// Sample flows bundled with the CLI (samples/*.json), run by <c>demo</c> when the library is empty.
    /// </summary>
    public static IReadOnlyList<ShelfTemplate> Samples()
    {
        var assembly = typeof(TemplateShelf).Assembly;
        var samples = new List<ShelfTemplate>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("samples/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var definition = Engine.Serialization.FlowJson.Deserialize(reader.ReadToEnd());
            samples.Add(new ShelfTemplate(definition.Id, definition.Description, definition.Goal?.Name, definition));
        }

        return samples;
    }
}
