using Nop.Plugin.Misc.CustomFlows.Engine.Entry;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;

namespace Nop.Plugin.Misc.CustomFlows.Services.Runs;

/// <summary>
/// The flow versions the engine works with: the live ones (for new runs) and any pinned one (for
/// runs that entered an older version)
/// </summary>
public interface IFlowCatalog
{
    /// <summary>
    /// Gets the published versions of the active flows, compiled, with their trigger index
    /// </summary>
    Task<LiveFlows> GetLiveFlowsAsync();

    /// <summary>
    /// Gets a compiled flow version by the flow's id and the version number a run is pinned to;
    /// null when that version no longer exists or no longer reads
    /// </summary>
    /// <param name="flowId">Flow identifier as the engine writes it</param>
    /// <param name="versionNumber">Version number</param>
    Task<CompiledFlow> GetVersionAsync(string flowId, int versionNumber);

    /// <summary>
    /// Gets the ids (as the engine writes them) of the flows an admin paused: their runs keep their place, see no
    /// events and take no step until the flow is resumed
    /// </summary>
    Task<IReadOnlySet<string>> GetPausedFlowIdsAsync();

    /// <summary>
    /// Gets the row id of a flow version; 0 when it does not exist
    /// </summary>
    /// <param name="flowId">Flow identifier as the engine writes it</param>
    /// <param name="versionNumber">Version number</param>
    Task<int> GetVersionIdAsync(string flowId, int versionNumber);
}

/// <summary>
/// The live flows and the index that matches events to them
/// </summary>
/// <param name="Flows">Compiled live flows</param>
/// <param name="Index">Trigger index over <paramref name="Flows"/></param>
/// <param name="VersionIds">Row id of each live flow's version, by engine flow id</param>
public record LiveFlows(IReadOnlyList<CompiledFlow> Flows, TriggerIndex Index, IReadOnlyDictionary<string, int> VersionIds);
