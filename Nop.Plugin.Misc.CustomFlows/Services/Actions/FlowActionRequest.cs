using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;

namespace Nop.Plugin.Misc.CustomFlows.Services.Actions;

/// <summary>
/// An action handed to a channel
/// </summary>
/// <param name="Effect">The action with its key, run, node, customer and store</param>
/// <param name="Context">What the run knows for personal content; never null</param>
public sealed record FlowActionRequest(FlowEffect Effect, FlowActionContext Context)
{
    /// <summary>
    /// Gets the action
    /// </summary>
    public FlowAction Action => Effect.Action;

    /// <summary>
    /// Gets the run identifier as stored in the plugin's tables
    /// </summary>
    public int RunId => checked((int)Effect.RunId);
}
