using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Ports;

/// <summary>
/// What happens after a step is committed: its recorded effects are performed (and marked done) and the step
/// is counted. The shop performs them through its channels and writes the daily statistics; the simulator
/// plays every channel on its customers' facts and keeps its own statistics.
/// </summary>
public interface IFlowEffectSink
{
    /// <summary>
    /// Performs the effects of a committed step, in order, and counts the step. A failure here loses nothing:
    /// the effects stay recorded and are performed later.
    /// </summary>
    Task HandleAsync(CommittedStep step, CancellationToken cancellationToken = default);
}

/// <summary>
/// A step the run store has saved.
/// </summary>
/// <param name="Result">What the interpreter did: the new state, the effects, the records.</param>
/// <param name="Flow">The flow version of the run.</param>
/// <param name="EnteredBy">For a run that entered the flow in this step: the event that started it; null otherwise.</param>
public sealed record CommittedStep(StepResult Result, CompiledFlow Flow, FlowEvent EnteredBy)
{
    /// <summary>Whether the run entered the flow in this step.</summary>
    public bool Entered => EnteredBy != null;
}
