using Nop.Plugin.Misc.CustomFlows.Domain;

namespace Nop.Plugin.Misc.CustomFlows.Services.Flows;

/// <summary>
/// One line of the admin flow list
/// </summary>
/// <param name="Id">Flow identifier</param>
/// <param name="Name">Flow name</param>
/// <param name="Status">Draft, active, paused or archived</param>
/// <param name="PublishedVersion">Number of the published version; null when never published</param>
/// <param name="Priority">Priority among flows reacting to the same event</param>
/// <param name="UpdatedOnUtc">Last change</param>
public record FlowSummary(int Id, string Name, FlowStatus Status, int? PublishedVersion, int Priority, DateTime UpdatedOnUtc);
