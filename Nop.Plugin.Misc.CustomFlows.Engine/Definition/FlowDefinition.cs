using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Nodes;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Definition;

/// <summary>
/// One published version of a flow: its settings, goal, exit conditions and steps.
/// A version is immutable once published so that running customers stay on the steps they entered.
/// </summary>
public sealed class FlowDefinition
{
    /// <summary>
    /// The schema version this engine writes and reads.
    /// </summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>
    /// Version of the JSON shape, so a newer document is refused instead of half understood.
    /// </summary>
    public int SchemaVersion { get; set; } = CurrentSchemaVersion;

    /// <summary>
    /// Stable identifier of the flow (shared by all its versions), e.g. "abandoned-cart" or a database id.
    /// </summary>
    public string Id { get; set; }

    /// <summary>
    /// Published version number; runs are pinned to (Id, Version).
    /// </summary>
    public int Version { get; set; } = 1;

    /// <summary>
    /// Name shown to the shop admin.
    /// </summary>
    public string Name { get; set; }

    /// <summary>
    /// What the flow is for, shown to the shop admin.
    /// </summary>
    public string Description { get; set; }

    /// <summary>
    /// Entry rules, stores, priority and frequency cap.
    /// </summary>
    public FlowSettings Settings { get; set; } = new();

    /// <summary>
    /// When met before any step, the run ends as converted (e.g. "placed an order since entering").
    /// </summary>
    public FlowGoal Goal { get; set; }

    /// <summary>
    /// When any is met before a step, the run ends as exited (e.g. "unsubscribed from the newsletter").
    /// </summary>
    public List<FlowExitCondition> ExitConditions { get; set; } = new();

    /// <summary>
    /// The steps; exactly one is a <see cref="StartNode"/>.
    /// </summary>
    public List<FlowNode> Nodes { get; set; } = new();
}
