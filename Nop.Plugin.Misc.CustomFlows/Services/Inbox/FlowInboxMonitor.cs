using Nop.Data;
using Nop.Plugin.Misc.CustomFlows.Domain;

namespace Nop.Plugin.Misc.CustomFlows.Services.Inbox;

/// <summary>
/// Reads quarantined events from the inbox table
/// </summary>
public class FlowInboxMonitor : IFlowInboxMonitor
{
    #region Fields

    private readonly IRepository<FlowInboxEvent> _inboxRepository;

    #endregion

    #region Ctor

    public FlowInboxMonitor(IRepository<FlowInboxEvent> inboxRepository)
    {
        _inboxRepository = inboxRepository;
    }

    #endregion

    #region Methods

    /// <inheritdoc />
    public async Task<(IList<QuarantinedEvent> Events, int Total)> GetQuarantinedAsync(int count = 20)
    {
        var page = await _inboxRepository.GetAllPagedAsync(query => query
            .Where(e => e.QuarantinedOnUtc != null)
            .OrderByDescending(e => e.QuarantinedOnUtc)
            .ThenByDescending(e => e.Id), pageIndex: 0, pageSize: Math.Max(1, count));

        var events = page
            .Select(e => new QuarantinedEvent(e.Id, e.EventType, e.CustomerId, e.Attempts, e.LastError, e.CreatedOnUtc, e.QuarantinedOnUtc!.Value))
            .ToList();

        return (events, page.TotalCount);
    }

    #endregion
}
