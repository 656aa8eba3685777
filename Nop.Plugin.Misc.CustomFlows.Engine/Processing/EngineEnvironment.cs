using Nop.Plugin.Misc.CustomFlows.Engine.Guardrails;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Processing;

/// <summary>
/// Shop-wide inputs of one processing batch; loaded by the caller each batch so setting changes apply at once.
/// </summary>
/// <param name="Guardrails">Pause, message budget, quiet hours, blackout dates.</param>
/// <param name="StoreTimeZone">For customers whose time zone is unknown.</param>
public sealed record EngineEnvironment(GuardrailSettings Guardrails, TimeZoneInfo StoreTimeZone);
