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
    /// Whether to record what happened (<see cref="StepResult.Records"/>); the simulator wants it, a busy shop may not.
    /// </summary>
    public bool RecordSteps { get; set; } = true;
}
