using System.Globalization;
using Nop.Core.Caching;
using Nop.Data;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using Nop.Plugin.Misc.CustomFlows.Engine.Serialization;
using Nop.Plugin.Misc.CustomFlows.Engine.Validation;
using EngineCatalog = Nop.Plugin.Misc.CustomFlows.Engine.Processing.FlowCatalog;

namespace Nop.Plugin.Misc.CustomFlows.Services.Runs;

/// <summary>
/// Reads the flow versions from the plugin's tables into one catalog. The static cache holds the rows as read (a
/// plain snapshot, so a distributed cache can store it); the compiled catalog is built from a snapshot once per
/// process and shared by every job until the snapshot changes.
/// </summary>
public class FlowCatalog : IFlowCatalog
{
    #region Fields

    //the catalog compiled from the latest snapshot this process saw; a new snapshot (after a publish, on this node or
    //another) has a new stamp and is compiled once
    private static CompiledCatalog _compiled;

    private readonly IRepository<Flow> _flowRepository;
    private readonly IRepository<FlowVersion> _flowVersionRepository;
    private readonly IStaticCacheManager _staticCacheManager;

    #endregion

    #region Ctor

    public FlowCatalog(IRepository<Flow> flowRepository, IRepository<FlowVersion> flowVersionRepository, IStaticCacheManager staticCacheManager)
    {
        _flowRepository = flowRepository;
        _flowVersionRepository = flowVersionRepository;
        _staticCacheManager = staticCacheManager;
    }

    #endregion

    #region Methods

    /// <inheritdoc />
    public async Task<EngineCatalog> GetCatalogAsync() => (await GetCompiledAsync()).Catalog;

    /// <inheritdoc />
    public async Task<CompiledFlow> GetVersionAsync(string flowId, int versionNumber) =>
        (await GetCompiledAsync()).Catalog.Find(flowId, versionNumber);

    /// <inheritdoc />
    public async Task<IReadOnlySet<string>> GetPausedFlowIdsAsync() => (await GetCompiledAsync()).Paused;

    /// <inheritdoc />
    public async Task<int> GetVersionIdAsync(string flowId, int versionNumber) =>
        flowId != null && (await GetCompiledAsync()).VersionIds.TryGetValue((flowId, versionNumber), out var id) ? id : 0;

    /// <inheritdoc />
    public async Task ResetAsync() => await _staticCacheManager.RemoveAsync(CustomFlowsDefaults.FlowCatalogCacheKey);

    #endregion

    #region Utilities

    private async Task<CompiledCatalog> GetCompiledAsync()
    {
        var key = _staticCacheManager.PrepareKey(CustomFlowsDefaults.FlowCatalogCacheKey);
        var snapshot = await _staticCacheManager.GetAsync(key, ReadSnapshotAsync);
        var compiled = Volatile.Read(ref _compiled);
        if (compiled != null && string.Equals(compiled.Stamp, snapshot.Stamp, StringComparison.Ordinal))
            return compiled;

        compiled = Compile(snapshot);
        Volatile.Write(ref _compiled, compiled);
        return compiled;
    }

    private async Task<FlowCatalogSnapshot> ReadSnapshotAsync()
    {
        var flows = await _flowRepository.GetAllAsync(query => query);
        var versions = await _flowVersionRepository.GetAllAsync(query => query
            .Where(version => version.VersionNumber != FlowVersion.DraftVersionNumber)
            .OrderBy(version => version.Id));

        return new FlowCatalogSnapshot
        {
            Stamp = Guid.NewGuid().ToString("N"),
            Versions = versions.Select(version => new FlowCatalogSnapshot.Version
            {
                Id = version.Id,
                FlowId = version.FlowId,
                Number = version.VersionNumber,
                DefinitionJson = version.DefinitionJson
            }).ToList(),
            LiveVersionIds = flows
                .Where(flow => flow.StatusId == (int)FlowStatus.Active && flow.PublishedVersionId != null)
                .Select(flow => flow.PublishedVersionId!.Value)
                .ToList(),
            PausedFlowIds = flows.Where(flow => flow.StatusId == (int)FlowStatus.Paused).Select(flow => flow.Id).ToList()
        };
    }

    private static CompiledCatalog Compile(FlowCatalogSnapshot snapshot)
    {
        var live = new HashSet<int>(snapshot.LiveVersionIds ?? []);
        var liveFlows = new List<CompiledFlow>();
        var pinned = new List<CompiledFlow>();
        var versionIds = new Dictionary<(string, int), int>();
        foreach (var version in snapshot.Versions ?? [])
        {
            var flow = CompileVersion(version);
            if (flow == null)
                continue;

            versionIds[(flow.Id, flow.Version)] = version.Id;
            (live.Contains(version.Id) ? liveFlows : pinned).Add(flow);
        }

        var paused = (snapshot.PausedFlowIds ?? []).Select(id => id.ToString(CultureInfo.InvariantCulture)).ToHashSet();
        return new CompiledCatalog(snapshot.Stamp, new EngineCatalog(liveFlows, pinned, paused), versionIds, paused);
    }

    private static CompiledFlow CompileVersion(FlowCatalogSnapshot.Version version)
    {
        try
        {
            var definition = FlowJson.Deserialize(version.DefinitionJson ?? string.Empty);
            //the rows are the truth about identity: runs are pinned to (flow id, version number)
            definition.Id = version.FlowId.ToString(CultureInfo.InvariantCulture);
            definition.Version = version.Number;
            return CompiledFlow.Compile(definition);
        }
        catch (Exception exception) when (exception is FlowFormatException or FlowValidationException)
        {
            //a version that no longer reads (e.g. written by a newer plugin) starts nothing; its runs end as orphans
            return null;
        }
    }

    #endregion

    #region Nested classes

    private sealed record CompiledCatalog(string Stamp, EngineCatalog Catalog, IReadOnlyDictionary<(string, int), int> VersionIds, IReadOnlySet<string> Paused);

    #endregion
}

/// <summary>
/// The flow catalog's rows as the static cache keeps them: plain data, so any cache nopCommerce is configured with
/// (memory, Redis, SQL Server) can store it
/// </summary>
public class FlowCatalogSnapshot
{
    /// <summary>
    /// Gets or sets the identity of this reading of the tables; a new reading has a new stamp
    /// </summary>
    public string Stamp { get; set; }

    /// <summary>
    /// Gets or sets every published version
    /// </summary>
    public List<Version> Versions { get; set; } = new();

    /// <summary>
    /// Gets or sets the row ids of the live versions (one per active flow)
    /// </summary>
    public List<int> LiveVersionIds { get; set; } = new();

    /// <summary>
    /// Gets or sets the ids of the paused flows
    /// </summary>
    public List<int> PausedFlowIds { get; set; } = new();

    /// <summary>
    /// A published version row
    /// </summary>
    public class Version
    {
        /// <summary>Gets or sets the row id</summary>
        public int Id { get; set; }

        /// <summary>Gets or sets the flow id</summary>
        public int FlowId { get; set; }

        /// <summary>Gets or sets the version number</summary>
        public int Number { get; set; }

        /// <summary>Gets or sets the definition</summary>
        public string DefinitionJson { get; set; }
    }
}
