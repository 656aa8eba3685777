using Nop.Data;
using Nop.Plugin.Misc.CustomFlows.Domain;

namespace Nop.Plugin.Misc.CustomFlows.Services.Customers;

/// <summary>
/// Reads and changes a customer's <see cref="CustomerFlowState"/> row, the one way every writer (tags, score and
/// stage, the memory of sent messages, the consent snapshot) changes it: in the customer's turn at the
/// <see cref="CustomerStateGate"/>, creating the row on first use
/// </summary>
public class CustomerStateRows
{
    #region Fields

    private readonly CustomerStateGate _gate;
    private readonly IRepository<CustomerFlowState> _stateRepository;
    private readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public CustomerStateRows(CustomerStateGate gate, IRepository<CustomerFlowState> stateRepository, TimeProvider timeProvider)
    {
        _gate = gate;
        _stateRepository = stateRepository;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Gets a customer's row
    /// </summary>
    /// <param name="customerId">Customer identifier</param>
    /// <returns>The row; null when the customer has none yet</returns>
    public async Task<CustomerFlowState> GetAsync(int customerId)
    {
        var rows = await _stateRepository.GetAllAsync(query => query.Where(state => state.CustomerId == customerId));
        return rows.FirstOrDefault();
    }

    /// <summary>
    /// Changes a customer's row in the customer's turn, creating it when there is none
    /// </summary>
    /// <param name="customerId">Customer identifier</param>
    /// <param name="change">Changes the row; returns false when there is nothing to save</param>
    public async Task ChangeAsync(int customerId, Func<CustomerFlowState, bool> change)
    {
        using var turn = await _gate.EnterAsync(customerId);
        var nowUtc = _timeProvider.GetUtcNow().UtcDateTime;

        var state = await GetAsync(customerId);
        if (state is null)
        {
            state = new CustomerFlowState { CustomerId = customerId, TagsJson = "[]" };
            if (!change(state))
                return;

            state.UpdatedOnUtc = nowUtc;
            try
            {
                await _stateRepository.InsertAsync(state, false);
                return;
            }
            catch (Exception)
            {
                //another node created the customer's row at the same moment (unique index): change that one
                state = await GetAsync(customerId);
                if (state is null)
                    throw;
            }
        }

        if (!change(state))
            return;

        state.UpdatedOnUtc = nowUtc;
        await _stateRepository.UpdateAsync(state, false);
    }

    #endregion
}
