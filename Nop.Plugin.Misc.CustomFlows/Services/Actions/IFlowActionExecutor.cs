using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;

namespace Nop.Plugin.Misc.CustomFlows.Services.Actions;

/// <summary>
/// Carries out the actions flows decide on (e-mail, pop-up, webhook, tags, score, stage, staff alert, coupon),
/// each exactly once under its idempotency key
/// </summary>
public interface IFlowActionExecutor
{
    /// <summary>
    /// Performs an action unless it was already performed under the same key, in which case the recorded result is
    /// returned with <see cref="FlowActionResult.Replayed"/> set. Call it before saving the run's progress; calling
    /// it again after a crash is safe.
    /// </summary>
    /// <param name="effect">The action and its key (run, node, visit)</param>
    /// <param name="context">What the run knows for personal content; null for none</param>
    /// <returns>
    /// The result. Status Pending means another worker holds the same action right now: do not move the run on,
    /// try again later.
    /// </returns>
    Task<FlowActionResult> PerformAsync(FlowEffect effect, FlowActionContext context = null);
}
