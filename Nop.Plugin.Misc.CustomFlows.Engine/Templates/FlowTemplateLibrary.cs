using Nop.Plugin.Misc.CustomFlows.Engine.Ports;
using Nop.Plugin.Misc.CustomFlows.Engine.Templates.Scenarios;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Templates;

/// <summary>
/// The ready-made flows that ship with the plugin: ten scenarios in a basic and an advanced version,
/// plus browse abandonment, birthday, newsletter welcome and the order follow-up.
/// </summary>
public static class FlowTemplateLibrary
{
    private static readonly Lazy<IReadOnlyList<FlowTemplate>> Templates = new(Build);
    private static readonly Lazy<ITemplateLookup> LookupInstance = new(() => new LibraryTemplateLookup(All));

    /// <summary>Every template, grouped by scenario, basic before advanced.</summary>
    public static IReadOnlyList<FlowTemplate> All => Templates.Value;

    /// <summary>Tells validation which message templates the library provides.</summary>
    public static ITemplateLookup Lookup => LookupInstance.Value;

    /// <summary>
    /// The template with the name (ignoring case), or null when there is none.
    /// </summary>
    public static FlowTemplate Find(string name) =>
        name == null ? null : All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    private static IReadOnlyList<FlowTemplate> Build() =>
    [
        WinBackTemplates.Basic, WinBackTemplates.Advanced,
        AbandonedCartTemplates.Basic, AbandonedCartTemplates.Advanced,
        RepurchaseTemplates.Basic, RepurchaseTemplates.Advanced,
        UpsellTemplates.Basic, UpsellTemplates.Advanced,
        SubscriptionRenewalTemplates.Basic, SubscriptionRenewalTemplates.Advanced,
        OnboardingTemplates.Basic, OnboardingTemplates.Advanced,
        LeadNurturingTemplates.Basic, LeadNurturingTemplates.Advanced,
        RemarketingTemplates.Basic, RemarketingTemplates.Advanced,
        CrossSellTemplates.Basic, CrossSellTemplates.Advanced,
        NpsSurveyTemplates.Basic, NpsSurveyTemplates.Advanced,
        BrowseAbandonmentTemplate.Category,
        BirthdayTemplate.Offer,
        NewsletterWelcomeTemplate.Welcome,
        OrderFollowUpTemplate.FollowUp
    ];
}
