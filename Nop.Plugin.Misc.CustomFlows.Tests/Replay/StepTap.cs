using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Nop.Plugin.Misc.CustomFlows.Engine.Ports;
using Nop.Plugin.Misc.CustomFlows.Engine.Processing;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using Nop.Plugin.Misc.CustomFlows.Engine.Serialization;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Replay;

/// <summary>
/// Listens at the effect-sink port of a host's processing loop: every committed step, written down as text the
/// moment it is committed, then passed on to the host's own sink. Neither host keeps its step records (the shop
/// folds them into daily counts, the simulator into its report), so this is where the two can be compared record
/// by record.
/// </summary>
/// <remarks>
/// The sink is a private field of <see cref="FlowProcessor"/>, set by each host's constructor; it is found by its
/// type, so renaming it does not break the tap, and a processor without one fails loudly here.
/// </remarks>
internal sealed class StepTap : IFlowEffectSink
{
    private readonly IFlowEffectSink _inner;
    private readonly List<TappedStep> _steps = new();

    private StepTap(IFlowEffectSink inner)
    {
        _inner = inner;
    }

    /// <summary>Every committed step, in the order the host committed them.</summary>
    public IReadOnlyList<TappedStep> Steps => _steps;

    /// <summary>
    /// Puts a tap between the processor and its sink.
    /// </summary>
    public static StepTap Install(FlowProcessor processor)
    {
        var field = SingleField(typeof(FlowProcessor), typeof(IFlowEffectSink));
        var tap = new StepTap((IFlowEffectSink)field.GetValue(processor));
        field.SetValue(processor, tap);
        return tap;
    }

    /// <summary>
    /// The processor a host built for itself, found by its type among the host's private fields.
    /// </summary>
    public static FlowProcessor ProcessorOf(object host) => (FlowProcessor)SingleField(host.GetType(), typeof(FlowProcessor)).GetValue(host);

    /// <inheritdoc />
    public Task HandleAsync(CommittedStep step, CancellationToken cancellationToken = default)
    {
        _steps.Add(TappedStep.Of(step));
        return _inner.HandleAsync(step, cancellationToken);
    }

    private static FieldInfo SingleField(Type owner, Type fieldType)
    {
        var fields = owner.GetFields(BindingFlags.Instance | BindingFlags.NonPublic).Where(f => f.FieldType == fieldType).ToList();
        return fields.Count == 1
            ? fields[0]
            : throw new InvalidOperationException($"{owner.Name} has {fields.Count} fields of type {fieldType.Name}; the replay's tap needs exactly one.");
    }
}

/// <summary>
/// One committed step as text: which run, what the interpreter recorded (time, step, kind, detail), the effects it
/// emitted, the revenue credited and the state it left the run in.
/// </summary>
/// <param name="RunId">The run.</param>
/// <param name="Text">Everything, one line per record or effect.</param>
/// <param name="ConvertedAt">The step the run was on when it met the goal in this step; null when it did not.</param>
/// <param name="Effects">The effects emitted.</param>
internal sealed record TappedStep(long RunId, string Text, string ConvertedAt, IReadOnlyList<FlowEffect> Effects)
{
    public static TappedStep Of(CommittedStep step)
    {
        var result = step.Result;
        var run = result.Run;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"run {run.RunId} of customer {run.CustomerId}");
        if (step.Entered)
            text.Append(" entered by ").Append(Describe(step.EnteredBy));
        text.AppendLine();
        foreach (var record in result.Records)
            text.AppendLine(CultureInfo.InvariantCulture, $"  {Time(record.AtUtc)} {record.NodeId} {record.Kind} {record.Detail}");
        foreach (var effect in result.Effects)
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  {Time(effect.CreatedOnUtc)} {effect.IdempotencyKey} {effect.Action.Channel} variant {effect.Variant} store {effect.StoreId}");
        text.Append("  state ").Append(JsonSerializer.Serialize(run, FlowJson.Options));
        return new TappedStep(run.RunId, text.ToString(),
            result.Records.FirstOrDefault(record => record.Kind == StepKind.Converted)?.NodeId,
            result.Effects.ToList());
    }

    public static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);

    private static string Describe(FlowEvent e) => string.Create(CultureInfo.InvariantCulture,
        $"{e.Type} at {Time(e.OccurredOnUtc)} in store {e.StoreId}: value {e.Value}, quantity {e.Quantity}, change {e.CartChange}, "
        + $"products [{string.Join(",", e.ProductIds ?? [])}], categories [{string.Join(",", e.CategoryIds ?? [])}] "
        + $"under [{string.Join(",", e.AncestorCategoryIds ?? [])}], tag {e.Tag}, date {e.DateField} {e.DateValue} on {e.LocalDate}");
}
