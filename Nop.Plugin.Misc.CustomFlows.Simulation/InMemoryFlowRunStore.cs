using Nop.Plugin.Misc.CustomFlows.Engine.Entry;
using Nop.Plugin.Misc.CustomFlows.Engine.Ports;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;

namespace Nop.Plugin.Misc.CustomFlows.Simulation;

/// <summary>
/// A run store in memory, for the simulator and tests; one process, no claims across nodes.
/// </summary>
public sealed class InMemoryFlowRunStore : IFlowRunStore
{
    private readonly Dictionary<long, FlowRunState> _runs = new();
    private readonly Dictionary<int, List<long>> _runsByCustomer = new();
    private readonly HashSet<(string, int, string)> _entryKeys = new();
    private long _lastId;

    /// <summary>Every run, by id.</summary>
    public IReadOnlyDictionary<long, FlowRunState> Runs => _runs;

    /// <inheritdoc />
    public Task<EntryHistory> GetEntryHistoryAsync(string flowId, int customerId, CancellationToken cancellationToken = default)
    {
        var open = false;
        DateTime? last = null;
        foreach (var run in RunsOf(customerId))
        {
            if (run.FlowId != flowId)
                continue;
            open |= !run.IsEnded;
            if (last == null || run.EnteredOnUtc > last)
                last = run.EnteredOnUtc;
        }

        return Task.FromResult(new EntryHistory(open, last));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<FlowRunState>> GetOpenRunsAsync(int customerId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<FlowRunState>>(RunsOf(customerId).Where(run => !run.IsEnded).ToList());

    /// <inheritdoc />
    public Task<IReadOnlyList<FlowRunState>> ClaimDueRunsAsync(DateTime nowUtc, int maxCount, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<FlowRunState>>(_runs.Values
            .Where(run => !run.IsEnded && run.DueOnUtc <= nowUtc)
            .OrderBy(run => run.DueOnUtc)
            .ThenBy(run => run.RunId)
            .Take(maxCount)
            .ToList());

    /// <inheritdoc />
    public Task<bool> HasEntryKeyAsync(string flowId, int customerId, string entryKey, CancellationToken cancellationToken = default) =>
        Task.FromResult(_entryKeys.Contains((flowId, customerId, entryKey ?? string.Empty)));

    /// <inheritdoc />
    public Task<FlowRunState> InsertAsync(FlowRunState run, string entryKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var stored = run.Clone();
        stored.RunId = ++_lastId;
        _runs[stored.RunId] = stored;
        if (!_runsByCustomer.TryGetValue(stored.CustomerId, out var ids))
            _runsByCustomer[stored.CustomerId] = ids = new List<long>();
        ids.Add(stored.RunId);
        if (!string.IsNullOrEmpty(entryKey))
            _entryKeys.Add((stored.FlowId, stored.CustomerId, entryKey));
        return Task.FromResult(stored);
    }

    /// <inheritdoc />
    public Task CommitAsync(RunCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        if (!_runs.ContainsKey(commit.Run.RunId))
            throw new InvalidOperationException($"Run {commit.Run.RunId} was never inserted.");

        _runs[commit.Run.RunId] = commit.Run;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task PostponeAsync(FlowRunState run, DateTime dueOnUtc, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (_runs.TryGetValue(run.RunId, out var stored) && !stored.IsEnded)
        {
            var postponed = stored.Clone();
            postponed.DueOnUtc = dueOnUtc;
            _runs[run.RunId] = postponed;
        }

        return Task.CompletedTask;
    }

    private IEnumerable<FlowRunState> RunsOf(int customerId) =>
        _runsByCustomer.TryGetValue(customerId, out var ids) ? ids.Select(id => _runs[id]) : [];
}
