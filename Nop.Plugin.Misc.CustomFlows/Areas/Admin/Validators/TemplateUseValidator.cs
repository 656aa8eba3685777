using System.Globalization;
using FluentValidation;
using Nop.Plugin.Misc.CustomFlows.Areas.Admin.Models.Flows;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Services.Flows;
using Nop.Services.Localization;
using Nop.Web.Framework.Validators;

namespace Nop.Plugin.Misc.CustomFlows.Areas.Admin.Validators;

/// <summary>
/// A flow from a template needs a name and every value the template asks for, each of the right kind
/// </summary>
public partial class TemplateUseValidator : BaseNopValidator<TemplateUseModel>
{
    public TemplateUseValidator(ILocalizationService localizationService)
    {
        RuleFor(model => model.Name).NotEmpty()
            .WithMessageAwait(() => localizationService.GetResourceAsync($"{CustomFlowsDefaults.LocalePrefix}.Flows.Fields.Name.Required"));
        RuleFor(model => model.Name).MaximumLength(FlowFieldLengths.Name)
            .WithMessageAwait(() => localizationService.GetResourceAsync($"{CustomFlowsDefaults.LocalePrefix}.Flows.Fields.Name.TooLong"));
        RuleForEach(model => model.Parameters).Must(IsValid)
            .WithMessageAwait(() => localizationService.GetResourceAsync($"{CustomFlowsDefaults.LocalePrefix}.Templates.Parameter.Invalid"));
    }

    /// <summary>
    /// Whether a parameter's value is one the template can use: a positive id for a category or product, an absolute
    /// http(s) address for a webhook
    /// </summary>
    public static bool IsValid(TemplateParameterModel parameter)
    {
        var value = parameter?.Value?.Trim();
        if (string.IsNullOrEmpty(value))
            return false;

        return parameter.Kind == nameof(TemplateParameterKind.WebhookUrl)
            ? Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0;
    }
}
