using Nop.Plugin.Misc.CustomFlows.Areas.Admin.Models.Runs;

namespace Nop.Plugin.Misc.CustomFlows.Areas.Admin.Factories;

/// <summary>
/// Builds the models of the run inspector pages (a customer's runs, one run's timeline)
/// </summary>
public partial interface IFlowRunModelFactory
{
    /// <summary>
    /// Prepares the search page and, when an address is given, that customer's runs
    /// </summary>
    /// <param name="email">The customer's e-mail address; empty before the first search</param>
    /// <returns>
    /// A task that represents the asynchronous operation
    /// The task result contains the page's model
    /// </returns>
    Task<CustomerRunsModel> PrepareCustomerRunsModelAsync(string email);

    /// <summary>
    /// Prepares one run's page
    /// </summary>
    /// <param name="runId">Run identifier</param>
    /// <returns>
    /// A task that represents the asynchronous operation
    /// The task result contains the page's model; null when the run does not exist
    /// </returns>
    Task<FlowRunModel> PrepareFlowRunModelAsync(int runId);
}
