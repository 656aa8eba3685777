using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using EngineCatalog = Nop.Plugin.Misc.CustomFlows.Engine.Processing.FlowCatalog;

namespace Nop.Plugin.Misc.CustomFlows.Services.Runs;

/// <summary>
/// The shop's one catalog of flow versions, read from the plugin's tables and kept in nopCommerce's static cache:
/// the live version of each active flow (for new runs), every other published version (for runs pinned to it) and
/// the paused flows. Everything that needs a compiled version reads it here; nothing parses definitions again.
/// </summary>
public interface IFlowCatalog
{
    /// <summary>
    /// Gets the engine's catalog (live, pinned and paused) as of the last change
    /// </summary>
    Task<EngineCatalog> GetCatalogAsync();

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
    /// Gets the row id of a published flow version; 0 when it does not exist
    /// </summary>
    /// <param name="flowId">Flow identifier as the engine writes it</param>
    /// <param name="versionNumber">Version number</param>
    Task<int> GetVersionIdAsync(string flowId, int versionNumber);

    /// <summary>
    /// Drops the cached catalog after a flow was published, paused, resumed, archived or deleted; the next read builds it anew
    /// </summary>
    Task ResetAsync();
}
