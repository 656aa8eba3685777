using Nop.Plugin.Misc.CustomFlows.Engine.Guardrails;

namespace Nop.Plugin.Misc.CustomFlows.Simulation;

/// <summary>
/// How a simulation runs: the shop-wide guardrails applied across all flows, the store's time zone,
/// how revenue is attributed and how long the clock runs on after the last event.
/// </summary>
public sealed class SimulationOptions
{
    /// <summary>Message budget, quiet hours, blackout dates and pause, shared by every flow.</summary>
    public GuardrailSettings Guardrails { get; set; } = new();

    /// <summary>Periods in which all flows are paused (as if the admin pressed pause), in addition to <see cref="GuardrailSettings.PauseAll"/>.</summary>
    public List<PausePeriod> Pauses { get; set; } = new();

    /// <summary>Time zone of customers who have none.</summary>
    public TimeZoneInfo StoreTimeZone { get; set; } = TimeZoneInfo.Utc;

    /// <summary>An order counts as revenue of a flow when placed within this time after the flow's last message to the customer.</summary>
    public TimeSpan AttributionWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>After the last event the clock runs on until no run waits, but no further than this.</summary>
    public TimeSpan Horizon { get; set; } = TimeSpan.FromDays(60);

    /// <summary>
    /// Local time of the store at which the daily job raises date events (birthdays); 09:00 by
    /// default, the shop's own default (the plugin's <c>DateTriggerHour</c>).
    /// </summary>
    public TimeOnly DailyJobAt { get; set; } = new(9, 0);

    /// <summary>How customers react to messages (opens, clicks, orders); null: only the event stream happens.</summary>
    public IMessageResponder Responder { get; set; }

    /// <summary>Whether to keep every customer's timeline; off for very large simulations where only statistics matter.</summary>
    public bool RecordTimelines { get; set; } = true;
}

/// <summary>
/// A period in which every flow is paused.
/// </summary>
/// <param name="FromUtc">Start (inclusive).</param>
/// <param name="ToUtc">End (exclusive): due runs go on from here.</param>
public sealed record PausePeriod(DateTime FromUtc, DateTime ToUtc);
