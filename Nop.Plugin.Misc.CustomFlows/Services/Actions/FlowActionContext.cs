using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;

namespace Nop.Plugin.Misc.CustomFlows.Services.Actions;

/// <summary>
/// What the run knows beyond the effect itself, for personal content (the product a viewed-product flow started from)
/// </summary>
public sealed record FlowActionContext
{
    /// <summary>
    /// No context: the channels then use only what the shop knows about the customer
    /// </summary>
    public static FlowActionContext Empty { get; } = new();

    /// <summary>
    /// Products the triggering event was about (the viewed product first); empty when the trigger had none
    /// </summary>
    public IReadOnlyList<int> ProductIds { get; init; } = [];

    /// <summary>
    /// Takes what the run kept of its trigger
    /// </summary>
    /// <param name="run">The run whose effects are performed</param>
    public static FlowActionContext From(FlowRunState run) => new()
    {
        ProductIds = run?.Trigger?.ProductIds ?? []
    };
}
