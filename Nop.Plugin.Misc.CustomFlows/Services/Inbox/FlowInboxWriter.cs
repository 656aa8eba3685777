using System.Text.Json;
using Nop.Data;
using Nop.Plugin.Misc.CustomFlows.Domain;

namespace Nop.Plugin.Misc.CustomFlows.Services.Inbox;

/// <summary>
/// Writes inbox rows with the plugin's repository
/// </summary>
public class FlowInboxWriter : IFlowInboxWriter
{
    #region Fields

    internal static readonly JsonSerializerOptions PayloadJsonOptions = new(JsonSerializerDefaults.Web);

    private readonly IRepository<FlowInboxEvent> _inboxRepository;
    private readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public FlowInboxWriter(IRepository<FlowInboxEvent> inboxRepository, TimeProvider timeProvider)
    {
        _inboxRepository = inboxRepository;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Methods

    /// <inheritdoc />
    public async Task WriteAsync<TPayload>(string eventType, int customerId, int storeId, TPayload payload)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventType);

        var inboxEvent = new FlowInboxEvent
        {
            EventType = eventType,
            CustomerId = customerId,
            StoreId = storeId,
            PayloadJson = JsonSerializer.Serialize(payload, PayloadJsonOptions),
            CreatedOnUtc = _timeProvider.GetUtcNow().UtcDateTime
        };

        //no entity event: nothing in the shop needs to react to an inbox row, and the request stays short
        await _inboxRepository.InsertAsync(inboxEvent, publishEvent: false);
    }

    #endregion
}
