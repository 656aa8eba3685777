namespace Nop.Plugin.Misc.CustomFlows.Engine.Runtime;

/// <summary>
/// Limits of the interpreter.
/// </summary>
public sealed class InterpreterOptions
{
    /// <summary>
    /// Most steps one call takes; a run still active then is left due now, so one customer cannot hold a batch.
    /// </summary>
    public int MaxStepsPerCall { get; set; } = 100;

    /// <summary>
    /// Most steps a run takes, over any number of calls, without waiting for a later moment; then it
    /// ends as exited with the reason <see cref="FlowInterpreter.StepBudgetExceeded"/>. A valid flow
    /// never comes near it (between two waits a run passes each of its at most 500 steps once), so it
    /// only stops a flow that validation did not see, instead of letting the pump continue it forever.
    /// </summary>
    public int MaxStepsWithoutWaiting { get; set; } = 1000;

    /// <summary>
    /// Whether to record what happened (<see cref="StepResult.Records"/>); the simulator wants it, a busy shop may not.
    /// </summary>
    public bool RecordSteps { get; set; } = true;
}
