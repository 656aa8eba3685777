using System.Text.Json.Serialization;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Definition.Nodes;

/// <summary>
/// One step of a flow. The JSON property "type" tells which kind of step it is.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(StartNode), "start")]
[JsonDerivedType(typeof(FilterNode), "filter")]
[JsonDerivedType(typeof(WaitNode), "wait")]
[JsonDerivedType(typeof(SplitNode), "split")]
[JsonDerivedType(typeof(ActionNode), "action")]
[JsonDerivedType(typeof(JumpNode), "jump")]
[JsonDerivedType(typeof(EndNode), "end")]
public abstract class FlowNode
{
    /// <summary>
    /// Identifier unique within the flow; stable across versions so runs can be migrated and
    /// idempotency keys stay meaningful.
    /// </summary>
    public string Id { get; set; }

    /// <summary>
    /// Label shown in the editor.
    /// </summary>
    public string Title { get; set; }

    /// <summary>
    /// The steps this step can lead to: the JSON path of each exit relative to the node (e.g. "yes",
    /// "branches[1].next") with the target id, so graph checks can point at the exact property.
    /// </summary>
    public abstract IEnumerable<(string Exit, string Target)> Exits();
}
