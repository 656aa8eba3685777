using Nop.Data;
using Nop.Plugin.Misc.CustomFlows.Domain;

namespace Nop.Plugin.Misc.CustomFlows.Services.Privacy;

/// <summary>
/// Deletes a customer's rows from every plugin table that holds any (see <see cref="ICustomerDataEraser"/>). Bulk
/// deletes: no entity events, nothing for flows to react to. Statistics per step and day name no customer and stay.
/// </summary>
public class CustomerDataEraser : ICustomerDataEraser
{
    #region Fields

    private const string DeletedSuffix = "-DELETED";

    private readonly IRepository<CustomerFlowState> _stateRepository;
    private readonly IRepository<FlowActionLog> _actionLogRepository;
    private readonly IRepository<FlowInboxEvent> _inboxRepository;
    private readonly IRepository<FlowRun> _runRepository;
    private readonly IRepository<FlowVersion> _versionRepository;
    private readonly IRepository<PendingPopup> _popupRepository;
    private readonly IRepository<FlowAttribution> _attributionRepository;

    #endregion

    #region Ctor

    public CustomerDataEraser(IRepository<CustomerFlowState> stateRepository,
        IRepository<FlowActionLog> actionLogRepository,
        IRepository<FlowInboxEvent> inboxRepository,
        IRepository<FlowRun> runRepository,
        IRepository<FlowVersion> versionRepository,
        IRepository<PendingPopup> popupRepository,
        IRepository<FlowAttribution> attributionRepository)
    {
        _attributionRepository = attributionRepository;
        _stateRepository = stateRepository;
        _actionLogRepository = actionLogRepository;
        _inboxRepository = inboxRepository;
        _runRepository = runRepository;
        _versionRepository = versionRepository;
        _popupRepository = popupRepository;
    }

    #endregion

    #region Methods

    /// <inheritdoc />
    public async Task EraseAsync(int customerId, string email)
    {
        if (customerId <= 0)
            return;

        //runs first: the run pump finds nothing left to step, so no e-mail or webhook goes out for the customer
        await _runRepository.DeleteAsync(run => run.CustomerId == customerId);
        await _popupRepository.DeleteAsync(popup => popup.CustomerId == customerId);
        await _actionLogRepository.DeleteAsync(log => log.CustomerId == customerId);
        await _stateRepository.DeleteAsync(state => state.CustomerId == customerId);
        await _inboxRepository.DeleteAsync(row => row.CustomerId == customerId);
        //the orders credited to flows stay in the flows' revenue, no longer linked to the person
        var credited = await _attributionRepository.GetAllAsync(query => query.Where(row => row.CustomerId == customerId));
        foreach (var row in credited)
            row.CustomerId = 0;
        if (credited.Count > 0)
            await _attributionRepository.UpdateAsync(credited, publishEvent: false);

        //a newsletter event of the address written before it had an account (guest, customer 0) names it in its payload
        var address = email?.Trim();
        if (address?.EndsWith(DeletedSuffix, StringComparison.Ordinal) == true)
            address = address[..^DeletedSuffix.Length];
        if (!string.IsNullOrEmpty(address))
        {
            //the address as JSON writes it inside a string, so "anna@x" never matches "joanna@x"
            var quoted = "\"" + address + "\"";
            await _inboxRepository.DeleteAsync(row => row.PayloadJson != null && row.PayloadJson.Contains(quoted));
        }

        //an admin who published flows: the flows stay, their id goes
        var authored = await _versionRepository.GetAllAsync(query => query.Where(version => version.CreatedByCustomerId == customerId));
        foreach (var version in authored)
        {
            version.CreatedByCustomerId = 0;
            await _versionRepository.UpdateAsync(version, publishEvent: false);
        }
    }

    #endregion
}
