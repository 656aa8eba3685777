using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;

namespace Nop.Plugin.Misc.CustomFlows.Services.Actions;

/// <summary>
/// One way of carrying out actions (e-mail, pop-up, webhook, ...). The executor records every action before it calls
/// a channel, so a channel performs, and never checks idempotency itself.
/// </summary>
public interface IFlowActionChannel
{
    /// <summary>
    /// Gets the channel an action is logged under, or <see cref="FlowChannel.None"/> when this channel does not perform it
    /// </summary>
    /// <param name="action">The action</param>
    FlowChannel GetLogChannel(FlowAction action);

    /// <summary>
    /// Performs the action
    /// </summary>
    /// <param name="request">The action, its customer and store</param>
    Task<FlowActionResult> PerformAsync(FlowActionRequest request);

    /// <summary>
    /// After a crash: finds the side effect of an action that was started but never marked done, so it is not
    /// repeated. Returns null when there is no trace of it, and the executor performs it again.
    /// </summary>
    /// <param name="request">The action</param>
    /// <param name="startedOnUtc">When the interrupted attempt was recorded</param>
    Task<FlowActionResult> FindPerformedAsync(FlowActionRequest request, DateTime startedOnUtc);
}
