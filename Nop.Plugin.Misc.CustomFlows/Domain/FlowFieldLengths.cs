using Nop.Plugin.Misc.CustomFlows.Engine.Definition;

namespace Nop.Plugin.Misc.CustomFlows.Domain;

/// <summary>
/// Lengths of the plugin's bounded text columns, shared by the table mappings and the code that fills them;
/// the ones that hold texts of a flow definition are the engine's <see cref="FlowLimits"/>, which validation enforces
/// </summary>
public static class FlowFieldLengths
{
    /// <summary>
    /// Flow name
    /// </summary>
    public const int Name = FlowLimits.NameLength;

    /// <summary>
    /// Node identifier inside a flow definition
    /// </summary>
    public const int NodeId = FlowLimits.StepIdLength;

    /// <summary>
    /// Run entry key
    /// </summary>
    public const int EntryKey = FlowRunActiveKey.MaxEntryKeyLength;

    /// <summary>
    /// Run active key
    /// </summary>
    public const int ActiveKey = FlowRunActiveKey.MaxLength;

    /// <summary>
    /// Action idempotency key (run, node, visit)
    /// </summary>
    public const int IdempotencyKey = 200;

    /// <summary>
    /// Inbox event type name
    /// </summary>
    public const int EventType = 100;

    /// <summary>
    /// Reason a run ended early
    /// </summary>
    public const int ExitReason = FlowLimits.EndReasonLength;

    /// <summary>
    /// Funnel stage name
    /// </summary>
    public const int FunnelStage = FlowLimits.FunnelStageLength;
}
