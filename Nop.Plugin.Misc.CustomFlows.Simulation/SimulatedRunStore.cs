using Nop.Plugin.Misc.CustomFlows.Engine.Entry;
using Nop.Plugin.Misc.CustomFlows.Engine.Ports;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;

namespace Nop.Plugin.Misc.CustomFlows.Simulation;

/// <summary>
/// The run store port in memory for simulations of millions of events: a due-time queue in place of
/// the shop's (status, due time) index and entry history kept per flow and customer, so claiming due
/// runs and checking re-entry cost the same with ten runs or a million (the engine's small
/// <see cref="InMemoryFlowRunStore"/> scans every run).
/// </summary>
public sealed class SimulatedRunStore : IFlowRunStore
{
    private readonly Dictionary<long, FlowRunState> _runs = new();
    private readonly Dictionary<int, List<long>> _openByCustomer = new();
    private readonly Dictionary<(string FlowId, int CustomerId), History> _history = new();
    private readonly PriorityQueue<long, (DateTime Due, long RunId)> _due = new();
    // the due time each run is queued under; older queue entries of the run are stale and skipped
    private readonly Dictionary<long, DateTime> _queuedDue = new();
    // entry keys in use (only flows entered every time have one, and only when the event has an identity)
    private readonly HashSet<(string FlowId, int CustomerId, string EntryKey)> _entryKeys = new();
    private long _lastRunId;

    /// <summary>Every run ever inserted, ended or not, in id order.</summary>
    public IEnumerable<FlowRunState> AllRuns => _runs.Values;

    /// <summary>The id of the latest run inserted (ids grow by one from 1).</summary>
    public long LastRunId => _lastRunId;

    /// <summary>Number of runs ever inserted.</summary>
    public int Count => _runs.Count;

    /// <summary>
    /// Stores a new run, gives it the next run id and queues it when it is due.
    /// </summary>
    public FlowRunState Insert(FlowRunState run)
    {
        ArgumentNullException.ThrowIfNull(run);
        run.RunId = ++_lastRunId;
        _runs[run.RunId] = run;
        var key = (run.FlowId, run.CustomerId);
        _history.TryGetValue(key, out var history);
        history.LastEnteredOnUtc = run.EnteredOnUtc;
        if (!run.IsEnded)
        {
            history.OpenRuns++;
            if (!_openByCustomer.TryGetValue(run.CustomerId, out var open))
                _openByCustomer[run.CustomerId] = open = new List<long>(2);
            open.Add(run.RunId);
        }

        _history[key] = history;
        Queue(run);
        return run;
    }

    /// <summary>
    /// Replaces a run's state; an ended run leaves the open runs, a waiting one is queued at its due time.
    /// </summary>
    public void Update(FlowRunState run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (!_runs.TryGetValue(run.RunId, out var old))
            throw new InvalidOperationException($"Run {run.RunId} was never inserted.");

        _runs[run.RunId] = run;
        if (run.IsEnded && !old.IsEnded)
        {
            _openByCustomer[run.CustomerId].Remove(run.RunId);
            var key = (run.FlowId, run.CustomerId);
            var history = _history[key];
            history.OpenRuns--;
            _history[key] = history;
            _queuedDue.Remove(run.RunId);
            return;
        }

        Queue(run);
    }

    /// <summary>
    /// Queues a run again at a later time without changing it (e.g. after a pause).
    /// </summary>
    public void Requeue(long runId, DateTime dueOnUtc)
    {
        _queuedDue[runId] = dueOnUtc;
        _due.Enqueue(runId, (dueOnUtc, runId));
    }

    /// <summary>The customer's runs that have not ended, oldest first (a copy, safe to change the store while walking it).</summary>
    public IReadOnlyList<FlowRunState> OpenRuns(int customerId)
    {
        if (!_openByCustomer.TryGetValue(customerId, out var open) || open.Count == 0)
            return [];

        var runs = new FlowRunState[open.Count];
        for (var i = 0; i < runs.Length; i++)
            runs[i] = _runs[open[i]];
        return runs;
    }

    /// <summary>What the re-entry rule needs about the customer's runs of a flow.</summary>
    public EntryHistory HistoryOf(string flowId, int customerId) =>
        _history.TryGetValue((flowId, customerId), out var history)
            ? new EntryHistory(history.OpenRuns > 0, history.LastEnteredOnUtc)
            : EntryHistory.None;

    /// <summary>The earliest due time of any queued run, or null when no run is due ever.</summary>
    public DateTime? NextDueOnUtc()
    {
        while (_due.TryPeek(out var runId, out var entry))
        {
            if (IsCurrent(runId, entry.Due))
                return entry.Due;
            _due.Dequeue();
        }

        return null;
    }

    /// <summary>
    /// Takes the earliest run due at or before <paramref name="nowUtc"/> off the queue.
    /// </summary>
    public bool TryClaimDue(DateTime nowUtc, out FlowRunState run)
    {
        run = null;
        if (NextDueOnUtc() is not { } due || due > nowUtc)
            return false;

        var runId = _due.Dequeue();
        _queuedDue.Remove(runId);
        run = _runs[runId];
        return true;
    }

    /// <inheritdoc />
    public Task<EntryHistory> GetEntryHistoryAsync(string flowId, int customerId, CancellationToken cancellationToken = default) =>
        Task.FromResult(HistoryOf(flowId, customerId));

    /// <inheritdoc />
    public Task<IReadOnlyList<FlowRunState>> GetOpenRunsAsync(int customerId, CancellationToken cancellationToken = default) =>
        Task.FromResult(OpenRuns(customerId));

    /// <inheritdoc />
    public Task<IReadOnlyList<FlowRunState>> ClaimDueRunsAsync(DateTime nowUtc, int maxCount, CancellationToken cancellationToken = default)
    {
        var claimed = new List<FlowRunState>();
        while (claimed.Count < maxCount && TryClaimDue(nowUtc, out var run))
            claimed.Add(run);
        return Task.FromResult<IReadOnlyList<FlowRunState>>(claimed);
    }

    /// <inheritdoc />
    public Task<bool> HasEntryKeyAsync(string flowId, int customerId, string entryKey, CancellationToken cancellationToken = default) =>
        Task.FromResult(_entryKeys.Contains((flowId, customerId, entryKey ?? string.Empty)));

    /// <inheritdoc />
    public Task<FlowRunState> InsertAsync(FlowRunState run, string entryKey, CancellationToken cancellationToken = default)
    {
        var inserted = Insert(run);
        if (!string.IsNullOrEmpty(entryKey))
            _entryKeys.Add((inserted.FlowId, inserted.CustomerId, entryKey));
        return Task.FromResult(inserted);
    }

    /// <inheritdoc />
    /// <remarks>One process, one writer: a commit never finds the run changed. The effects are the sink's.</remarks>
    public Task CommitAsync(RunCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        Update(commit.Run);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task PostponeAsync(FlowRunState run, DateTime dueOnUtc, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        Requeue(run.RunId, dueOnUtc);
        return Task.CompletedTask;
    }

    private void Queue(FlowRunState run)
    {
        if (run.IsEnded || run.DueOnUtc is not { } due)
            return;
        if (_queuedDue.TryGetValue(run.RunId, out var queued) && queued == due)
            return;

        _queuedDue[run.RunId] = due;
        _due.Enqueue(run.RunId, (due, run.RunId));
    }

    private bool IsCurrent(long runId, DateTime due) => _queuedDue.TryGetValue(runId, out var queued) && queued == due;

    private struct History
    {
        public int OpenRuns;
        public DateTime? LastEnteredOnUtc;
    }
}
