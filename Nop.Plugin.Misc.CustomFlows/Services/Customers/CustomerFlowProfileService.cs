using System.Text.Json;
using Nop.Data;
using Nop.Plugin.Misc.CustomFlows.Domain;

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

        return new CustomerFlowProfile(customerId, ReadTags(state?.TagsJson), state?.Score ?? 0, state?.FunnelStage ?? string.Empty, activeRuns);
    }

    #endregion

    #region Utilities

    private static IReadOnlyList<string> ReadTags(string tagsJson)
    {
        if (string.IsNullOrWhiteSpace(tagsJson))
            return Array.Empty<string>();

        try
        {
            return (JsonSerializer.Deserialize<List<string>>(tagsJson) ?? new List<string>())
                .Where(tag => !string.IsNullOrWhiteSpace(tag))
                .OrderBy(tag => tag, StringComparer.OrdinalIgnoreCase)
                .ToList();
        }
        catch (JsonException)
        {
            //a damaged value must not break the admin customer page; the raw value stays in the table
            return Array.Empty<string>();
        }
    }

    #endregion
}
