using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using Nop.Plugin.Misc.CustomFlows.Engine.Serialization;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Templates;

/// <summary>
/// A ready-made flow a shop admin can start from: the flow definition, what it is for, and the
/// English and Polish texts of every message it sends.
/// </summary>
public sealed class FlowTemplate
{
    private readonly Dictionary<string, TemplateMessage> _messages;
    private readonly string _flowJson;

    /// <summary>
    /// Creates a template.
    /// </summary>
    /// <param name="name">Stable slug; also the flow id of the definition.</param>
    /// <param name="scenario">The scenario slug shared by the basic and advanced version.</param>
    /// <param name="level">Basic or advanced.</param>
    /// <param name="category">Where the template is listed.</param>
    /// <param name="title">Short name.</param>
    /// <param name="description">What the flow does, step by step in a sentence or two.</param>
    /// <param name="goal">What the shop gains.</param>
    /// <param name="flowJson">The flow definition in the engine's JSON dialect, without name and
    /// description: those come from <paramref name="title"/> and <paramref name="description"/> in English.</param>
    /// <param name="messages">The texts of the messages the flow sends.</param>
    public FlowTemplate(string name, string scenario, TemplateLevel level, TemplateCategory category,
        LocalizedText title, LocalizedText description, LocalizedText goal, string flowJson, IEnumerable<TemplateMessage> messages)
    {
        Name = name;
        Scenario = scenario;
        Level = level;
        Category = category;
        Title = title;
        Description = description;
        Goal = goal;
        _flowJson = flowJson;
        Messages = messages.ToList();
        _messages = Messages.ToDictionary(m => m.Reference, StringComparer.Ordinal);
    }

    /// <summary>Stable slug, e.g. "abandoned-cart-advanced"; the flow id of the definition.</summary>
    public string Name { get; }

    /// <summary>The scenario, e.g. "abandoned-cart"; a basic and an advanced template may share it.</summary>
    public string Scenario { get; }

    /// <summary>Basic or advanced.</summary>
    public TemplateLevel Level { get; }

    /// <summary>Where the template is listed.</summary>
    public TemplateCategory Category { get; }

    /// <summary>Short name.</summary>
    public LocalizedText Title { get; }

    /// <summary>What the flow does.</summary>
    public LocalizedText Description { get; }

    /// <summary>What the shop gains from it.</summary>
    public LocalizedText Goal { get; }

    /// <summary>The flow definition as JSON (schema version 1), indented for people: what "templates export" writes.</summary>
    public string DefinitionJson => FlowJson.Serialize(CreateDefinition(), indented: true);

    /// <summary>The messages the flow sends, keyed by the template reference its actions name.</summary>
    public IReadOnlyList<TemplateMessage> Messages { get; }

    /// <summary>
    /// A new copy of the flow definition, free to change (the editor opens it as a draft).
    /// </summary>
    public FlowDefinition CreateDefinition()
    {
        var definition = FlowJson.Deserialize(_flowJson);
        definition.Name = Title.En;
        definition.Description = Description.En;
        return definition;
    }

    /// <summary>
    /// The message with the reference, or null when the template has none.
    /// </summary>
    public TemplateMessage Message(string reference) =>
        reference != null && _messages.TryGetValue(reference, out var message) ? message : null;

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>
/// How much of a scenario a template covers.
/// </summary>
public enum TemplateLevel
{
    /// <summary>The few steps that already pay off.</summary>
    Basic,

    /// <summary>More channels, branches, incentives and follow-up.</summary>
    Advanced
}

/// <summary>
/// Groups of templates in the admin's list.
/// </summary>
public enum TemplateCategory
{
    /// <summary>Bringing back customers who bought before.</summary>
    Retention,

    /// <summary>Carts and product views that did not end in an order.</summary>
    Recovery,

    /// <summary>Selling more to customers who just bought.</summary>
    Sales,

    /// <summary>Relationship, education and occasions.</summary>
    Engagement,

    /// <summary>First contact with new customers and subscribers.</summary>
    Welcome,

    /// <summary>Asking customers what they think.</summary>
    Feedback
}
