using Nop.Plugin.Misc.CustomFlows.Areas.Admin.Models.Flows;

namespace Nop.Plugin.Misc.CustomFlows.Areas.Admin.Factories;

/// <summary>
/// Builds the models of the flow pages (list, create, flow page, migration, template gallery)
/// </summary>
public partial interface IFlowModelFactory
{
    /// <summary>
    /// Prepares the flow list page
    /// </summary>
    /// <param name="searchModel">Search model</param>
    Task<FlowSearchModel> PrepareFlowSearchModelAsync(FlowSearchModel searchModel);

    /// <summary>
    /// Prepares one page of the flow grid
    /// </summary>
    /// <param name="searchModel">Search model</param>
    Task<FlowListModel> PrepareFlowListModelAsync(FlowSearchModel searchModel);

    /// <summary>
    /// Prepares the create page
    /// </summary>
    /// <param name="model">Model to fill (keeps what the admin typed)</param>
    Task<FlowCreateModel> PrepareFlowCreateModelAsync(FlowCreateModel model);

    /// <summary>
    /// Prepares the Flow page; null when the flow does not exist
    /// </summary>
    /// <param name="flowId">Flow identifier</param>
    /// <param name="builderConfig">The builder's endpoints and antiforgery token, filled in by the controller, which knows the addresses</param>
    Task<FlowEditModel> PrepareFlowEditModelAsync(int flowId, IDictionary<string, object> builderConfig);

    /// <summary>
    /// Prepares the migration preview; null when there is nothing to migrate
    /// </summary>
    /// <param name="flowId">Flow identifier</param>
    /// <param name="fromVersion">Version the runs are on</param>
    Task<MigrationModel> PrepareMigrationModelAsync(int flowId, int fromVersion);

    /// <summary>
    /// Prepares the template gallery in the admin's language
    /// </summary>
    Task<TemplateGalleryModel> PrepareTemplateGalleryModelAsync();

    /// <summary>
    /// Prepares "use this template"; null when the template does not exist
    /// </summary>
    /// <param name="templateName">Template name</param>
    /// <param name="model">What the admin already entered, or null</param>
    Task<TemplateUseModel> PrepareTemplateUseModelAsync(string templateName, TemplateUseModel model = null);
}
