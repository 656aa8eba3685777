namespace Nop.Plugin.Misc.CustomFlows.Services.Runs;

/// <summary>
/// Lets the admin look into one customer's runs and end a run by hand
/// </summary>
public interface IFlowRunInspector
{
    /// <summary>
    /// Finds a customer by e-mail and lists their runs in every flow, newest first
    /// </summary>
    /// <param name="email">The customer's e-mail address</param>
    /// <returns>
    /// A task that represents the asynchronous operation
    /// The task result contains the customer's runs; no customer and no runs when nobody has the address
    /// </returns>
    Task<CustomerFlowRuns> FindCustomerRunsAsync(string email);

    /// <summary>
    /// Gets what happened in a run: entry, actions and their opens and clicks, the current wait, the end, and the
    /// steps visited
    /// </summary>
    /// <param name="runId">Run identifier</param>
    /// <returns>
    /// A task that represents the asynchronous operation
    /// The task result contains the timeline; null when the run does not exist
    /// </returns>
    Task<FlowRunTimeline> GetRunTimelineAsync(int runId);

    /// <summary>
    /// Ends an open run by hand: it exits with the reason "endedByAdmin" (and the admin's words), stops waiting and
    /// frees the customer to enter the flow again as its re-entry rule allows
    /// </summary>
    /// <param name="runId">Run identifier</param>
    /// <param name="reason">Why, in the admin's words; may be empty</param>
    /// <returns>
    /// A task that represents the asynchronous operation
    /// The task result tells whether the run was ended, and if not why
    /// </returns>
    Task<EndRunOutcome> EndRunAsync(int runId, string reason);
}
