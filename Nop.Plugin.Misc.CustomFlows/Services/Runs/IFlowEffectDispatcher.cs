using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;

namespace Nop.Plugin.Misc.CustomFlows.Services.Runs;

/// <summary>
/// Carries out an effect the engine emitted (send an e-mail, show a pop-up, call a webhook, ...)
/// exactly once per idempotency key, however often it is handed over
/// </summary>
public interface IFlowEffectDispatcher
{
    /// <summary>
    /// Carries out an effect, or does nothing when its idempotency key was carried out before
    /// </summary>
    /// <param name="effect">The effect</param>
    /// <param name="run">The run that emitted it (after the step)</param>
    /// <param name="cancellationToken">Cancellation</param>
    Task DispatchAsync(FlowEffect effect, FlowRunState run, CancellationToken cancellationToken);
}
