using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Runtime;

/// <summary>
/// An action the engine decided on, for a channel outside the engine to perform. The channel must
/// perform each <see cref="IdempotencyKey"/> at most once: a run replayed after a crash emits the same key.
/// </summary>
public sealed class FlowEffect
{
    /// <summary>"{runId}:{nodeId}:{visit}": unique per performed action.</summary>
    public string IdempotencyKey { get; set; }

    /// <summary>The run.</summary>
    public long RunId { get; set; }

    /// <summary>The flow.</summary>
    public string FlowId { get; set; }

    /// <summary>The flow version.</summary>
    public int FlowVersion { get; set; }

    /// <summary>The action step.</summary>
    public string NodeId { get; set; }

    /// <summary>Which arrival at the step this is (1 for the first; more after a jump).</summary>
    public int Visit { get; set; }

    /// <summary>The customer.</summary>
    public int CustomerId { get; set; }

    /// <summary>The store of the run.</summary>
    public int StoreId { get; set; }

    /// <summary>When the engine decided on it.</summary>
    public DateTime CreatedOnUtc { get; set; }

    /// <summary>The split branch the run went through last, so reports can compare variants.</summary>
    public string Variant { get; set; }

    /// <summary>What to do (the action as defined in the flow).</summary>
    public FlowAction Action { get; set; }

    /// <summary>
    /// Builds the idempotency key of an action step visit.
    /// </summary>
    public static string KeyOf(long runId, string nodeId, int visit) => $"{runId}:{nodeId}:{visit}";
}
