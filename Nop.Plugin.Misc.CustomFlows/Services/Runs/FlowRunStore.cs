using System.Text.Json;
using System.Transactions;
using Nop.Data;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using Nop.Plugin.Misc.CustomFlows.Engine.Entry;
using Nop.Plugin.Misc.CustomFlows.Engine.Ports;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using Nop.Plugin.Misc.CustomFlows.Engine.Serialization;
using Nop.Plugin.Misc.CustomFlows.Services.Actions;

namespace Nop.Plugin.Misc.CustomFlows.Services.Runs;

/// <summary>
/// Keeps the engine's run states in the FlowRun table: the whole state as JSON, plus the columns the
/// hot queries need (status and due time, the one-active-run key, the customer). A step is committed in one
/// transaction with its effects recorded in the action log (the outbox), and only when the stored state is still
/// the one this store read
/// </summary>
public class FlowRunStore : IFlowRunStore
{
    #region Fields

    //the engine's one JSON dialect, so a stored state reads like the documented one
    internal static JsonSerializerOptions StateJsonOptions => FlowJson.Options;

    private readonly IFlowActionExecutor _actionExecutor;
    private readonly IFlowCatalog _flowCatalog;
    private readonly IRepository<FlowRun> _runRepository;

    /// <summary>
    /// The stored state of each run as this store (one per job firing) last read or wrote it
    /// </summary>
    private readonly Dictionary<long, string> _loaded = new();

    #endregion

    #region Ctor

    public FlowRunStore(IFlowActionExecutor actionExecutor, IFlowCatalog flowCatalog, IRepository<FlowRun> runRepository)
    {
        _actionExecutor = actionExecutor;
        _flowCatalog = flowCatalog;
        _runRepository = runRepository;
    }

    #endregion

    #region Methods

    /// <inheritdoc />
    public async Task<EntryHistory> GetEntryHistoryAsync(string flowId, int customerId, CancellationToken cancellationToken = default)
    {
        if (!int.TryParse(flowId, out var id))
            return EntryHistory.None;

        var runs = await _runRepository.GetAllAsync(query => query
            .Where(run => run.FlowId == id && run.CustomerId == customerId)
            .OrderByDescending(run => run.StartedOnUtc)
            .Take(50));

        if (runs.Count == 0)
            return EntryHistory.None;

        var open = runs.Any(run => run.StatusId is (int)FlowRunStatus.Running or (int)FlowRunStatus.Waiting);
        return new EntryHistory(open, runs.Max(run => run.StartedOnUtc));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<FlowRunState>> GetOpenRunsAsync(int customerId, CancellationToken cancellationToken = default)
    {
        var runs = await _runRepository.GetAllAsync(query => query
            .Where(run => run.CustomerId == customerId
                && (run.StatusId == (int)FlowRunStatus.Running || run.StatusId == (int)FlowRunStatus.Waiting))
            .OrderBy(run => run.Id));

        return runs.Select(Remember).ToList();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<FlowRunState>> ClaimDueRunsAsync(DateTime nowUtc, int maxCount, CancellationToken cancellationToken = default)
    {
        //runs of paused flows keep their place: left out here, they never fill a batch that others wait behind
        var paused = (await _flowCatalog.GetPausedFlowIdsAsync()).Select(int.Parse).ToList();

        //one processor at a time (the job is not concurrent, also across a cluster), so reading is claiming
        var runs = await _runRepository.GetAllAsync(query => query
            .Where(run => (run.StatusId == (int)FlowRunStatus.Waiting || run.StatusId == (int)FlowRunStatus.Running)
                && run.DueOnUtc != null && run.DueOnUtc <= nowUtc
                && !paused.Contains(run.FlowId))
            .OrderBy(run => run.DueOnUtc)
            .ThenBy(run => run.Id)
            .Take(maxCount));

        return runs.Select(Remember).ToList();
    }

    /// <inheritdoc />
    public async Task<bool> HasEntryKeyAsync(string flowId, int customerId, string entryKey, CancellationToken cancellationToken = default)
    {
        if (!int.TryParse(flowId, out var id))
            return false;

        var runs = await _runRepository.GetAllAsync(query => query
            .Where(run => run.FlowId == id && run.CustomerId == customerId && run.EntryKey == entryKey)
            .Take(1));
        return runs.Count > 0;
    }

    /// <summary>
    /// Saves a new run under an entry key: empty for flows a customer is in once at a time (the unique active key
    /// refuses a second open run), the starting event's key for flows entered every time
    /// </summary>
    /// <param name="run">The run as the engine created it</param>
    /// <param name="entryKey">Entry key</param>
    /// <param name="cancellationToken">Cancellation</param>
    /// <returns>The run with its identifier</returns>
    public async Task<FlowRunState> InsertAsync(FlowRunState run, string entryKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (!int.TryParse(run.FlowId, out var flowId))
            throw new ArgumentException($"Flow id \"{run.FlowId}\" is not a flow of this shop.", nameof(run));

        var entity = new FlowRun
        {
            FlowId = flowId,
            FlowVersionId = await _flowCatalog.GetVersionIdAsync(run.FlowId, run.FlowVersion),
            CustomerId = run.CustomerId,
            StoreId = run.StoreId,
            EntryKey = entryKey ?? string.Empty,
            StartedOnUtc = run.EnteredOnUtc,
            TriggerContextJson = JsonSerializer.Serialize(run.Trigger, StateJsonOptions)
        };
        entity.ActiveKey = FlowRunActiveKey.ForActive(flowId, run.CustomerId, entity.EntryKey);
        Apply(run, entity);
        //a new run is due at once: if processing stops before it is saved again, the due-run job carries it on
        entity.DueOnUtc ??= run.EnteredOnUtc;

        await _runRepository.InsertAsync(entity, publishEvent: false);

        var inserted = run.Clone();
        inserted.RunId = entity.Id;
        entity.StateJson = JsonSerializer.Serialize(inserted, StateJsonOptions);
        await _runRepository.UpdateAsync(entity, publishEvent: false);
        _loaded[inserted.RunId] = entity.StateJson;

        return inserted;
    }

    /// <inheritdoc />
    public async Task CommitAsync(RunCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var run = commit.Run;
        string saved;
        //serializable: of two writers that read the same state, one fails here instead of both saving (on every database)
        using (var transaction = new TransactionScope(TransactionScopeOption.Required,
                   new TransactionOptions { IsolationLevel = IsolationLevel.Serializable }, TransactionScopeAsyncFlowOption.Enabled))
        {
            var entity = await _runRepository.GetByIdAsync((int)run.RunId)
                ?? throw new InvalidOperationException($"Flow run {run.RunId} does not exist.");

            //another job (or node) saved the run since it was read here: saving this older copy would undo that step
            if (ChangedSinceRead(entity))
                throw new RunChangedException(run.RunId);

            await _actionExecutor.RecordAsync(commit.Effects, FlowActionContext.From(run));
            Apply(run, entity);
            await _runRepository.UpdateAsync(entity, publishEvent: false);
            saved = entity.StateJson;
            transaction.Complete();
        }

        _loaded[run.RunId] = saved;
    }

    /// <summary>
    /// Saves a run's new state without effects (a run ended outside its steps)
    /// </summary>
    public Task UpdateAsync(FlowRunState run, CancellationToken cancellationToken = default) =>
        CommitAsync(new RunCommit(run, []), cancellationToken);

    /// <inheritdoc />
    public Task PostponeAsync(FlowRunState run, DateTime dueOnUtc, string reason, CancellationToken cancellationToken = default) =>
        PostponeAsync(run.RunId, dueOnUtc, reason);

    /// <summary>
    /// Moves a run's due time after a failed step, keeping its state, and notes why
    /// </summary>
    /// <param name="runId">Run identifier</param>
    /// <param name="dueOnUtc">New due time</param>
    /// <param name="reason">What failed</param>
    public async Task PostponeAsync(long runId, DateTime dueOnUtc, string reason)
    {
        var entity = await _runRepository.GetByIdAsync((int)runId);
        if (entity == null)
            return;
        //moved on elsewhere meanwhile: nothing to postpone
        if (ChangedSinceRead(entity))
            return;

        entity.DueOnUtc = dueOnUtc;
        entity.ExitReason = reason?.Length > FlowFieldLengths.ExitReason ? reason[..FlowFieldLengths.ExitReason] : reason;
        await _runRepository.UpdateAsync(entity, publishEvent: false);
    }

    /// <summary>
    /// Ends an open run outside the engine (the admin ended it, deleted or archived its flow, or moved it out of a
    /// flow's new version): the row and its state say the same, the active key is freed and nothing is due any more
    /// </summary>
    /// <param name="entity">Stored run; changed in place, not saved</param>
    /// <param name="reason">Why the run ended, in the dialect's words (e.g. "endedByAdmin")</param>
    /// <param name="nowUtc">Now</param>
    /// <returns>False when the run had already ended</returns>
    public static bool EndByHand(FlowRun entity, string reason, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var state = ToState(entity);
        if (state.IsEnded)
            return false;

        Apply(Ended(state, reason, nowUtc), entity);
        return true;
    }

    /// <summary>
    /// A copy of an open run, ended outside the engine's steps (unsubscribe, a lost version, the admin): exited with
    /// the reason (cut to its column), nothing due and no wait
    /// </summary>
    /// <param name="run">The open run; not changed</param>
    /// <param name="reason">Why it ended, in the dialect's words</param>
    /// <param name="nowUtc">Now</param>
    public static FlowRunState Ended(FlowRunState run, string reason, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.EndedOutsideFlow(reason?.Length > FlowFieldLengths.ExitReason ? reason[..FlowFieldLengths.ExitReason] : reason, nowUtc);
    }

    /// <summary>
    /// Moves an open run onto another version of its flow (the admin migrated waiting customers after publishing)
    /// </summary>
    /// <param name="entity">Stored run; changed in place, not saved</param>
    /// <param name="versionId">Row id of the version the run moves to</param>
    /// <param name="versionNumber">Number of that version</param>
    /// <param name="nodeId">Step of that version the run continues at</param>
    /// <param name="keepWaiting">True when the step is the one the run waits at (same id and kind): its wait goes on;
    /// false to run the step afresh on the next due-runs pass</param>
    /// <param name="nowUtc">Now</param>
    public static void MoveToVersion(FlowRun entity, int versionId, int versionNumber, string nodeId, bool keepWaiting, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var state = ToState(entity);
        state.FlowVersion = versionNumber;
        if (!keepWaiting)
        {
            //the same shape the interpreter leaves when it stops at its step budget: the step runs on the next pass
            state.NodeId = nodeId;
            state.Status = RunStatus.Active;
            state.WaitReason = WaitReason.None;
            state.WaitStartedOnUtc = null;
            state.DueOnUtc = nowUtc;
            entity.DueOnUtc = nowUtc;
        }

        entity.FlowVersionId = versionId;
        Apply(state, entity);
    }

    #endregion

    #region Utilities

    private static void Apply(FlowRunState run, FlowRun entity)
    {
        entity.CurrentNodeId = run.NodeId ?? string.Empty;
        entity.Status = run.Status switch
        {
            RunStatus.Active => FlowRunStatus.Running,
            RunStatus.Waiting => FlowRunStatus.Waiting,
            RunStatus.Completed => FlowRunStatus.Completed,
            RunStatus.Converted => FlowRunStatus.Completed,
            _ => FlowRunStatus.Exited
        };
        entity.DueOnUtc = run.Status == RunStatus.Waiting ? run.DueOnUtc : (run.IsEnded ? null : entity.DueOnUtc);
        entity.Converted = run.Status == RunStatus.Converted;
        entity.ExitReason = run.EndReason;
        entity.EndedOnUtc = run.EndedOnUtc;
        if (run.IsEnded && entity.Id > 0)
            entity.ActiveKey = FlowRunActiveKey.ForEnded(entity.Id);
        if (entity.Id > 0)
            entity.StateJson = JsonSerializer.Serialize(run, StateJsonOptions);
    }

    /// <summary>
    /// Whether the stored run differs from the state this store read or wrote last
    /// </summary>
    private bool ChangedSinceRead(FlowRun entity) =>
        _loaded.TryGetValue(entity.Id, out var seen) && !string.Equals(seen, entity.StateJson, StringComparison.Ordinal);

    /// <summary>
    /// Reads a run and remembers the state it was read in, so its save can tell whether someone else saved it since
    /// </summary>
    private FlowRunState Remember(FlowRun entity)
    {
        _loaded[entity.Id] = entity.StateJson;
        return ToState(entity);
    }

    /// <summary>
    /// Reads a stored run back into the engine's state
    /// </summary>
    public static FlowRunState ToState(FlowRun entity)
    {
        var state = JsonSerializer.Deserialize<FlowRunState>(entity.StateJson, StateJsonOptions)
            ?? throw new InvalidOperationException($"Flow run {entity.Id} has no state.");
        state.RunId = entity.Id;
        return state;
    }

    #endregion
}
