using Nop.Data;
using Nop.Plugin.Misc.CustomFlows.Domain;

namespace Nop.Plugin.Misc.CustomFlows.Services.Flows;

/// <summary>
/// Flows and their versions from the plugin's tables
/// </summary>
public class FlowService : IFlowService
{
    #region Fields

    private readonly IRepository<Flow> _flowRepository;
    private readonly IRepository<FlowVersion> _flowVersionRepository;

    #endregion

    #region Ctor

    public FlowService(IRepository<Flow> flowRepository, IRepository<FlowVersion> flowVersionRepository)
    {
        _flowRepository = flowRepository;
        _flowVersionRepository = flowVersionRepository;
    }

    #endregion

    #region Methods

    /// <inheritdoc />
    public async Task<IList<FlowSummary>> GetFlowSummariesAsync(bool includeArchived = false)
    {
        var flows = await _flowRepository.GetAllAsync(query => query
            .Where(flow => includeArchived || flow.StatusId != (int)FlowStatus.Archived)
            .OrderByDescending(flow => flow.Priority)
            .ThenBy(flow => flow.Name)
            .ThenBy(flow => flow.Id));

        var publishedIds = flows.Where(flow => flow.PublishedVersionId.HasValue).Select(flow => flow.PublishedVersionId.Value).ToList();
        var versionNumbers = publishedIds.Any()
            ? (await _flowVersionRepository.GetByIdsAsync(publishedIds)).ToDictionary(version => version.Id, version => version.VersionNumber)
            : new Dictionary<int, int>();

        return flows
            .Select(flow => new FlowSummary(flow.Id, flow.Name, flow.Status,
                flow.PublishedVersionId.HasValue && versionNumbers.TryGetValue(flow.PublishedVersionId.Value, out var number) ? number : null,
                flow.Priority, flow.UpdatedOnUtc))
            .ToList();
    }

    #endregion
}
