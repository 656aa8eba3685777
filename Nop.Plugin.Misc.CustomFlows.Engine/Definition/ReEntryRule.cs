namespace Nop.Plugin.Misc.CustomFlows.Engine.Definition;

/// <summary>
/// Whether a customer who already went through the flow may enter it again.
/// </summary>
public sealed class ReEntryRule
{
    /// <summary>
    /// The kind of rule.
    /// </summary>
    public ReEntryMode Mode { get; set; } = ReEntryMode.NotWhileActive;

    /// <summary>
    /// For <see cref="ReEntryMode.OncePerPeriod"/>: the period since the last entry, as a duration ("30d").
    /// </summary>
    public string Period { get; set; }
}

/// <summary>
/// Re-entry modes.
/// </summary>
public enum ReEntryMode
{
    /// <summary>A customer enters at most once, ever.</summary>
    OnceEver,

    /// <summary>A customer enters again only when the period has passed since the last entry.</summary>
    OncePerPeriod,

    /// <summary>Every matching event starts a new run, even while another one is active.</summary>
    EveryTime,

    /// <summary>A customer enters again only when no run of this flow is active for them.</summary>
    NotWhileActive
}
