using Nop.Plugin.Misc.CustomFlows.Scheduling.Jobs;
using Nop.Plugin.Misc.CustomFlows.Scheduling.Serialization;
using Quartz.Simpl;
using Quartz.Spi;

namespace Nop.Plugin.Misc.CustomFlows.Scheduling;

/// <summary>
/// Resolves the plugin's own types (jobs, serializer) by their full name, whatever assembly version is
/// written next to it, and everything else the way Quartz does.
/// </summary>
/// <remarks>
/// A clustered store keeps each job's type name in the database. After a plugin update the stored name
/// carries the old assembly version, and nopCommerce loads plugin assemblies from its plugin folder rather
/// than from the application's probing path; matching the name against the plugin's own types avoids both
/// problems.
/// </remarks>
public sealed class FlowTypeLoadHelper : ITypeLoadHelper
{
    #region Fields

    private static readonly IReadOnlyDictionary<string, Type> _pluginTypes = new[]
    {
        typeof(DrainFlowInboxJob),
        typeof(AdvanceDueFlowRunsJob),
        typeof(StartDateTriggeredFlowsJob),
        typeof(FlowHousekeepingJob),
        typeof(QuartzJsonSerializer),
        typeof(FlowTypeLoadHelper)
    }.ToDictionary(type => type.FullName!, StringComparer.Ordinal);

    private readonly SimpleTypeLoadHelper _quartzLoader = new();

    #endregion

    #region Methods

    /// <summary>
    /// Called by Quartz once before the first load
    /// </summary>
    public void Initialize()
    {
        _quartzLoader.Initialize();
    }

    /// <summary>
    /// Loads a type by its (assembly-qualified) name
    /// </summary>
    /// <param name="name">The type name as written in settings or in the job store</param>
    /// <returns>The type, or <c>null</c> for an empty name</returns>
    public Type LoadType(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return null;

        var fullName = name.Split(',', 2)[0].Trim();
        return _pluginTypes.TryGetValue(fullName, out var pluginType) ? pluginType : _quartzLoader.LoadType(name);
    }

    #endregion
}
