using Nop.Plugin.Misc.CustomFlows.Engine.Guardrails;
using Nop.Plugin.Misc.CustomFlows.Engine.Ports;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Runtime;

/// <summary>
/// The world as one interpreter call sees it.
/// </summary>
/// <param name="Facts">The run's customer.</param>
/// <param name="Guardrails">Shop-wide limits.</param>
/// <param name="StoreTimeZone">Used when the customer's time zone is unknown.</param>
/// <param name="NowUtc">Now, from the caller's clock (a TimeProvider in the shop, a virtual clock in the simulator).</param>
public readonly record struct RunContext(ICustomerFacts Facts, GuardrailSettings Guardrails, TimeZoneInfo StoreTimeZone, DateTime NowUtc)
{
    /// <summary>The customer's time zone, or the store's when unknown.</summary>
    public TimeZoneInfo CustomerTimeZone => Facts?.TimeZone ?? StoreTimeZone ?? TimeZoneInfo.Utc;
}
