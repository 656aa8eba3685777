using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Nodes;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Validation;

/// <summary>
/// Checks a whole flow definition: header, settings, goal and exits, then each step, then the graph.
/// </summary>
internal static class DefinitionRules
{
    /// <summary>Most steps in one flow; keeps editors, validation and reports fast.</summary>
    public const int MaxNodes = 500;

    /// <param name="definition">The flow.</param>
    /// <param name="nodePaths">JSON path of each node in <see cref="FlowDefinition.Nodes"/>, same order.</param>
    /// <param name="context">Shared state and the problem list.</param>
    public static void Check(FlowDefinition definition, IReadOnlyList<string> nodePaths, RuleContext context)
    {
        if (string.IsNullOrWhiteSpace(definition.Id))
            context.Missing("The flow id", null, "$.id");
        else
            context.NotLongerThan(definition.Id, FlowLimits.FlowIdLength, "The flow id", null, "$.id");
        context.NotLongerThan(definition.Name, FlowLimits.NameLength, "The name", null, "$.name");
        if (definition.Version < 1)
            context.Invalid("version must be 1 or more.", null, "$.version");

        SettingsRules.Check(definition.Settings, context);
        if (definition.Goal != null)
        {
            context.NotLongerThan(definition.Goal.Name, FlowLimits.EndReasonLength, "The goal's name", null, "$.goal.name");
            ConditionRules.Check(definition.Goal.Condition, context, null, "$.goal.condition");
        }

        CheckExitConditions(definition.ExitConditions, context);

        var nodes = CollectNodes(definition.Nodes, nodePaths, context);
        var start = FindStart(nodes, context);
        foreach (var (node, path) in nodes)
            NodeRules.Check(node, context, path);
        GraphRules.Check(nodes, start, context);
    }

    private static void CheckExitConditions(List<FlowExitCondition> exits, RuleContext context)
    {
        if (exits == null)
            return;

        for (var i = 0; i < exits.Count; i++)
        {
            var path = $"$.exitConditions[{i}]";
            if (exits[i] == null)
            {
                context.Missing("The exit condition", null, path);
                continue;
            }

            if (string.IsNullOrWhiteSpace(exits[i].Name))
                context.Missing("The exit condition's name", null, path + ".name");
            else
                context.NotLongerThan(exits[i].Name, FlowLimits.EndReasonLength, "The exit condition's name", null, path + ".name");
            ConditionRules.Check(exits[i].Condition, context, null, path + ".condition");
        }
    }

    private static List<(FlowNode Node, string Path)> CollectNodes(List<FlowNode> nodes, IReadOnlyList<string> nodePaths, RuleContext context)
    {
        var result = new List<(FlowNode, string)>();
        if (nodes == null || nodes.Count == 0)
        {
            if (!context.NodesIncomplete)
                context.Missing("At least a start and an end step", null, "$.nodes");
            return result;
        }

        if (nodes.Count > MaxNodes)
            context.Invalid($"A flow has at most {MaxNodes} steps.", null, "$.nodes");

        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            var path = nodePaths[i];
            if (node == null)
            {
                context.Missing("The step", null, path);
                continue;
            }

            if (string.IsNullOrWhiteSpace(node.Id))
            {
                context.Missing("The step id", null, path + ".id");
                continue;
            }

            context.NotLongerThan(node.Id, FlowLimits.StepIdLength, "A step id", node.Id, path + ".id");
            if (!context.NodesById.TryAdd(node.Id, node) || context.OpaqueNodeIds.Contains(node.Id))
            {
                context.Problems.Add(ProblemCodes.DuplicateNodeId, $"Another step already has the id {Excerpt.Quote(node.Id)}.", node.Id, path + ".id");
                continue;
            }

            result.Add((node, path));
        }

        return result;
    }

    private static StartNode FindStart(List<(FlowNode Node, string Path)> nodes, RuleContext context)
    {
        var starts = nodes.Where(n => n.Node is StartNode).ToList();
        if (starts.Count == 0 && !context.NodesIncomplete)
            context.Problems.Add(ProblemCodes.Start, "The flow needs a start step.", null, "$.nodes");
        foreach (var (node, path) in starts.Skip(1))
            context.Problems.Add(ProblemCodes.Start, "The flow has more than one start step.", node.Id, path);

        // a start that others lead back to would re-run entry logic mid-run
        foreach (var (node, path) in nodes)
        {
            foreach (var (exit, target) in node.Exits())
            {
                if (target != null && starts.Any(s => s.Node.Id == target))
                    context.Invalid("No step may lead back to the start.", node.Id, $"{path}.{exit}");
            }
        }

        return starts.Count > 0 ? (StartNode)starts[0].Node : null;
    }
}
