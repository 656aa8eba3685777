namespace Nop.Plugin.Misc.CustomFlows.Engine.Definition.Conditions;

/// <summary>Whether the customer has a tag.</summary>
public sealed class HasTagCondition : FlowCondition
{
    /// <summary>The tag (compared ignoring case).</summary>
    public string Tag { get; set; }
}

/// <summary>The customer's lead score compared with a value.</summary>
public sealed class ScoreCondition : NumericCondition
{
}

/// <summary>Whether the customer is in one of the funnel stages.</summary>
public sealed class FunnelStageCondition : FlowCondition
{
    /// <summary>The stages (compared ignoring case).</summary>
    public List<string> Stages { get; set; } = new();
}

/// <summary>Whether the customer agreed to the newsletter (or, with false, did not).</summary>
public sealed class NewsletterConsentCondition : FlowCondition
{
    /// <summary>The consent state that matches.</summary>
    public bool Subscribed { get; set; } = true;
}

/// <summary>Whether the customer's country is one of these (ISO 3166 two-letter codes).</summary>
public sealed class CountryCondition : FlowCondition
{
    /// <summary>The country codes.</summary>
    public List<string> Countries { get; set; } = new();
}

/// <summary>Whether the customer's language is one of these (ISO 639 codes, e.g. "pl").</summary>
public sealed class LanguageCondition : FlowCondition
{
    /// <summary>The language codes.</summary>
    public List<string> Languages { get; set; } = new();
}

/// <summary>Whether the customer belongs to one of these stores (the store of the run).</summary>
public sealed class StoreCondition : FlowCondition
{
    /// <summary>The store ids.</summary>
    public List<int> StoreIds { get; set; } = new();
}

/// <summary>Whether the customer has one of these roles (system names).</summary>
public sealed class CustomerRoleCondition : FlowCondition
{
    /// <summary>The role system names (compared ignoring case).</summary>
    public List<string> Roles { get; set; } = new();
}

/// <summary>Whether the customer is registered (true) or a guest (false).</summary>
public sealed class RegisteredCondition : FlowCondition
{
    /// <summary>The state that matches.</summary>
    public bool Registered { get; set; } = true;
}

/// <summary>
/// True for the given percentage of runs, deterministically per run and step, so a replay gives the same answer.
/// </summary>
public sealed class RandomPercentCondition : FlowCondition
{
    /// <summary>Share of runs for which the condition is true, 0 to 100.</summary>
    public decimal Percent { get; set; }
}
