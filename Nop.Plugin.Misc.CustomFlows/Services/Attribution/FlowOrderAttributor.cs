using System.Globalization;
using Nop.Data;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Nodes;
using Nop.Plugin.Misc.CustomFlows.Engine.Processing;
using Nop.Plugin.Misc.CustomFlows.Services.Runs;

namespace Nop.Plugin.Misc.CustomFlows.Services.Attribution;

/// <summary>
/// Credits a placed order to the flows whose messages the customer got within the attribution window before it, by
/// the one rule of <see cref="OrderAttribution"/> that the simulator and the backtest apply too. The messages are the
/// customer's action-log rows of e-mails, pop-ups and customer-messaging webhooks the channel accepted; each credit is
/// a <see cref="FlowAttribution"/> row, at most one per order and flow, which the reports, the flow list and the run
/// inspector read.
/// </summary>
public class FlowOrderAttributor
{
    #region Fields

    private readonly IRepository<FlowActionLog> _actionLogRepository;
    private readonly IRepository<FlowAttribution> _attributionRepository;
    private readonly IFlowCatalog _flowCatalog;
    private readonly IRepository<FlowRun> _runRepository;
    private readonly IRepository<FlowVersion> _versionRepository;

    #endregion

    #region Ctor

    public FlowOrderAttributor(IRepository<FlowActionLog> actionLogRepository,
        IRepository<FlowAttribution> attributionRepository,
        IFlowCatalog flowCatalog,
        IRepository<FlowRun> runRepository,
        IRepository<FlowVersion> versionRepository)
    {
        _actionLogRepository = actionLogRepository;
        _attributionRepository = attributionRepository;
        _flowCatalog = flowCatalog;
        _runRepository = runRepository;
        _versionRepository = versionRepository;
    }

    #endregion

    #region Methods

    /// <summary>
    /// The shop's attribution window (the setting, kept within 1 to 90 days)
    /// </summary>
    /// <param name="settings">The plugin's settings</param>
    public static TimeSpan WindowOf(CustomFlowsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var days = Math.Clamp(settings.AttributionWindowDays, 1, (int)OrderAttribution.MaxWindow.TotalDays);
        return TimeSpan.FromDays(days);
    }

    /// <summary>
    /// Credits an order to the flows that messaged its customer within the window before it; an order credited before
    /// (its inbox event handled again) is not credited twice
    /// </summary>
    /// <param name="orderId">The order</param>
    /// <param name="customerId">Its customer</param>
    /// <param name="placedOnUtc">When it was placed</param>
    /// <param name="orderTotal">Its total in the shop's primary currency</param>
    /// <param name="window">The attribution window</param>
    /// <returns>The credits written now</returns>
    public async Task<IReadOnlyList<FlowAttribution>> AttributeAsync(int orderId, int customerId, DateTime placedOnUtc, decimal orderTotal, TimeSpan window)
    {
        if (orderId <= 0 || customerId <= 0)
            return [];

        var since = OrderAttribution.WindowStart(placedOnUtc, window);
        var sent = (int)FlowActionStatus.Succeeded;
        int email = (int)FlowChannel.Email, popup = (int)FlowChannel.Popup, webhook = (int)FlowChannel.Webhook;
        var rows = await (from log in _actionLogRepository.Table
                          join run in _runRepository.Table on log.FlowRunId equals run.Id
                          join version in _versionRepository.Table on run.FlowVersionId equals version.Id
                          where log.CustomerId == customerId && log.StatusId == sent
                                && (log.ChannelId == email || log.ChannelId == popup || log.ChannelId == webhook)
                                && log.CreatedOnUtc >= since && log.CreatedOnUtc <= placedOnUtc
                          //an anonymous projection, which every linq2db provider translates
                          select new { log.FlowRunId, log.NodeId, log.ChannelId, log.CreatedOnUtc, run.FlowId, run.FlowVersionId, version.VersionNumber })
            .ToListAsync();
        if (rows.Count == 0)
            return [];

        var messages = new List<(AttributableMessage Message, SentRow Row)>();
        foreach (var found in rows)
        {
            var row = new SentRow(found.FlowRunId, found.NodeId, found.ChannelId, found.CreatedOnUtc, found.FlowId, found.FlowVersionId, found.VersionNumber);
            if (await IsMessageAsync(row))
                messages.Add((new AttributableMessage(row.FlowId.ToString(CultureInfo.InvariantCulture), row.VersionNumber, row.NodeId, row.FlowRunId, row.SentOnUtc), row));
        }

        var credited = OrderAttribution.Credit(messages.Select(message => message.Message), placedOnUtc, window);
        if (credited.Count == 0)
            return [];

        var flowIds = credited.Select(message => int.Parse(message.FlowId, CultureInfo.InvariantCulture)).ToList();
        var already = (await _attributionRepository.GetAllAsync(query => query
                .Where(attribution => attribution.OrderId == orderId && flowIds.Contains(attribution.FlowId))))
            .Select(attribution => attribution.FlowId)
            .ToHashSet();

        var written = new List<FlowAttribution>();
        foreach (var message in credited)
        {
            var row = messages.First(pair => ReferenceEquals(pair.Message, message)).Row;
            if (already.Contains(row.FlowId))
                continue;

            var attribution = new FlowAttribution
            {
                OrderId = orderId,
                FlowId = row.FlowId,
                FlowVersionId = row.FlowVersionId,
                NodeId = row.NodeId,
                FlowRunId = row.FlowRunId,
                CustomerId = customerId,
                OrderTotal = orderTotal,
                PlacedOnUtc = placedOnUtc,
                MessageSentOnUtc = row.SentOnUtc
            };
            await _attributionRepository.InsertAsync(attribution, publishEvent: false);
            written.Add(attribution);
        }

        return written;
    }

    /// <summary>
    /// Moves a guest's credited orders to the account they logged in to
    /// </summary>
    /// <param name="guestCustomerId">The guest</param>
    /// <param name="customerId">The account</param>
    public async Task MoveCustomerAsync(int guestCustomerId, int customerId)
    {
        var rows = await _attributionRepository.GetAllAsync(query => query.Where(attribution => attribution.CustomerId == guestCustomerId));
        foreach (var row in rows)
            row.CustomerId = customerId;
        if (rows.Count > 0)
            await _attributionRepository.UpdateAsync(rows, publishEvent: false);
    }

    #endregion

    #region Utilities

    /// <summary>
    /// E-mails and pop-ups always message the customer; a webhook only when its step says so. A version the catalog no
    /// longer holds (an archived flow) is judged by its channel alone.
    /// </summary>
    private async Task<bool> IsMessageAsync(SentRow row)
    {
        var flow = await _flowCatalog.GetVersionAsync(row.FlowId.ToString(CultureInfo.InvariantCulture), row.VersionNumber);
        var action = flow?.Definition.Nodes.OfType<ActionNode>().FirstOrDefault(node => node.Id == row.NodeId)?.Action;
        if (action != null)
            return action.IsMessage;

        return row.ChannelId is (int)FlowChannel.Email or (int)FlowChannel.Popup;
    }

    private sealed record SentRow(int FlowRunId, string NodeId, int ChannelId, DateTime SentOnUtc, int FlowId, int FlowVersionId, int VersionNumber);

    #endregion
}
