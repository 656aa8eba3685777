using Nop.Data;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Services.Runs;
using Nop.Services.Logging;

namespace Nop.Plugin.Misc.CustomFlows.Services.Flows;

/// <summary>
/// Migration of waiting runs over the plugin's tables, in batches that take turns with the jobs stepping runs
/// </summary>
public class WaitingRunMigrationService : IWaitingRunMigrationService
{
    #region Constants

    /// <summary>
    /// Runs moved per batch
    /// </summary>
    public const int BatchSize = 500;

    #endregion

    #region Fields

    private readonly FlowRunGate _runGate;
    private readonly ICustomerActivityService _customerActivityService;
    private readonly IRepository<Flow> _flowRepository;
    private readonly IRepository<FlowRun> _runRepository;
    private readonly IRepository<FlowVersion> _versionRepository;
    private readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public WaitingRunMigrationService(FlowRunGate runGate,
        ICustomerActivityService customerActivityService,
        IRepository<Flow> flowRepository,
        IRepository<FlowRun> runRepository,
        IRepository<FlowVersion> versionRepository,
        TimeProvider timeProvider)
    {
        _runGate = runGate;
        _customerActivityService = customerActivityService;
        _flowRepository = flowRepository;
        _runRepository = runRepository;
        _versionRepository = versionRepository;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Methods

    /// <inheritdoc />
    public async Task<IReadOnlyList<(int VersionNumber, int Open)>> GetVersionsWithOpenRunsAsync(int flowId)
    {
        var flow = await _flowRepository.GetByIdAsync(flowId);
        if (flow == null)
            return [];

        var counts = await OpenRuns(flowId)
            .Where(run => run.FlowVersionId != flow.PublishedVersionId)
            .GroupBy(run => run.FlowVersionId)
            .Select(group => new { VersionId = group.Key, Open = group.Count() })
            .ToListAsync();
        if (counts.Count == 0)
            return [];

        var numbers = (await _versionRepository.GetByIdsAsync(counts.Select(count => count.VersionId).ToList()))
            .ToDictionary(version => version.Id, version => version.VersionNumber);

        return counts
            .Where(count => numbers.ContainsKey(count.VersionId))
            .Select(count => (numbers[count.VersionId], count.Open))
            .OrderBy(pair => pair.Item1)
            .ToList();
    }

    /// <inheritdoc />
    public async Task<MigrationPreview> PreviewAsync(int flowId, int fromVersion)
    {
        var (flow, from, to) = await GetVersionsAsync(flowId, fromVersion);
        if (flow == null)
            return null;

        var fromSteps = FlowSteps.Read(from.DefinitionJson).ToDictionary(step => step.Id, StringComparer.Ordinal);
        var targets = FlowSteps.Read(to.DefinitionJson);
        var sameKind = targets.ToDictionary(step => step.Id, StringComparer.Ordinal);

        var counts = await OpenRuns(flowId)
            .Where(run => run.FlowVersionId == from.Id)
            .GroupBy(run => run.CurrentNodeId)
            .Select(group => new { NodeId = group.Key, Open = group.Count() })
            .ToListAsync();

        var steps = counts
            .Select(count =>
            {
                var step = fromSteps.TryGetValue(count.NodeId ?? string.Empty, out var known)
                    ? known
                    : new FlowStep(count.NodeId ?? string.Empty, "unknown", null, string.Empty);
                var suggested = sameKind.TryGetValue(step.Id, out var target) && target.Kind == step.Kind ? target.Id : null;
                return new MigrationStepPreview(step, count.Open, suggested);
            })
            //in the order the older version lists its steps
            .OrderBy(preview => IndexOf(fromSteps.Keys, preview.Step.Id))
            .ToList();

        return new MigrationPreview(flowId, from.VersionNumber, to.VersionNumber, steps, targets.Where(step => step.Kind != "start").ToList());
    }

    /// <inheritdoc />
    public async Task<MigrationOutcome> ApplyAsync(int flowId, int fromVersion, IReadOnlyDictionary<string, string> targets)
    {
        var preview = await PreviewAsync(flowId, fromVersion);
        if (preview == null || targets == null)
            return null;

        //nothing moves unless every step the admin was shown has a decision that names a real step
        var targetSteps = preview.Targets.ToDictionary(step => step.Id, StringComparer.Ordinal);
        foreach (var step in preview.Steps)
        {
            if (!targets.TryGetValue(step.Step.Id, out var target) || string.IsNullOrEmpty(target))
                return null;
            if (target != IWaitingRunMigrationService.EndRun && !targetSteps.ContainsKey(target))
                return null;
        }

        var (flow, from, to) = await GetVersionsAsync(flowId, fromVersion);
        var moved = 0;
        var ended = 0;
        var lastId = 0;
        while (true)
        {
            using var turn = await _runGate.EnterAsync(CancellationToken.None);
            var batch = await _runRepository.GetAllAsync(query => query
                .Where(run => run.FlowId == flowId && run.FlowVersionId == from.Id && run.Id > lastId
                    && (run.StatusId == (int)FlowRunStatus.Running || run.StatusId == (int)FlowRunStatus.Waiting))
                .OrderBy(run => run.Id)
                .Take(BatchSize));
            if (batch.Count == 0)
                break;

            var now = _timeProvider.GetUtcNow().UtcDateTime;
            foreach (var run in batch)
            {
                //a run that reached a step after the preview was made has no decision: it stays where it is
                if (!targets.TryGetValue(run.CurrentNodeId ?? string.Empty, out var target))
                    continue;

                if (target == IWaitingRunMigrationService.EndRun)
                {
                    if (FlowRunStore.EndByHand(run, CustomFlowsDefaults.EndReasons.NOT_MIGRATED, now))
                        ended++;
                    continue;
                }

                var step = preview.Steps.First(candidate => candidate.Step.Id == run.CurrentNodeId);
                var keepWaiting = target == run.CurrentNodeId && target == step.SuggestedTarget;
                FlowRunStore.MoveToVersion(run, to.Id, to.VersionNumber, target, keepWaiting, now);
                moved++;
            }

            lastId = batch.Max(run => run.Id);
            await _runRepository.UpdateAsync(batch, publishEvent: false);
        }

        await _customerActivityService.InsertActivityAsync(CustomFlowsDefaults.ActivityLogTypes.RUNS_MIGRATED,
            $"Moved {moved} runs of flow \"{flow.Name}\" (id {flowId}) from version {from.VersionNumber} to {to.VersionNumber}; ended {ended}; "
            + string.Join(", ", targets.Select(pair => $"{pair.Key} -> {pair.Value}")), flow);

        return new MigrationOutcome(moved, ended);
    }

    #endregion

    #region Utilities

    private IQueryable<FlowRun> OpenRuns(int flowId) => _runRepository.Table
        .Where(run => run.FlowId == flowId
            && (run.StatusId == (int)FlowRunStatus.Running || run.StatusId == (int)FlowRunStatus.Waiting));

    private async Task<(Flow Flow, FlowVersion From, FlowVersion To)> GetVersionsAsync(int flowId, int fromVersion)
    {
        var flow = await _flowRepository.GetByIdAsync(flowId);
        if (flow?.PublishedVersionId is not { } liveId)
            return default;

        var to = await _versionRepository.GetByIdAsync(liveId);
        var from = (await _versionRepository.GetAllAsync(query => query
            .Where(version => version.FlowId == flowId && version.VersionNumber == fromVersion))).FirstOrDefault();
        if (to == null || from == null || from.Id == to.Id || from.VersionNumber == FlowVersion.DraftVersionNumber)
            return default;

        return (flow, from, to);
    }

    private static int IndexOf(IEnumerable<string> ids, string id)
    {
        var index = 0;
        foreach (var candidate in ids)
        {
            if (candidate == id)
                return index;
            index++;
        }

        return int.MaxValue;
    }

    #endregion
}
