namespace Nop.Plugin.Misc.CustomFlows.Engine.Runtime;

/// <summary>
/// One customer's way through one flow version: everything the engine needs to continue it later.
/// Kept small (a few hundred bytes of JSON) because every waiting customer has one row.
/// </summary>
public sealed class FlowRunState
{
    /// <summary>Identifier given by the run store; part of every idempotency key.</summary>
    public long RunId { get; set; }

    /// <summary>The flow.</summary>
    public string FlowId { get; set; }

    /// <summary>The flow version the run entered and stays on.</summary>
    public int FlowVersion { get; set; }

    /// <summary>The customer.</summary>
    public int CustomerId { get; set; }

    /// <summary>The store of the triggering event.</summary>
    public int StoreId { get; set; }

    /// <summary>Where the run is in its life.</summary>
    public RunStatus Status { get; set; }

    /// <summary>The step the run is at (for an ended run, the last one).</summary>
    public string NodeId { get; set; }

    /// <summary>When the run entered the flow.</summary>
    public DateTime EnteredOnUtc { get; set; }

    /// <summary>When a waiting run is due; the pump claims runs by this.</summary>
    public DateTime? DueOnUtc { get; set; }

    /// <summary>Why a waiting run waits.</summary>
    public WaitReason WaitReason { get; set; }

    /// <summary>When the current wait began; events before it do not end an event wait.</summary>
    public DateTime? WaitStartedOnUtc { get; set; }

    /// <summary>The last split branch the run went through, for reports.</summary>
    public string Variant { get; set; }

    /// <summary>Whether the run is in a holdout (control) branch: its actions send nothing.</summary>
    public bool Holdout { get; set; }

    /// <summary>How often the run arrived at each step; the visit number is part of the idempotency key.</summary>
    public Dictionary<string, int> Visits { get; set; } = new();

    /// <summary>Engagement with the run's messages, as "nodeId:engagement" (e.g. "mail-1:clicked").</summary>
    public List<string> Engagements { get; set; } = new();

    /// <summary>What the run keeps of its triggering event.</summary>
    public TriggerSnapshot Trigger { get; set; } = new();

    /// <summary>
    /// Steps taken since the run last waited for a later moment; the interpreter ends a run whose count
    /// reaches <see cref="InterpreterOptions.MaxStepsWithoutWaiting"/>. Left out of the JSON while zero,
    /// so states stored before it existed read as zero.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public int StepsWithoutWaiting { get; set; }

    /// <summary>Goal name, exit name or other reason the run ended.</summary>
    public string EndReason { get; set; }

    /// <summary>When the run ended.</summary>
    public DateTime? EndedOnUtc { get; set; }

    /// <summary>Whether the run has ended (completed, converted or exited).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsEnded => Status is RunStatus.Completed or RunStatus.Converted or RunStatus.Exited;

    /// <summary>
    /// A copy that can be changed without touching this one, so a caller keeps the old state until it saved the new.
    /// </summary>
    public FlowRunState Clone()
    {
        var copy = (FlowRunState)MemberwiseClone();
        copy.Visits = new Dictionary<string, int>(Visits);
        copy.Engagements = new List<string>(Engagements);
        return copy;
    }

    /// <summary>
    /// How often the run arrived at a step.
    /// </summary>
    public int VisitsOf(string nodeId) => nodeId != null && Visits.TryGetValue(nodeId, out var visits) ? visits : 0;

    /// <summary>
    /// A copy of an open run, ended outside the flow's steps (the customer is gone, its version is gone, the admin
    /// ended it, the customer unsubscribed): exited with the reason, nothing due and no wait.
    /// </summary>
    /// <param name="reason">Why it ended, in the dialect's words (e.g. "flowVersionMissing").</param>
    /// <param name="nowUtc">Now.</param>
    public FlowRunState EndedOutsideFlow(string reason, DateTime nowUtc)
    {
        var ended = Clone();
        ended.Status = RunStatus.Exited;
        ended.EndReason = reason;
        ended.EndedOnUtc = nowUtc;
        ended.DueOnUtc = null;
        ended.WaitReason = WaitReason.None;
        ended.WaitStartedOnUtc = null;
        return ended;
    }
}
