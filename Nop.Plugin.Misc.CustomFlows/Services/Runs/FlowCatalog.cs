using System.Collections.Concurrent;
using Nop.Data;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using Nop.Plugin.Misc.CustomFlows.Engine.Entry;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using Nop.Plugin.Misc.CustomFlows.Engine.Serialization;
using Nop.Plugin.Misc.CustomFlows.Engine.Validation;

namespace Nop.Plugin.Misc.CustomFlows.Services.Runs;

/// <summary>
/// Reads flow versions from the plugin's tables. Published versions are immutable, so a compiled
/// version is kept for the life of the application.
/// </summary>
public class FlowCatalog : IFlowCatalog
{
    #region Fields

    //keyed by the row and its text: a version row is immutable once published, and a database restored
    //or recreated under the same ids (tests, a reinstall) must not be served a stale compilation
    private static readonly ConcurrentDictionary<(int VersionId, int FlowId, int Number, string Json), CompiledFlow> CompiledVersions = new();

    private readonly IRepository<Flow> _flowRepository;
    private readonly IRepository<FlowVersion> _flowVersionRepository;

    #endregion

    #region Ctor

    public FlowCatalog(IRepository<Flow> flowRepository, IRepository<FlowVersion> flowVersionRepository)
    {
        _flowRepository = flowRepository;
        _flowVersionRepository = flowVersionRepository;
    }

    #endregion

    #region Methods

    /// <inheritdoc />
    public async Task<LiveFlows> GetLiveFlowsAsync()
    {
        var flows = await _flowRepository.GetAllAsync(query => query
            .Where(flow => flow.StatusId == (int)FlowStatus.Active && flow.PublishedVersionId != null));

        var versions = flows.Count == 0
            ? new List<FlowVersion>()
            : await _flowVersionRepository.GetByIdsAsync(flows.Select(flow => flow.PublishedVersionId!.Value).ToList());

        var compiled = new List<CompiledFlow>();
        var versionIds = new Dictionary<string, int>();
        foreach (var version in versions)
        {
            var flow = Compile(version);
            if (flow == null)
                continue;

            compiled.Add(flow);
            versionIds[flow.Id] = version.Id;
        }

        return new LiveFlows(compiled, TriggerIndex.Build(compiled), versionIds);
    }

    /// <inheritdoc />
    public async Task<CompiledFlow> GetVersionAsync(string flowId, int versionNumber)
    {
        if (!int.TryParse(flowId, out var id))
            return null;

        var version = (await _flowVersionRepository.GetAllAsync(query => query
            .Where(v => v.FlowId == id && v.VersionNumber == versionNumber))).FirstOrDefault();

        return version == null ? null : Compile(version);
    }

    /// <inheritdoc />
    public async Task<IReadOnlySet<string>> GetPausedFlowIdsAsync()
    {
        var paused = await _flowRepository.GetAllAsync(query => query.Where(flow => flow.StatusId == (int)FlowStatus.Paused));
        return paused.Select(flow => flow.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
    }

    /// <inheritdoc />
    public async Task<int> GetVersionIdAsync(string flowId, int versionNumber)
    {
        if (!int.TryParse(flowId, out var id))
            return 0;

        var version = (await _flowVersionRepository.GetAllAsync(query => query
            .Where(v => v.FlowId == id && v.VersionNumber == versionNumber))).FirstOrDefault();

        return version?.Id ?? 0;
    }

    #endregion

    #region Utilities

    private static CompiledFlow Compile(FlowVersion version)
    {
        var key = (version.Id, version.FlowId, version.VersionNumber, version.DefinitionJson ?? string.Empty);
        return CompiledVersions.GetOrAdd(key, _ =>
        {
            try
            {
                var definition = FlowJson.Deserialize(version.DefinitionJson);
                //the rows are the truth about identity: runs are pinned to (flow id, version number)
                definition.Id = version.FlowId.ToString();
                definition.Version = version.VersionNumber;
                return CompiledFlow.Compile(definition);
            }
            catch (Exception exception) when (exception is FlowFormatException or FlowValidationException)
            {
                return null;
            }
        }) ?? RemoveFailed(key);
    }

    private static CompiledFlow RemoveFailed((int, int, int, string) key)
    {
        //a version that does not compile is not cached, so a fixed plugin can read it after an update
        CompiledVersions.TryRemove(key, out _);
        return null;
    }

    #endregion
}
