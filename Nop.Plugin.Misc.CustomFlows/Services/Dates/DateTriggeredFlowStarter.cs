using Nop.Core.Domain.Customers;
using Nop.Data;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Nodes;
using Nop.Plugin.Misc.CustomFlows.Engine.Serialization;
using Nop.Plugin.Misc.CustomFlows.Scheduling;
using Nop.Plugin.Misc.CustomFlows.Services.Inbox;

namespace Nop.Plugin.Misc.CustomFlows.Services.Dates;

/// <summary>
/// Once a day, finds the customers whose birthday (shifted by each live flow's offset) falls on the
/// day, and queues a "date" event for each; the inbox job then starts the flows like for any other
/// event, with the same entry rules. Idempotent per day: a repeated firing for the same day queues
/// nothing new.
/// </summary>
public class DateTriggeredFlowStarter : IDateTriggeredFlowStarter
{
    #region Fields

    /// <summary>
    /// The customer date a nopCommerce shop has for every customer
    /// </summary>
    public const string BIRTHDAY = "birthday";

    private readonly IRepository<Customer> _customerRepository;
    private readonly IRepository<Flow> _flowRepository;
    private readonly IRepository<FlowInboxEvent> _inboxRepository;
    private readonly IRepository<FlowVersion> _flowVersionRepository;
    private readonly IFlowInboxWriter _inboxWriter;

    #endregion

    #region Ctor

    public DateTriggeredFlowStarter(IRepository<Customer> customerRepository,
        IRepository<Flow> flowRepository,
        IRepository<FlowInboxEvent> inboxRepository,
        IRepository<FlowVersion> flowVersionRepository,
        IFlowInboxWriter inboxWriter)
    {
        _customerRepository = customerRepository;
        _flowRepository = flowRepository;
        _inboxRepository = inboxRepository;
        _flowVersionRepository = flowVersionRepository;
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
        var offsets = await GetBirthdayOffsetsOfLiveFlowsAsync();
        if (offsets.Count == 0)
            return 0;

        var dayMarker = $"\"localDate\":\"{localDate:yyyy-MM-dd}\"";
        var alreadyQueued = (await _inboxRepository.GetAllAsync(query => query
                .Where(e => e.EventType == FlowInboxEventTypes.DATE && e.PayloadJson.Contains(dayMarker))))
            .Select(e => (e.CustomerId, Offset: ReadOffset(e.PayloadJson)))
            .ToHashSet();

        var queued = 0;
        foreach (var offset in offsets)
        {
            //a positive offset starts the flow that many days after the date, so the date was that many days ago
            var dateThisYear = localDate.AddDays(-offset);
            foreach (var customer in await GetCustomersBornOnAsync(dateThisYear))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (alreadyQueued.Contains((customer.Id, offset)))
                    continue;

                var dateOfBirth = DateOnly.FromDateTime(customer.DateOfBirth!.Value);
                await _inboxWriter.WriteAsync(FlowInboxEventTypes.DATE, customer.Id, customer.RegisteredInStoreId,
                    new DatePayload(BIRTHDAY, dateOfBirth, localDate, offset));
                queued++;
            }
        }

        return queued;
    }

    #endregion

    #region Utilities

    private async Task<IReadOnlyCollection<int>> GetBirthdayOffsetsOfLiveFlowsAsync()
    {
        var flows = await _flowRepository.GetAllAsync(query => query
            .Where(flow => flow.StatusId == (int)FlowStatus.Active && flow.PublishedVersionId != null));
        if (flows.Count == 0)
            return Array.Empty<int>();

        var versions = await _flowVersionRepository.GetByIdsAsync(flows.Select(flow => flow.PublishedVersionId!.Value).ToList());
        var offsets = new SortedSet<int>();
        foreach (var version in versions)
        {
            FlowDefinition definition;
            try
            {
                definition = FlowJson.Deserialize(version.DefinitionJson);
            }
            catch (FlowFormatException)
            {
                //a published version was validated when it was published; one that no longer reads
                //(e.g. written by a newer plugin) must not stop the birthdays of the other flows
                continue;
            }

            foreach (var start in definition.Nodes.OfType<StartNode>())
            {
                if (start.Trigger is { Event: FlowEventType.Date } trigger
                    && string.Equals(trigger.DateField, BIRTHDAY, StringComparison.OrdinalIgnoreCase))
                    offsets.Add(trigger.OffsetDays);
            }
        }

        return offsets;
    }

    private async Task<IList<Customer>> GetCustomersBornOnAsync(DateOnly day)
    {
        var month = day.Month;
        var dayOfMonth = day.Day;
        //people born on 29 February celebrate on the 28th when the year has no 29th
        var includeLeapDay = month == 2 && dayOfMonth == 28 && !DateTime.IsLeapYear(day.Year);

        return await _customerRepository.GetAllAsync(query => query
            .Where(customer => customer.Active && !customer.Deleted && customer.DateOfBirth != null
                && customer.DateOfBirth.Value.Month == month
                && (customer.DateOfBirth.Value.Day == dayOfMonth || (includeLeapDay && customer.DateOfBirth.Value.Day == 29)))
            .OrderBy(customer => customer.Id));
    }

    private static int ReadOffset(string payloadJson)
    {
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(payloadJson);
            return json.RootElement.TryGetProperty("offsetDays", out var offset) ? offset.GetInt32() : 0;
        }
        catch (System.Text.Json.JsonException)
        {
            return int.MinValue;
        }
    }

    #endregion
}
