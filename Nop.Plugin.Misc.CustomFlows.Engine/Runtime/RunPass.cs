using Nop.Plugin.Misc.CustomFlows.Engine.Conditions;
using Nop.Plugin.Misc.CustomFlows.Engine.Ports;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Runtime;

/// <summary>
/// One interpreter call's working state: the run being changed, what it emitted, what happened.
/// Every change of position goes through <see cref="MoveTo"/>, <see cref="Hold"/> or <see cref="End"/>,
/// so visits, due times and records stay consistent.
/// </summary>
internal sealed class RunPass
{
    private List<FlowEffect> _effects;
    private List<StepRecord> _records;

    public RunPass(FlowRunState run, CompiledFlow flow, in RunContext context, InterpreterOptions options)
    {
        Run = run;
        Flow = flow;
        Context = context;
        Options = options;
    }

    public FlowRunState Run { get; }

    public CompiledFlow Flow { get; }

    public RunContext Context { get; }

    public InterpreterOptions Options { get; }

    public DateTime Now => Context.NowUtc;

    public int Steps { get; set; }

    /// <summary>Messages emitted in this call, which budgets must count before the channel has recorded them.</summary>
    public List<SentMessage> SentThisPass { get; } = new();

    public IReadOnlyList<FlowEffect> Effects => (IReadOnlyList<FlowEffect>)_effects ?? [];

    public IReadOnlyList<StepRecord> Records => (IReadOnlyList<StepRecord>)_records ?? [];

    public ConditionContext ConditionContext(string nodeId) => new(Context.Facts, Run, Now, nodeId);

    public void Record(string nodeId, StepKind kind, string detail = null)
    {
        if (Options.RecordSteps)
            (_records ??= new List<StepRecord>()).Add(new StepRecord(Now, nodeId, kind, detail));
    }

    public void Emit(FlowEffect effect) => (_effects ??= new List<FlowEffect>()).Add(effect);

    public void MoveTo(string nodeId)
    {
        Run.NodeId = nodeId;
        Run.Visits[nodeId] = Run.VisitsOf(nodeId) + 1;
        Run.Status = RunStatus.Active;
        Run.DueOnUtc = null;
        Run.WaitReason = WaitReason.None;
        Run.WaitStartedOnUtc = null;
        Record(nodeId, StepKind.Arrived);
    }

    public void Hold(DateTime dueOnUtc, WaitReason reason)
    {
        // a run resuming the same wait keeps the moment it began waiting
        if (Run.Status != RunStatus.Waiting || Run.WaitReason != reason)
            Run.WaitStartedOnUtc = Now;
        Run.Status = RunStatus.Waiting;
        Run.DueOnUtc = dueOnUtc;
        Run.WaitReason = reason;
        // only a wait for a later moment lets time pass; one due at once is part of the same instant
        if (dueOnUtc > Now)
            Run.StepsWithoutWaiting = 0;
        Record(Run.NodeId, StepKind.Waiting, dueOnUtc.ToString("O"));
    }

    public void End(RunStatus status, StepKind kind, string reason)
    {
        Run.Status = status;
        Run.EndReason = reason;
        Run.EndedOnUtc = Now;
        Run.DueOnUtc = null;
        Run.WaitReason = WaitReason.None;
        Run.WaitStartedOnUtc = null;
        Record(Run.NodeId, kind, reason);
    }
}
