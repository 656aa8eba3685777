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

    /// <summary>
    /// Records effects as Pending rows of the action log, each with the effect itself (the outbox), without performing
    /// them; called inside the transaction that saves the step that produced them. Keys logged already are left alone.
    /// </summary>
    /// <param name="effects">The step's effects</param>
    /// <param name="context">What the channels need beyond the effect (the run's trigger products)</param>
    Task RecordAsync(IReadOnlyList<FlowEffect> effects, FlowActionContext context);

    /// <summary>
    /// Performs an effect recorded by <see cref="RecordAsync"/> and marks its row with the result; an effect recorded
    /// long ago, or performed already, is handled as <see cref="PerformAsync"/> handles a repeated key
    /// </summary>
    /// <param name="effect">The effect</param>
    /// <param name="context">What the channels need beyond the effect</param>
    Task<FlowActionResult> PerformRecordedAsync(FlowEffect effect, FlowActionContext context = null);

    /// <summary>
    /// Gets recorded effects still Pending after the retry window (their worker stopped), oldest first
    /// </summary>
    /// <param name="maxCount">At most this many</param>
    Task<IReadOnlyList<RecordedEffect>> GetLeftOverAsync(int maxCount);
}

/// <summary>
/// An effect as the outbox keeps it
/// </summary>
/// <param name="Effect">The effect as the engine decided on it</param>
/// <param name="ProductIds">The products of the run's trigger (for recommendations and tokens)</param>
public sealed record RecordedEffect(FlowEffect Effect, int[] ProductIds)
{
    /// <summary>
    /// The channels' context of the effect
    /// </summary>
    public FlowActionContext Context => new() { ProductIds = ProductIds ?? [] };
}
