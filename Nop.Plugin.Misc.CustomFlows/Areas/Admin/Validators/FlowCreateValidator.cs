using FluentValidation;
using Nop.Plugin.Misc.CustomFlows.Areas.Admin.Factories;
using Nop.Plugin.Misc.CustomFlows.Areas.Admin.Models.Flows;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Services.Localization;
using Nop.Web.Framework.Validators;

namespace Nop.Plugin.Misc.CustomFlows.Areas.Admin.Validators;

/// <summary>
/// A new flow needs a name that fits the column, and a blank one a trigger the engine knows
/// </summary>
public partial class FlowCreateValidator : BaseNopValidator<FlowCreateModel>
{
    public FlowCreateValidator(ILocalizationService localizationService)
    {
        //an imported document may carry its own name
        RuleFor(model => model.Name).NotEmpty().When(model => string.IsNullOrWhiteSpace(model.ImportJson))
            .WithMessageAwait(() => localizationService.GetResourceAsync($"{CustomFlowsDefaults.LocalePrefix}.Flows.Fields.Name.Required"));
        RuleFor(model => model.Name).MaximumLength(FlowFieldLengths.Name)
            .WithMessageAwait(() => localizationService.GetResourceAsync($"{CustomFlowsDefaults.LocalePrefix}.Flows.Fields.Name.TooLong"));
        RuleFor(model => model.TriggerEvent).Must(trigger => FlowModelFactory.TriggerEvents.Contains(trigger))
            .When(model => string.IsNullOrWhiteSpace(model.ImportJson))
            .WithMessageAwait(() => localizationService.GetResourceAsync($"{CustomFlowsDefaults.LocalePrefix}.Flows.Fields.Trigger.Required"));
    }
}
