using Nop.Data;
using Nop.Services.Configuration;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Nodes;
using Nop.Plugin.Misc.CustomFlows.Engine.Serialization;
using Nop.Plugin.Misc.CustomFlows.Scheduling;
using Nop.Plugin.Misc.CustomFlows.Services.Inbox;
using Nop.Plugin.Misc.CustomFlows.Services.Runs;

namespace Nop.Plugin.Misc.CustomFlows.Services.Dates;

/// <summary>
/// Once a day, finds for every date trigger of the live flows (field, offset, yearly or not) the customers whose
/// date falls on the day minus the offset (see <see cref="ICustomerDateService"/> for the fields a shop has), and
/// queues a "date" event for each; the inbox job then starts the flows like for any other event, with the same
/// entry rules. Idempotent per day: a repeated firing for the same day queues nothing new.
/// </summary>
public class DateTriggeredFlowStarter : IDateTriggeredFlowStarter
{
    #region Fields

    /// <summary>
    /// The customer date a nopCommerce shop has for every customer
    /// </summary>
    public const string BIRTHDAY = CustomerDateService.BIRTHDAY;

    private readonly ICustomerDateService _customerDateService;
    private readonly IFlowCatalog _flowCatalog;
    private readonly IRepository<FlowInboxEvent> _inboxRepository;
    private readonly IFlowInboxWriter _inboxWriter;
    private readonly ISettingService _settingService;

    #endregion

    #region Ctor

    public DateTriggeredFlowStarter(ICustomerDateService customerDateService,
        IFlowCatalog flowCatalog,
        IRepository<FlowInboxEvent> inboxRepository,
        IFlowInboxWriter inboxWriter,
        ISettingService settingService)
    {
        _settingService = settingService;
        _customerDateService = customerDateService;
        _flowCatalog = flowCatalog;
        _inboxRepository = inboxRepository;
        _inboxWriter = inboxWriter;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Queues the date events of a day
    /// </summary>
    /// <param name="localDate">The day being handled, in the store's time zone</param>
    /// <param name="cancellationToken">Signals that the scheduler is shutting down</param>
    /// <returns>The number of date events queued (each may start one run per matching flow)</returns>
    public async Task<int> StartFlowsForDateAsync(DateOnly localDate, CancellationToken cancellationToken)
    {
        //switched off or paused: no date events, so a birthday is not celebrated weeks late once flows run again
        var settings = await _settingService.LoadSettingAsync<CustomFlowsSettings>();
        if (!settings.Enabled || settings.PauseAll)
            return 0;

        var triggers = await GetDateTriggersOfLiveFlowsAsync();
        if (triggers.Count == 0)
            return 0;

        var dayMarker = $"\"localDate\":\"{localDate:yyyy-MM-dd}\"";
        var alreadyQueued = (await _inboxRepository.GetAllAsync(query => query
                .Where(e => e.EventType == FlowInboxEventTypes.DATE && e.PayloadJson.Contains(dayMarker))))
            .Select(e => ReadKey(e.CustomerId, e.PayloadJson))
            .ToHashSet();

        var queued = 0;
        foreach (var (field, offset, annual) in triggers)
        {
            //a positive offset starts the flow that many days after the date, so the date was that many days ago
            var target = localDate.AddDays(-offset);
            foreach (var date in await _customerDateService.GetCustomersWithDateAsync(field, target, annual))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!alreadyQueued.Add((date.CustomerId, field.ToLowerInvariant(), offset)))
                    continue;

                await _inboxWriter.WriteAsync(FlowInboxEventTypes.DATE, date.CustomerId, date.StoreId,
                    new DatePayload(field, date.Date, localDate, offset));
                queued++;
            }
        }

        return queued;
    }

    #endregion

    #region Utilities

    /// <summary>
    /// The distinct date triggers of the published versions of active flows
    /// </summary>
    private async Task<IReadOnlyCollection<(string Field, int Offset, bool Annual)>> GetDateTriggersOfLiveFlowsAsync()
    {
        //the live versions as the engine's loop sees them: a version that does not read is not in the catalog
        var catalog = await _flowCatalog.GetCatalogAsync();
        var triggers = new SortedSet<(string Field, int Offset, bool Annual)>();
        foreach (var flow in catalog.Live)
        {
            foreach (var start in flow.Definition.Nodes.OfType<StartNode>())
            {
                if (start.Trigger is { Event: FlowEventType.Date } trigger && !string.IsNullOrWhiteSpace(trigger.DateField))
                    triggers.Add((trigger.DateField.Trim(), trigger.OffsetDays, trigger.Annual));
            }
        }

        //one field under two spellings ("Birthday", "birthday") is looked up once
        return triggers.DistinctBy(trigger => (trigger.Field.ToLowerInvariant(), trigger.Offset, trigger.Annual)).ToList();
    }

    /// <summary>
    /// What makes a queued date event unique within its day
    /// </summary>
    private static (int CustomerId, string Field, int Offset) ReadKey(int customerId, string payloadJson)
    {
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(payloadJson);
            var root = json.RootElement;
            var field = root.TryGetProperty("dateField", out var name) ? name.GetString() ?? string.Empty : BIRTHDAY;
            var offset = root.TryGetProperty("offsetDays", out var days) ? days.GetInt32() : 0;
            return (customerId, field.ToLowerInvariant(), offset);
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            return (customerId, string.Empty, int.MinValue);
        }
    }

    #endregion
}
