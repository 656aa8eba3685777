using Nop.Plugin.Misc.CustomFlows.Engine.Conditions;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Nodes;
using Nop.Plugin.Misc.CustomFlows.Engine.Time;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Validation;

/// <summary>
/// Checks how steps connect: exits lead somewhere, every step can be reached, no loop can go round
/// without time passing, and jumps go back.
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
    /// A loop is only safe when every way round it takes time: otherwise one run goes round at the
    /// same instant (sending a message each time) until the interpreter's step budget ends it. An exit
    /// that takes time is left out of the graph; steps that stay after peeling off every step without
    /// incoming and without outgoing exits lie on (or between) loops that can repeat at once.
    /// </summary>
    private static void CheckLoops(IReadOnlyList<(FlowNode Node, string Path)> nodes, RuleContext context, Dictionary<string, string> pathById)
    {
        var edges = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var reverse = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (node, _) in nodes)
        {
            if (edges.TryAdd(node.Id, new List<string>()))
                reverse.TryAdd(node.Id, new List<string>());
        }

        foreach (var id in edges.Keys.ToList())
        {
            var node = context.NodesById[id];
            foreach (var (exit, target) in node.Exits())
            {
                if (target == null || !edges.ContainsKey(target) || TakesTime(node, exit))
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

        const int named = 5;
        var inLoop = nodes.Select(n => n.Node.Id).Where(remaining.Contains).Distinct().ToList();
        var first = inLoop[0];
        var steps = string.Join(", ", inLoop.Take(named).Select(Excerpt.Quote)) + (inLoop.Count > named ? $" and {inLoop.Count - named} more" : string.Empty);
        context.Problems.Add(ProblemCodes.LoopWithoutWait,
            $"Steps {steps} form a loop that can go round without time passing. Put a wait with a delay longer than zero in it "
            + "(a time of day or weekdays alone go on at once when it is that time), or loop through an event wait's timeout.",
            first, pathById[first]);
    }

    /// <summary>
    /// Whether taking this exit means time has passed: a time wait with a delay longer than zero, an
    /// event wait's timeout, or an event wait's event exit when that event must be new (something the
    /// customer does in the shop); an e-mail or pop-up engagement may already have happened, and then
    /// the wait goes on at once.
    /// </summary>
    private static bool TakesTime(FlowNode node, string exit)
    {
        if (node is not WaitNode wait)
            return false;

        if (wait.UntilEvent == null)
            return FlowDuration.TryParse(wait.Delay, out var delay) && delay > TimeSpan.Zero;

        return exit == "next"
            ? FlowDuration.TryParse(wait.Timeout, out var timeout) && timeout > TimeSpan.Zero
            : EngagementKey.FromEvent(wait.UntilEvent.Event) == null;
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
