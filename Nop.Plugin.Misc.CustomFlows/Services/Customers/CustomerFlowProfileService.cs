using Nop.Data;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Services.Channels.CustomerData;

namespace Nop.Plugin.Misc.CustomFlows.Services.Customers;

/// <summary>
/// Reads a customer's flow state from the plugin's tables
/// </summary>
public class CustomerFlowProfileService : ICustomerFlowProfileService
{
    #region Fields

    private readonly IRepository<CustomerFlowState> _stateRepository;
    private readonly IRepository<FlowRun> _runRepository;

    #endregion

    #region Ctor

    public CustomerFlowProfileService(IRepository<CustomerFlowState> stateRepository, IRepository<FlowRun> runRepository)
    {
        _stateRepository = stateRepository;
        _runRepository = runRepository;
    }

    #endregion

    #region Methods

    /// <inheritdoc />
    public async Task<CustomerFlowProfile> GetProfileAsync(int customerId)
    {
        var state = (await _stateRepository.GetAllAsync(query => query.Where(s => s.CustomerId == customerId))).FirstOrDefault();

        var activeRuns = (await _runRepository.GetAllAsync(query => query
            .Where(run => run.CustomerId == customerId
                && (run.StatusId == (int)FlowRunStatus.Running || run.StatusId == (int)FlowRunStatus.Waiting)))).Count;

        return new CustomerFlowProfile(customerId, CustomerDataChannel.ReadTags(state?.TagsJson).OrderBy(tag => tag, StringComparer.OrdinalIgnoreCase).ToList(), state?.Score ?? 0, state?.FunnelStage ?? string.Empty, activeRuns)
        {
            Consent = CustomerConsentSnapshot.Read(state?.ConsentJson).OrderBy(pair => pair.Key).Select(pair => (pair.Key, pair.Value)).ToList()
        };
    }

    #endregion
}
