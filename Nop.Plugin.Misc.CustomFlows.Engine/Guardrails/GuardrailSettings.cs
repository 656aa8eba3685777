using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Guardrails;

/// <summary>
/// Shop-wide limits that hold across all flows; the shop keeps them in its settings and passes them in.
/// </summary>
public sealed class GuardrailSettings
{
    /// <summary>Stops every flow: no entries, no steps; runs keep their state until unpaused.</summary>
    public bool PauseAll { get; set; }

    /// <summary>Limits on marketing messages per customer across all flows, e.g. 1 e-mail per 24 h and 3 per 7 days.</summary>
    public List<MessageBudgetRule> MessageBudget { get; set; } = new();

    /// <summary>Local hours in which no marketing e-mail is sent (postponed to the end of the quiet hours); null for none.</summary>
    public QuietHours QuietHours { get; set; }

    /// <summary>Local dates on which no marketing message is sent (postponed to the next allowed day).</summary>
    public List<DateOnly> BlackoutDates { get; set; } = new();
}

/// <summary>
/// At most <see cref="Max"/> marketing messages of a channel per sliding <see cref="Period"/>.
/// </summary>
public sealed class MessageBudgetRule
{
    /// <summary>The channel counted (e-mail or pop-up); null counts every marketing message.</summary>
    public ActionChannel? Channel { get; set; }

    /// <summary>Most messages within the period.</summary>
    public int Max { get; set; }

    /// <summary>The sliding window.</summary>
    public TimeSpan Period { get; set; }
}

/// <summary>
/// A nightly window on the customer's clock; may cross midnight (22:00 to 08:00).
/// </summary>
public sealed class QuietHours
{
    /// <summary>Local time the quiet hours begin.</summary>
    public TimeOnly Start { get; set; }

    /// <summary>Local time they end.</summary>
    public TimeOnly End { get; set; }
}
