using Nop.Plugin.Misc.CustomFlows.Engine.Conditions;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Runtime;

/// <summary>
/// Moves runs through their flow. Pure and deterministic: the same state, flow, facts, event and
/// time give the same result; the input state is never modified. Safe to share between threads.
/// </summary>
public sealed class FlowInterpreter
{
    /// <summary>
    /// The exit reason of a run that took <see cref="InterpreterOptions.MaxStepsWithoutWaiting"/> steps without waiting.
    /// </summary>
    public const string StepBudgetExceeded = "stepBudgetExceeded";

    private readonly InterpreterOptions _options;
    private readonly NodeSteps _steps = new();

    /// <summary>
    /// Creates an interpreter.
    /// </summary>
    public FlowInterpreter(InterpreterOptions options = null)
    {
        _options = options ?? new InterpreterOptions();
        if (_options.MaxStepsPerCall < 1)
            throw new ArgumentOutOfRangeException(nameof(options), _options.MaxStepsPerCall, "MaxStepsPerCall must be 1 or more.");
        if (_options.MaxStepsWithoutWaiting < 1)
            throw new ArgumentOutOfRangeException(nameof(options), _options.MaxStepsWithoutWaiting, "MaxStepsWithoutWaiting must be 1 or more.");
    }

    /// <summary>
    /// Advances a run (a new one, one that is due, or one left active) until it waits, ends or
    /// reaches the step limit. The goal and exit conditions are checked before every step.
    /// </summary>
    /// <param name="run">The run's current state; it must already have its run id (effects' idempotency keys use it).</param>
    /// <param name="flow">The flow version the run is pinned to.</param>
    /// <param name="context">Facts, guardrails and now.</param>
    public StepResult Advance(FlowRunState run, CompiledFlow flow, in RunContext context)
    {
        if (Refuse(run, flow, context) is { } refused)
            return refused;
        if (run.Status == RunStatus.Waiting && run.DueOnUtc > context.NowUtc)
            return Unchanged(run, StepOutcome.NotDue);

        var pass = new RunPass(run.Clone(), flow, context, _options);
        return Run(pass);
    }

    /// <summary>
    /// Lets a run see an event of its customer: records engagement with its messages, ends an
    /// event wait that was waiting for it (and advances), restarts or cancels the abandoned-cart
    /// clock, and checks the goal and exit conditions (an order can convert a waiting run at once).
    /// </summary>
    /// <param name="run">The run's current state.</param>
    /// <param name="flow">The flow version the run is pinned to.</param>
    /// <param name="flowEvent">The event; events of other customers are ignored.</param>
    /// <param name="context">Facts (already including the event), guardrails and now.</param>
    public StepResult HandleEvent(FlowRunState run, CompiledFlow flow, FlowEvent flowEvent, in RunContext context)
    {
        ArgumentNullException.ThrowIfNull(flowEvent);
        if (Refuse(run, flow, context) is { } refused)
            return refused;
        if (flowEvent.CustomerId != run.CustomerId)
            return Unchanged(run, StepOutcome.NotDue);

        var pass = new RunPass(run.Clone(), flow, context, _options);
        var changed = RecordEngagement(pass.Run, flowEvent);
        switch (EventRouting.Apply(pass, flowEvent))
        {
            case EventRouting.Effect.Resumed:
                return Run(pass);
            case EventRouting.Effect.Ended:
                return Result(pass, StepOutcome.Ended);
            case EventRouting.Effect.Changed:
                changed = true;
                break;
        }

        if (_steps.GoalOrExitReached(pass))
            return Result(pass, StepOutcome.Ended);
        if (pass.Run.Status == RunStatus.Active)
            return Run(pass);

        return changed ? Result(pass, StepOutcome.NotDue) : Unchanged(run, StepOutcome.NotDue);
    }

    private StepResult Run(RunPass pass)
    {
        var run = pass.Run;
        while (true)
        {
            // whatever validation said: a run going round at one instant must end, not be continued forever
            if (run.StepsWithoutWaiting >= _options.MaxStepsWithoutWaiting)
            {
                pass.End(RunStatus.Exited, StepKind.Exited, StepBudgetExceeded);
                return Result(pass, StepOutcome.Ended);
            }

            if (pass.Steps >= _options.MaxStepsPerCall)
            {
                run.Status = RunStatus.Active;
                run.DueOnUtc = pass.Now;
                return Result(pass, StepOutcome.StepLimitReached);
            }

            if (_steps.GoalOrExitReached(pass))
                return Result(pass, StepOutcome.Ended);

            var node = pass.Flow.Node(run.NodeId);
            var resuming = run.Status == RunStatus.Waiting;
            pass.Steps++;
            run.StepsWithoutWaiting++;
            if (!_steps.Execute(pass, node, resuming))
                return Result(pass, run.IsEnded ? StepOutcome.Ended : StepOutcome.Waiting);
        }
    }

    private static StepResult Refuse(FlowRunState run, CompiledFlow flow, in RunContext context)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(flow);
        if (context.Facts == null)
            throw new ArgumentException("The run context needs the customer's facts.", nameof(context));
        if (run.FlowId != flow.Id || run.FlowVersion != flow.Version)
            throw new InvalidOperationException($"Run {run.RunId} is pinned to flow {run.FlowId} v{run.FlowVersion}, not {flow.Id} v{flow.Version}; load the version it entered.");
        if (context.Facts.CustomerId != run.CustomerId)
            throw new ArgumentException($"The facts are of customer {context.Facts.CustomerId}, the run of customer {run.CustomerId}.", nameof(context));

        if (run.IsEnded)
            return Unchanged(run, StepOutcome.AlreadyEnded);
        if (context.Guardrails?.PauseAll == true)
            return Unchanged(run, StepOutcome.Paused);
        return null;
    }

    private static bool RecordEngagement(FlowRunState run, FlowEvent flowEvent)
    {
        var suffix = EngagementKey.FromEvent(flowEvent.Type);
        if (suffix == null || flowEvent.RunId != run.RunId || string.IsNullOrEmpty(flowEvent.NodeId))
            return false;

        var key = flowEvent.NodeId + suffix;
        if (run.Engagements.Contains(key))
            return false;

        run.Engagements.Add(key);
        return true;
    }

    private static StepResult Result(RunPass pass, StepOutcome outcome) => new(pass.Run, pass.Effects, pass.Records, outcome);

    private static StepResult Unchanged(FlowRunState run, StepOutcome outcome) => new(run, [], [], outcome);
}
