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
/// The CLI's one window onto the template library (Engine/Templates): everything in the CLI asks this
/// class, and a test can put other templates in its place.
/// </summary>
public static class TemplateShelf
{
    /// <summary>
    /// The template library's templates (English descriptions)
    /// </summary>
    public static Func<IReadOnlyList<ShelfTemplate>> Library { get; set; } = () => Engine.Templates.FlowTemplateLibrary.All
        .Select(t => new ShelfTemplate(t.Name, t.Description.En, t.Goal.En, t.CreateDefinition()))
        .ToList();
}
