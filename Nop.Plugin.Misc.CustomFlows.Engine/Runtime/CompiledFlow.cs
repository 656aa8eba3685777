using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Nodes;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Triggers;
using Nop.Plugin.Misc.CustomFlows.Engine.Ports;
using Nop.Plugin.Misc.CustomFlows.Engine.Time;
using Nop.Plugin.Misc.CustomFlows.Engine.Validation;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Runtime;

/// <summary>
/// A validated flow version, ready to run: steps indexed by id, durations parsed. Immutable, so
/// one instance serves every run of the version and every thread.
/// </summary>
public sealed class CompiledFlow
{
    private readonly Dictionary<string, CompiledNode> _nodes;

    private CompiledFlow(FlowDefinition definition, Dictionary<string, CompiledNode> nodes, StartNode start)
    {
        Definition = definition;
        _nodes = nodes;
        Start = start;
        if (definition.Settings.ReEntry.Mode == ReEntryMode.OncePerPeriod)
            ReEntryPeriod = Duration(definition.Settings.ReEntry.Period);
        if (definition.Settings.FrequencyCap != null)
            FrequencyCapPeriod = Duration(definition.Settings.FrequencyCap.Period);
    }

    /// <summary>The definition it was compiled from (do not change it).</summary>
    public FlowDefinition Definition { get; }

    /// <summary>The flow id.</summary>
    public string Id => Definition.Id;

    /// <summary>The version.</summary>
    public int Version => Definition.Version;

    /// <summary>The start step.</summary>
    public StartNode Start { get; }

    /// <summary>The trigger.</summary>
    public FlowTrigger Trigger => Start.Trigger;

    /// <summary>The flow's settings.</summary>
    public FlowSettings Settings => Definition.Settings;

    /// <summary>For the oncePerPeriod re-entry rule: the period.</summary>
    public TimeSpan ReEntryPeriod { get; }

    /// <summary>The frequency cap's window, when there is a cap.</summary>
    public TimeSpan FrequencyCapPeriod { get; }

    /// <summary>
    /// Validates and compiles a flow version.
    /// </summary>
    /// <param name="definition">The flow.</param>
    /// <param name="templates">Checks message templates exist; null skips that check.</param>
    /// <exception cref="FlowValidationException">The flow has problems; all of them are listed.</exception>
    public static CompiledFlow Compile(FlowDefinition definition, ITemplateLookup templates = null)
    {
        var problems = new FlowValidator(templates).Validate(definition);
        if (problems.Count > 0)
            throw new FlowValidationException(problems);

        return CompileWithoutValidation(definition);
    }

    /// <summary>
    /// Compiles a definition as it is, for tests of what the interpreter does with flows validation
    /// refuses; it must still have one start step and every exit must name a step.
    /// </summary>
    internal static CompiledFlow CompileWithoutValidation(FlowDefinition definition)
    {
        var nodes = new Dictionary<string, CompiledNode>(StringComparer.Ordinal);
        foreach (var node in definition.Nodes)
            nodes.Add(node.Id, CompileNode(node));

        return new CompiledFlow(definition, nodes, definition.Nodes.OfType<StartNode>().Single());
    }

    internal CompiledNode Node(string id) =>
        id != null && _nodes.TryGetValue(id, out var node)
            ? node
            : throw new InvalidOperationException($"Flow {Id} v{Version} has no step \"{id}\"; the run does not belong to this version.");

    private static CompiledNode CompileNode(FlowNode node) => node switch
    {
        WaitNode { UntilEvent: not null } wait => new CompiledNode(node) { Timeout = Duration(wait.Timeout) },
        WaitNode wait => new CompiledNode(node)
        {
            Delay = wait.Delay == null ? TimeSpan.Zero : Duration(wait.Delay),
            TimeOfDay = TimeOfDayText.TryParse(wait.UntilTimeOfDay, out var time) ? time : null,
            WeekdayMask = WaitSchedule.MaskOf(wait.OnWeekdays)
        },
        SplitNode split => new CompiledNode(node) { TotalWeight = split.Branches.Sum(b => b.Weight) },
        _ => new CompiledNode(node)
    };

    private static TimeSpan Duration(string text) => FlowDuration.TryParse(text, out var duration) ? duration : TimeSpan.Zero;
}
