using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Misc.CustomFlows.Areas.Admin.Models.Flows;

/// <summary>
/// "Use this template": the flow's name and the values the template needs from the shop
/// </summary>
public partial record TemplateUseModel : BaseNopModel
{
    public string TemplateName { get; set; }

    public string TemplateTitle { get; set; }

    [NopResourceDisplayName("Plugins.Misc.CustomFlows.Flows.Fields.Name")]
    public string Name { get; set; }

    public IList<TemplateParameterModel> Parameters { get; set; } = new List<TemplateParameterModel>();

    /// <summary>
    /// The message templates the flow sends, each linked to nopCommerce's editor (name and edit address)
    /// </summary>
    public IList<(string Name, string EditUrl)> MessageTemplates { get; set; } = new List<(string, string)>();
}

/// <summary>
/// One value a template needs
/// </summary>
public partial record TemplateParameterModel : BaseNopModel
{
    public string Key { get; set; }

    /// <summary>
    /// "Category", "Product" or "WebhookUrl"
    /// </summary>
    public string Kind { get; set; }

    public string Label { get; set; }

    /// <summary>
    /// The sample value the template carries, as a hint
    /// </summary>
    public string TemplateValue { get; set; }

    public string Value { get; set; }

    /// <summary>
    /// For a category or product: its name, once chosen
    /// </summary>
    public string ValueText { get; set; }
}
