using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;
using Nop.Plugin.Misc.CustomFlows.Engine.Entry;
using Nop.Plugin.Misc.CustomFlows.Engine.Facts;
using Nop.Plugin.Misc.CustomFlows.Engine.Guardrails;
using Nop.Plugin.Misc.CustomFlows.Engine.Ports;
using Nop.Plugin.Misc.CustomFlows.Engine.Processing;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using Nop.Plugin.Misc.CustomFlows.Engine.Time;

namespace Nop.Plugin.Misc.CustomFlows.Simulation;

/// <summary>
/// Replays a shop's history through flows on a virtual clock. The engine's <see cref="FlowProcessor"/>,
/// the loop the shop's jobs run, does the work (events reach open runs, then start the flows they
/// trigger; due runs are claimed and stepped; each step is committed, then its effects performed) over
/// in-memory ports; the simulator decides when (events in time order, due runs between them), keeps the
/// customers' facts true, and is the effect sink that plays every channel: e-mails and pop-ups are
/// recorded as sent (so the message budget counts them across flows), tag / score / funnel actions change
/// the customer's facts. One instance runs one simulation.
/// </summary>
public sealed class FlowSimulator : IFlowEffectSink
{
    private readonly IReadOnlyList<CompiledFlow> _flows;
    private readonly FlowCatalog _catalog;
    private readonly FlowProcessor _processor;
    private readonly SimulationOptions _options;
    private readonly EngineEnvironment _running;
    private readonly EngineEnvironment _paused;
    private readonly List<CompiledFlow> _dateFlows;
    private readonly VirtualClock _clock = new(DateTime.UnixEpoch);
    private readonly SimulationStatistics _stats;
    private readonly PriorityQueue<SimulationEvent, (DateTime, long)> _responses = new();
    private long _responseSequence;
    private int _responseEvents;
    private bool _started;
    private DateTime? _nextDailyJob;
    private DateTime _lastEventUtc;
    // the daily job runs over the days the history covers: any day up to an event, and the day after the last
    private DateTime _dailyJobsUntil = DateTime.MaxValue;
    private int _dateEvents;
    private bool _used;

    /// <summary>
    /// Prepares a simulation of the flows.
    /// </summary>
    /// <param name="flows">Compiled flow versions; several flows share the customers and the guardrails.</param>
    /// <param name="options">Guardrails, time zone, attribution window, horizon.</param>
    public FlowSimulator(IEnumerable<CompiledFlow> flows, SimulationOptions options = null)
    {
        ArgumentNullException.ThrowIfNull(flows);
        _flows = flows.ToList();
        _options = options ?? new SimulationOptions();
        // one live version per flow, as in the shop
        _catalog = new FlowCatalog(_flows);
        _processor = new FlowProcessor(Runs, Customers, this, new FlowInterpreter(), _clock);
        _dateFlows = _flows.Where(f => f.Trigger.Event == FlowEventType.Date).ToList();
        _stats = new SimulationStatistics(_flows, _options);
        var guardrails = _options.Guardrails ?? new GuardrailSettings();
        _running = new EngineEnvironment(guardrails, _options.StoreTimeZone);
        _paused = new EngineEnvironment(new GuardrailSettings
        {
            PauseAll = true,
            MessageBudget = guardrails.MessageBudget,
            QuietHours = guardrails.QuietHours,
            BlackoutDates = guardrails.BlackoutDates
        }, _options.StoreTimeZone);
    }

    /// <summary>The customers (facts port), filled by <see cref="Run"/>.</summary>
    public InMemoryCustomerFacts Customers { get; } = new();

    /// <summary>The runs (run store port), filled by <see cref="Run"/>.</summary>
    public SimulatedRunStore Runs { get; } = new();

    /// <summary>
    /// Replays the events (in time order), then runs the clock on until no run waits or the horizon is reached.
    /// </summary>
    /// <param name="events">The event stream; read once, lazily.</param>
    /// <param name="customers">Known customers; customers only seen in events start as guests without consent.</param>
    /// <exception cref="SimulationInputException">An event is earlier than the one before.</exception>
    public SimulationReport Run(IEnumerable<SimulationEvent> events, IEnumerable<SimulatedCustomer> customers = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (_used)
            throw new InvalidOperationException("A simulator runs one simulation; create a new one.");
        _used = true;

        foreach (var customer in customers ?? [])
            Customers.Add(customer);

        var report = new SimulationReport();
        var count = 0;
        foreach (var simulationEvent in events)
        {
            if (!_started)
            {
                _started = true;
                _clock.AdvanceTo(simulationEvent.OccurredOnUtc);
                report.StartedOnUtc = simulationEvent.OccurredOnUtc;
                _nextDailyJob = _dateFlows.Count == 0 ? null : FirstDailyJob(simulationEvent.OccurredOnUtc);
            }
            else if (simulationEvent.OccurredOnUtc < _lastEventUtc)
            {
                throw new SimulationInputException("events", simulationEvent.LineNumber,
                    $"event at {EventLineReader.Iso(simulationEvent.OccurredOnUtc)} is earlier than the one before ({EventLineReader.Iso(_lastEventUtc)}); events must be in time order.");
            }

            RunDueUntil(simulationEvent.OccurredOnUtc);
            _clock.AdvanceTo(simulationEvent.OccurredOnUtc);
            _lastEventUtc = simulationEvent.OccurredOnUtc;
            Handle(simulationEvent);
            count++;
        }

        var horizon = _lastEventUtc == default ? _clock.NowUtc : _lastEventUtc + _options.Horizon;
        _dailyJobsUntil = _lastEventUtc.AddDays(1);
        RunDueUntil(horizon);
        report.StoppedAtHorizon = Runs.NextDueOnUtc() != null || _responses.Count > 0;
        if (report.StoppedAtHorizon)
            _clock.AdvanceTo(horizon);

        foreach (var run in Runs.AllRuns)
        {
            if (!run.IsEnded)
                _stats.StillWaiting(run);
        }

        report.EndedOnUtc = _clock.NowUtc;
        report.Events = count;
        report.DateEvents = _dateEvents;
        report.ResponseEvents = _responseEvents;
        report.Customers = Customers.Count;
        report.Runs = Runs.Count;
        _stats.Finish(report, Runs.AllRuns.ToDictionary(r => r.RunId), Customers);
        return report;
    }

    private void RunDueUntil(DateTime untilUtc)
    {
        while (true)
        {
            var due = Runs.NextDueOnUtc();
            var job = _nextDailyJob is { } next && next <= untilUtc && next <= _dailyJobsUntil ? next : (DateTime?)null;
            if (job != null && (due == null || job <= due))
            {
                _clock.AdvanceTo(job.Value);
                RaiseDateEvents(job.Value);
                _nextDailyJob = LocalTime.ToUtc(DateOnly.FromDateTime(LocalTime.ToLocal(job.Value, _options.StoreTimeZone)).AddDays(1).ToDateTime(_options.DailyJobAt), _options.StoreTimeZone);
                continue;
            }

            if (_responses.TryPeek(out var response, out var respondAt) && respondAt.Item1 <= untilUtc && (due == null || respondAt.Item1 < due))
            {
                _responses.Dequeue();
                _clock.AdvanceTo(respondAt.Item1);
                _responseEvents++;
                Handle(response);
                continue;
            }

            if (due == null || due > untilUtc)
                return;

            // every run due at this instant, in one batch as the shop's job would claim them
            _clock.AdvanceTo(due.Value);
            Absorb(_processor.ProcessDueRunsAsync(_catalog, Environment(), int.MaxValue).GetAwaiter().GetResult(), due: true);
        }
    }

    private void Handle(SimulationEvent simulationEvent)
    {
        var customer = Customers.GetOrCreate(simulationEvent.CustomerId);
        UpdateFacts(customer, simulationEvent);
        var flowEvent = simulationEvent.Event;
        if (flowEvent == null)
            return;

        if (flowEvent.StoreId == 0)
            flowEvent.StoreId = customer.StoreId;
        if (simulationEvent.FlowId != null && flowEvent.RunId == null)
            flowEvent.RunId = _stats.RunOfMessage(customer.Id, simulationEvent.FlowId, flowEvent.NodeId) ?? -1;
        if (flowEvent.Type == FlowEventType.Date && flowEvent.LocalDate == null)
            flowEvent.LocalDate = DateOnly.FromDateTime(LocalTime.ToLocal(flowEvent.OccurredOnUtc, customer.Facts.TimeZone ?? _options.StoreTimeZone));
        if (flowEvent.Type == FlowEventType.OrderPlaced)
            _stats.OrderPlaced(customer.Id, flowEvent.OccurredOnUtc, flowEvent.Value);

        Process(flowEvent);
    }

    private void Process(FlowEvent flowEvent)
    {
        var processed = _processor.ProcessEventAsync(_catalog, flowEvent, Environment()).GetAwaiter().GetResult();
        foreach (var (flowId, decision) in processed.Entries)
        {
            if (decision != EntryDecision.Enter)
                _stats.NotEntered(LiveFlow(flowId), decision);
        }

        Absorb(processed, due: false);
    }

    /// <summary>
    /// Takes in what the loop could not do: due runs held by a pause come back when it ends; a failure is a bug here.
    /// </summary>
    private void Absorb(ProcessingReport processed, bool due)
    {
        if (processed.Failures.Count > 0)
            throw new InvalidOperationException($"Run {processed.Failures[0].Run.RunId} failed to step: {processed.Failures[0].Error.Message}", processed.Failures[0].Error);
        if (processed.SinkFailures.Count > 0)
            throw new InvalidOperationException($"The effects of run {processed.SinkFailures[0].Step.Result.Run.RunId} failed: {processed.SinkFailures[0].Error.Message}", processed.SinkFailures[0].Error);

        if (!due)
            return;
        foreach (var run in processed.Held)
            Runs.Requeue(run.RunId, PauseEnd(_clock.NowUtc));
    }

    /// <summary>
    /// The effect sink: counts the committed step and plays its channels on the customer's facts.
    /// </summary>
    Task IFlowEffectSink.HandleAsync(CommittedStep step, CancellationToken cancellationToken)
    {
        var result = step.Result;
        var run = result.Run;
        if (step.Entered)
            _stats.Entered(step.Flow, run, TriggerName(step.EnteredBy));

        var customer = Customers.GetOrCreate(run.CustomerId);
        _stats.Apply(result, step.Flow);
        foreach (var effect in result.Effects)
        {
            if (!Perform(customer.Facts, effect) || !effect.Action.IsMessage)
                continue;
            //as in the shop, only a message the channel delivered can have an order credited to it
            _stats.MessageDelivered(effect);
            if (_options.Responder != null)
                QueueResponses(effect, customer);
        }

        return Task.CompletedTask;
    }

    private CompiledFlow LiveFlow(string flowId) => _flows.First(f => f.Id == flowId);

    private void QueueResponses(FlowEffect effect, SimulatedCustomer customer)
    {
        foreach (var response in _options.Responder.Respond(effect, customer) ?? [])
        {
            if (response.OccurredOnUtc < _clock.NowUtc)
                response.OccurredOnUtc = _clock.NowUtc;
            if (response.Event != null)
                response.Event.OccurredOnUtc = response.OccurredOnUtc;
            _responses.Enqueue(response, (response.OccurredOnUtc, ++_responseSequence));
        }
    }

    /// <summary>
    /// The simulator is every channel: what a channel would change in the shop, it changes in the facts. Like the
    /// shop's e-mail channel, it sends a marketing e-mail only to a customer with newsletter consent; one it does not
    /// send counts for no budget and gets no reaction.
    /// </summary>
    /// <returns>Whether the effect reached the customer.</returns>
    private static bool Perform(CustomerSnapshot facts, FlowEffect effect)
    {
        var action = effect.Action;
        if (action is SendEmailAction { Category: EmailCategory.Marketing } && !facts.NewsletterSubscribed)
            return false;

        if (action.IsMessage)
            facts.Messages.Add(new SentMessage(effect.CreatedOnUtc, action.Channel, action.IsMarketingMessage, effect.FlowId));

        switch (action)
        {
            case AddTagAction tag:
                facts.Tags.Add(tag.Tag);
                break;
            case RemoveTagAction tag:
                facts.Tags.Remove(tag.Tag);
                break;
            case ChangeScoreAction score:
                facts.Score += score.Delta;
                break;
            case SetFunnelStageAction stage:
                facts.FunnelStage = stage.Stage;
                break;
        }

        return true;
    }

    private static void UpdateFacts(SimulatedCustomer customer, SimulationEvent simulationEvent)
    {
        var facts = customer.Facts;
        if (simulationEvent.FactChange == SimulationEvent.NewsletterUnsubscribed)
        {
            facts.NewsletterSubscribed = false;
            return;
        }

        var flowEvent = simulationEvent.Event;
        switch (flowEvent.Type)
        {
            case FlowEventType.CartUpdated:
                facts.Cart = simulationEvent.Items.ToList();
                facts.CartValue = flowEvent.Value;
                break;
            case FlowEventType.OrderPlaced:
                facts.Orders.Add(new OrderFact(flowEvent.OccurredOnUtc, flowEvent.Value, simulationEvent.Items));
                facts.Cart = new List<ProductRef>();
                facts.CartValue = 0;
                break;
            case FlowEventType.CustomerRegistered:
                facts.IsRegistered = true;
                facts.Roles.Remove("Guests");
                facts.Roles.Add("Registered");
                break;
            case FlowEventType.NewsletterSubscribed:
                facts.NewsletterSubscribed = true;
                break;
            case FlowEventType.TagAdded:
                facts.Tags.Add(flowEvent.Tag);
                break;
        }
    }

    /// <summary>
    /// The shop's daily job: a date event for every customer whose date (birthday, ...) makes a date flow's trigger fire
    /// today. Today is the store's day, as in the shop's job, for every customer: a flow that waits for a time of day on
    /// the customer's clock then reaches a customer behind the store on the morning of their own day.
    /// </summary>
    private void RaiseDateEvents(DateTime nowUtc)
    {
        var today = DateOnly.FromDateTime(LocalTime.ToLocal(nowUtc, _options.StoreTimeZone));
        foreach (var customer in Customers.All.OrderBy(c => c.Id).ToList())
        {
            if (customer.Dates.Count == 0)
                continue;

            foreach (var (field, value) in customer.Dates)
            {
                var flowEvent = new FlowEvent
                {
                    Type = FlowEventType.Date,
                    CustomerId = customer.Id,
                    OccurredOnUtc = nowUtc,
                    StoreId = customer.StoreId,
                    DateField = field,
                    DateValue = value,
                    LocalDate = today
                };
                if (!_dateFlows.Any(flow => TriggerMatcher.DateMatches(flow.Trigger, flowEvent)))
                    continue;

                _dateEvents++;
                Process(flowEvent);
            }
        }
    }

    private DateTime FirstDailyJob(DateTime firstEventUtc)
    {
        var zone = _options.StoreTimeZone;
        var localDate = DateOnly.FromDateTime(LocalTime.ToLocal(firstEventUtc, zone));
        var job = LocalTime.ToUtc(localDate.ToDateTime(_options.DailyJobAt), zone);
        return job < firstEventUtc ? LocalTime.ToUtc(localDate.AddDays(1).ToDateTime(_options.DailyJobAt), zone) : job;
    }

    private EngineEnvironment Environment()
    {
        var now = _clock.NowUtc;
        foreach (var pause in _options.Pauses)
        {
            if (now >= pause.FromUtc && now < pause.ToUtc)
                return _paused;
        }

        return _running;
    }

    private DateTime PauseEnd(DateTime nowUtc)
    {
        var end = nowUtc;
        foreach (var pause in _options.Pauses)
        {
            if (end >= pause.FromUtc && end < pause.ToUtc)
                end = pause.ToUtc;
        }

        // paused for good (PauseAll in the guardrails): nothing will ever move, leave the run where the horizon finds it
        return end == nowUtc ? DateTime.MaxValue : end;
    }

    private static string TriggerName(FlowEvent flowEvent) => flowEvent == null ? null : EventLineReader.NameOf(flowEvent.Type);
}
