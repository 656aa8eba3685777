using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;

namespace Nop.Plugin.Misc.CustomFlows.Services.Runs;

/// <summary>
/// Carries out an effect the engine emitted (send an e-mail, show a pop-up, call a webhook, ...)
/// exactly once per idempotency key, however often it is handed over
/// </summary>
public interface IFlowEffectDispatcher
{
    /// <summary>
    /// Carries out an effect recorded with its step, or does nothing when its idempotency key was carried out before
    /// </summary>
    /// <param name="effect">The effect</param>
    /// <param name="run">The run that emitted it (after the step)</param>
    /// <param name="cancellationToken">Cancellation</param>
    Task DispatchAsync(FlowEffect effect, FlowRunState run, CancellationToken cancellationToken);

    /// <summary>
    /// Carries out recorded effects that a stopped worker left unperformed (still Pending after the retry window), oldest first
    /// </summary>
    /// <param name="maxCount">At most this many</param>
    /// <param name="cancellationToken">Cancellation</param>
    /// <returns>How many were handled</returns>
    Task<int> PerformLeftOverAsync(int maxCount, CancellationToken cancellationToken);
}
