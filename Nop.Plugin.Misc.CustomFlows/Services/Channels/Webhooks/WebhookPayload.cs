namespace Nop.Plugin.Misc.CustomFlows.Services.Channels.Webhooks;

/// <summary>
/// The JSON body a webhook posts (camelCase)
/// </summary>
/// <param name="Event">Event name set on the flow step</param>
/// <param name="DeliveryId">The action's key; the same on every attempt</param>
/// <param name="FlowId">Flow</param>
/// <param name="FlowVersion">Flow version</param>
/// <param name="NodeId">Step</param>
/// <param name="RunId">Run</param>
/// <param name="CustomerId">Customer</param>
/// <param name="CustomerEmail">Customer's e-mail; null for a guest without one</param>
/// <param name="StoreId">Store</param>
/// <param name="OccurredOnUtc">When the flow decided on the action</param>
/// <param name="Variant">A/B/X branch the run went through; null when none</param>
public sealed record WebhookPayload(
    string Event,
    string DeliveryId,
    string FlowId,
    int FlowVersion,
    string NodeId,
    long RunId,
    int CustomerId,
    string CustomerEmail,
    int StoreId,
    DateTime OccurredOnUtc,
    string Variant);
