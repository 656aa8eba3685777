using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Nodes;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Validation;

/// <summary>
/// Checks how steps connect: exits lead somewhere, every step can be reached, no loop can run
/// without waiting, and jumps go back.
/// </summary>
internal static class GraphRules
{
    public static void Check(IReadOnlyList<(FlowNode Node, string Path)> nodes, StartNode start, RuleContext context)
    {
        var pathById = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (node, path) in nodes)
            pathById.TryAdd(node.Id, path);

        CheckExits(nodes, context);
        // a step that could not be read (or only in part) may hold the exit that makes these true
        if (context.NodesIncomplete)
            return;

        if (start != null)
            CheckReachable(nodes, start, context);
        CheckLoops(nodes, context, pathById);
        CheckJumpsGoBack(nodes, context);
    }

    private static void CheckExits(IReadOnlyList<(FlowNode Node, string Path)> nodes, RuleContext context)
    {
        foreach (var (node, path) in nodes)
        {
            foreach (var (exit, target) in node.Exits())
            {
                if (string.IsNullOrEmpty(target))
                    context.Problems.Add(ProblemCodes.MissingExit, $"The exit \"{exit}\" leads nowhere; point it at a step (an end step to stop).", node.Id, $"{path}.{exit}");
                else if (!context.NodesById.ContainsKey(target) && !context.OpaqueNodeIds.Contains(target))
                    context.Problems.Add(ProblemCodes.UnknownTarget, $"The exit \"{exit}\" leads to {Excerpt.Quote(target)}, which is not a step of this flow.", node.Id, $"{path}.{exit}");
            }
        }
    }

    private static void CheckReachable(IReadOnlyList<(FlowNode Node, string Path)> nodes, StartNode start, RuleContext context)
    {
        var reached = Reach(start.Id, context);
        foreach (var (node, path) in nodes)
        {
            if (!reached.Contains(node.Id))
                context.Problems.Add(ProblemCodes.Unreachable, $"No path from the start leads to step {Excerpt.Quote(node.Id)}.", node.Id, path);
        }
    }

    /// <summary>
    /// A loop is only safe when it passes a wait: otherwise one pass of the interpreter would go
    /// round until its step limit (and send a message each time). Nodes that stay after peeling off
    /// every non-wait node without incoming and without outgoing edges lie on (or between) such loops.
    /// </summary>
    private static void CheckLoops(IReadOnlyList<(FlowNode Node, string Path)> nodes, RuleContext context, Dictionary<string, string> pathById)
    {
        var edges = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var reverse = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (node, _) in nodes)
        {
            if (node is WaitNode || edges.ContainsKey(node.Id))
                continue;
            edges[node.Id] = new List<string>();
            reverse.TryAdd(node.Id, new List<string>());
        }

        foreach (var id in edges.Keys.ToList())
        {
            foreach (var (_, target) in context.NodesById[id].Exits())
            {
                if (target == null || !edges.ContainsKey(target))
                    continue;
                edges[id].Add(target);
                reverse[target].Add(id);
            }
        }

        var remaining = new HashSet<string>(edges.Keys, StringComparer.Ordinal);
        Peel(remaining, reverse, edges);
        Peel(remaining, edges, reverse);
        if (remaining.Count == 0)
            return;

        var inLoop = nodes.Select(n => n.Node.Id).Where(remaining.Contains).Distinct().ToList();
        var first = inLoop[0];
        context.Problems.Add(ProblemCodes.LoopWithoutWait,
            $"Steps {string.Join(", ", inLoop.Select(id => $"\"{id}\""))} form a loop without a wait; add a wait step to the loop.",
            first, pathById[first]);
    }

    /// <summary>
    /// Removes nodes with no edges in <paramref name="incoming"/> from the remaining ones, repeatedly.
    /// </summary>
    private static void Peel(HashSet<string> remaining, Dictionary<string, List<string>> incoming, Dictionary<string, List<string>> outgoing)
    {
        var count = remaining.ToDictionary(id => id, id => incoming[id].Count(remaining.Contains), StringComparer.Ordinal);
        var queue = new Queue<string>(count.Where(pair => pair.Value == 0).Select(pair => pair.Key));
        while (queue.Count > 0)
        {
            var id = queue.Dequeue();
            remaining.Remove(id);
            foreach (var next in outgoing[id])
            {
                if (remaining.Contains(next) && --count[next] == 0)
                    queue.Enqueue(next);
            }
        }
    }

    private static void CheckJumpsGoBack(IReadOnlyList<(FlowNode Node, string Path)> nodes, RuleContext context)
    {
        foreach (var (node, path) in nodes)
        {
            if (node is not JumpNode jump || jump.Target == null || !context.NodesById.ContainsKey(jump.Target))
                continue;
            if (jump.Target == jump.Id || !Reach(jump.Target, context).Contains(jump.Id))
                context.Problems.Add(ProblemCodes.JumpNotBackwards, $"A jump goes back to an earlier step; {Excerpt.Quote(jump.Target)} does not lead to this jump.", jump.Id, path + ".target");
        }
    }

    private static HashSet<string> Reach(string from, RuleContext context)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal) { from };
        var stack = new Stack<string>();
        stack.Push(from);
        while (stack.Count > 0)
        {
            if (!context.NodesById.TryGetValue(stack.Pop(), out var node))
                continue;
            foreach (var (_, target) in node.Exits())
            {
                if (target != null && reached.Add(target))
                    stack.Push(target);
            }
        }

        return reached;
    }
}
