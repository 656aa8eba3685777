using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Time;
using Nop.Plugin.Misc.CustomFlows.Services.Actions;
using Nop.Plugin.Misc.CustomFlows.Simulation;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Replay;

/// <summary>
/// Plays a history through the shop host on the simulator's schedule: before each event, the daily date job, the
/// customers' reactions and the due runs up to the event's time, each at its exact moment and in the simulator's
/// order (date job before due runs of the same moment, due runs before reactions of the same moment); after the last
/// event, the same until the horizon. The shop's jobs run on a clock the replay sets, so the shop does at each moment
/// what its jobs would do had they fired then.
/// </summary>
internal sealed class ShopReplay
{
    private readonly ReplayShop _shop;
    private readonly SimulationOptions _options;
    private readonly bool _hasDateFlow;
    private readonly PriorityQueue<(SimulationEvent Event, string MessageKey), (DateTime, long)> _reactions = new();
    private long _reactionSequence;
    private int _lastLogSeen;
    private DateTime? _nextDateJob;
    private DateTime _dateJobsUntil = DateTime.MaxValue;

    public ShopReplay(ReplayShop shop, SimulationOptions options, bool hasDateFlow)
    {
        _shop = shop;
        _options = options;
        _hasDateFlow = hasDateFlow;
    }

    public async Task PlayAsync(IReadOnlyList<SimulationEvent> events)
    {
        _shop.Clock.UtcNow = events[0].OccurredOnUtc;
        _nextDateJob = _hasDateFlow ? FirstDateJob(events[0].OccurredOnUtc) : null;
        foreach (var simulationEvent in events)
        {
            await RunUntilAsync(simulationEvent.OccurredOnUtc);
            _shop.MoveClockTo(simulationEvent.OccurredOnUtc);
            await HandleAsync(simulationEvent, null);
        }

        var last = events[^1].OccurredOnUtc;
        _dateJobsUntil = last.AddDays(1);
        await RunUntilAsync(last + _options.Horizon);
    }

    private async Task RunUntilAsync(DateTime untilUtc)
    {
        while (true)
        {
            var due = _shop.NextDueOnUtc();
            if (_nextDateJob is { } job && job <= untilUtc && job <= _dateJobsUntil && (due == null || job <= due))
            {
                _shop.MoveClockTo(job);
                await _shop.RunDateJobAsync();
                await QueueReactionsAsync();
                var zone = _options.StoreTimeZone;
                _nextDateJob = LocalTime.ToUtc(DateOnly.FromDateTime(LocalTime.ToLocal(job, zone)).AddDays(1).ToDateTime(_options.DailyJobAt), zone);
                continue;
            }

            if (_reactions.TryPeek(out var reaction, out var at) && at.Item1 <= untilUtc && (due == null || at.Item1 < due))
            {
                _reactions.Dequeue();
                _shop.MoveClockTo(at.Item1);
                await HandleAsync(reaction.Event, reaction.MessageKey);
                continue;
            }

            if (due == null || due > untilUtc)
                return;

            _shop.MoveClockTo(due.Value);
            await _shop.AdvanceDueRunsAsync();
            await QueueReactionsAsync();
        }
    }

    private async Task HandleAsync(SimulationEvent simulationEvent, string messageKey)
    {
        await _shop.HandleAsync(simulationEvent, messageKey);
        await QueueReactionsAsync();
    }

    /// <summary>
    /// The customers' reactions to the messages the shop has delivered since the last look: e-mails queued and pop-ups
    /// waiting, asked of the same responder the simulator asks, about the customer as the shop sees them.
    /// </summary>
    private async Task QueueReactionsAsync()
    {
        if (_options.Responder == null)
            return;

        var delivered = _shop.ActionLogs.Table.Where(log => log.Id > _lastLogSeen).OrderBy(log => log.Id).ToList();
        foreach (var log in delivered)
        {
            _lastLogSeen = log.Id;
            if (log.Status == FlowActionStatus.Pending)
                throw new InvalidOperationException($"Action {log.IdempotencyKey} was recorded but not performed.");
            if (log.Status != FlowActionStatus.Succeeded || log.Channel is not (FlowChannel.Email or FlowChannel.Popup))
                continue;

            var effect = FlowActionExecutor.ReadOutboxEntry(log.EffectJson).Effect;
            var customer = new SimulatedCustomer(effect.CustomerId);
            customer.Facts.Cart = (await _shop.FactsAsync(effect.CustomerId)).Cart;
            foreach (var response in _options.Responder.Respond(effect, customer) ?? [])
                _reactions.Enqueue((response, effect.IdempotencyKey), (response.OccurredOnUtc, ++_reactionSequence));
        }
    }

    private DateTime FirstDateJob(DateTime firstEventUtc)
    {
        var zone = _options.StoreTimeZone;
        var localDate = DateOnly.FromDateTime(LocalTime.ToLocal(firstEventUtc, zone));
        var job = LocalTime.ToUtc(localDate.ToDateTime(_options.DailyJobAt), zone);
        return job < firstEventUtc ? LocalTime.ToUtc(localDate.AddDays(1).ToDateTime(_options.DailyJobAt), zone) : job;
    }
}
