using Nop.Data;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using Nop.Plugin.Misc.CustomFlows.Services.Reports;
using Nop.Services.Customers;

namespace Nop.Plugin.Misc.CustomFlows.Services.Runs;

/// <summary>
/// The admin's look into runs: a customer's runs, one run's timeline, and ending a run by hand
/// </summary>
public class FlowRunInspector : IFlowRunInspector
{
    #region Fields

    /// <summary>
    /// The most runs listed for one customer; flows entered on every event can give a customer many
    /// </summary>
    public const int MaxRunsListed = 200;

    private readonly ICustomerService _customerService;
    private readonly IRepository<Flow> _flowRepository;
    private readonly IRepository<FlowActionLog> _actionLogRepository;
    private readonly IRepository<FlowAttribution> _attributionRepository;
    private readonly IRepository<FlowRun> _runRepository;
    private readonly IRepository<FlowVersion> _versionRepository;
    private readonly FlowRunGate _gate;
    private readonly FlowRunStore _runStore;
    private readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public FlowRunInspector(ICustomerService customerService,
        IRepository<Flow> flowRepository,
        IRepository<FlowActionLog> actionLogRepository,
        IRepository<FlowAttribution> attributionRepository,
        IRepository<FlowRun> runRepository,
        IRepository<FlowVersion> versionRepository,
        FlowRunGate gate,
        FlowRunStore runStore,
        TimeProvider timeProvider)
    {
        _customerService = customerService;
        _flowRepository = flowRepository;
        _actionLogRepository = actionLogRepository;
        _attributionRepository = attributionRepository;
        _runRepository = runRepository;
        _versionRepository = versionRepository;
        _gate = gate;
        _runStore = runStore;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Methods

    /// <inheritdoc />
    public async Task<CustomerFlowRuns> FindCustomerRunsAsync(string email)
    {
        var address = email?.Trim();
        var customer = string.IsNullOrEmpty(address) ? null : await _customerService.GetCustomerByEmailAsync(address);
        if (customer == null)
            return new CustomerFlowRuns(null, address, []);

        //the list needs no state or trigger JSON: the columns it shows only
        var runs = await _runRepository.GetAllAsync(query => query
            .Where(run => run.CustomerId == customer.Id)
            .OrderByDescending(run => run.StartedOnUtc)
            .ThenByDescending(run => run.Id)
            .Take(MaxRunsListed)
            .Select(run => new FlowRun
            {
                Id = run.Id, FlowId = run.FlowId, FlowVersionId = run.FlowVersionId, StatusId = run.StatusId,
                StartedOnUtc = run.StartedOnUtc, EndedOnUtc = run.EndedOnUtc, CurrentNodeId = run.CurrentNodeId,
                DueOnUtc = run.DueOnUtc, Converted = run.Converted, ExitReason = run.ExitReason
            }));

        //a run's revenue is the orders credited to it by the attribution rule
        var runIds = runs.Select(run => run.Id).ToList();
        var revenue = runIds.Count == 0
            ? new Dictionary<int, decimal>()
            : (await _attributionRepository.GetAllAsync(query => query.Where(order => runIds.Contains(order.FlowRunId))))
                .GroupBy(order => order.FlowRunId)
                .ToDictionary(group => group.Key, group => group.Sum(order => order.OrderTotal));

        var flows = (await _flowRepository.GetByIdsAsync(runs.Select(run => run.FlowId).Distinct().ToList()))
            .ToDictionary(flow => flow.Id);
        var versions = (await _versionRepository.GetByIdsAsync(runs.Select(run => run.FlowVersionId).Distinct().ToList()))
            .ToDictionary(version => version.Id, version => (version.VersionNumber, Nodes: FlowStepLabels.ReadNodes(version.DefinitionJson)));

        return new CustomerFlowRuns(customer.Id, address, runs.Select(run =>
        {
            versions.TryGetValue(run.FlowVersionId, out var version);
            var node = version.Nodes?.FirstOrDefault(node => node.Id == run.CurrentNodeId);
            return new CustomerFlowRun(run.Id, run.FlowId, flows.GetValueOrDefault(run.FlowId)?.Name, version.VersionNumber, run.Status,
                Utc(run.StartedOnUtc), Utc(run.EndedOnUtc), run.CurrentNodeId, node != null ? FlowStepLabels.LabelOf(node) : run.CurrentNodeId,
                run.Status == FlowRunStatus.Waiting ? Utc(run.DueOnUtc) : null, run.Converted, revenue.GetValueOrDefault(run.Id), run.ExitReason);
        }).ToList());
    }

    /// <inheritdoc />
    public async Task<FlowRunTimeline> GetRunTimelineAsync(int runId)
    {
        var run = await _runRepository.GetByIdAsync(runId);
        if (run == null)
            return null;

        var flow = await _flowRepository.GetByIdAsync(run.FlowId);
        var version = await _versionRepository.GetByIdAsync(run.FlowVersionId);
        var logs = await _actionLogRepository.GetAllAsync(query => query.Where(log => log.FlowRunId == runId));
        var orders = await _attributionRepository.GetAllAsync(query => query.Where(order => order.FlowRunId == runId));

        return FlowRunTimelineBuilder.Build(run, flow?.Name, version, logs, orders);
    }

    /// <inheritdoc />
    public async Task<EndRunOutcome> EndRunAsync(int runId, string reason)
    {
        var row = await _runRepository.GetByIdAsync(runId);
        if (row == null)
            return EndRunOutcome.NotFound;

        //the processing jobs step and save runs in turns; ending one in between would be undone by their save
        using var turn = await _gate.EnterAsync(CancellationToken.None);

        //read through the run store, which then saves the end the way every end is saved (status, due time, and the
        //active key that frees re-entry) and refuses the save if another server stepped the run since this read
        var open = (await _runStore.GetOpenRunsAsync(row.CustomerId)).FirstOrDefault(run => run.RunId == runId);
        if (open == null)
            return EndRunOutcome.AlreadyEnded;

        var ended = FlowRunStore.Ended(open, ExitReasonOf(reason), _timeProvider.GetUtcNow().UtcDateTime);

        try
        {
            await _runStore.UpdateAsync(ended);
        }
        catch (Nop.Plugin.Misc.CustomFlows.Engine.Ports.RunChangedException)
        {
            return EndRunOutcome.ChangedMeanwhile;
        }

        return EndRunOutcome.Ended;
    }

    #endregion

    #region Utilities

    private static string ExitReasonOf(string reason)
    {
        //the admin's words follow the dialect's reason; FlowRunStore.Ended cuts the whole to its column
        return string.IsNullOrWhiteSpace(reason) ? CustomFlowsDefaults.EndReasons.BY_ADMIN : $"{CustomFlowsDefaults.EndReasons.BY_ADMIN}: {reason.Trim()}";
    }

    private static DateTime Utc(DateTime moment) => DateTime.SpecifyKind(moment, DateTimeKind.Utc);

    private static DateTime? Utc(DateTime? moment) => moment is { } value ? Utc(value) : null;

    #endregion
}
