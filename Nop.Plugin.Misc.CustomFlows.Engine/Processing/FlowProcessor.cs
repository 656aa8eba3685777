using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using Nop.Plugin.Misc.CustomFlows.Engine.Entry;
using Nop.Plugin.Misc.CustomFlows.Engine.Ports;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Processing;

/// <summary>
/// The one processing loop, hosted by the shop's jobs, the simulator and the backtest, which differ only in
/// their ports (run store, customer facts, effect sink, clock). For an event it decides which open runs the
/// event reaches and which flows it starts (priority, re-entry, entry key, audience, guardrails); for due runs
/// it claims and steps them. Every step is committed before anything of it is performed: the run's new state
/// and its effects are saved together (<see cref="IFlowRunStore.CommitAsync"/>, an outbox), then the sink
/// performs the recorded effects and counts the step.
/// </summary>
/// <remarks>
/// Order, the same in every host: the customer's open runs see an event before anything new starts (an order
/// converts them first), in order of their flow's priority, highest first, then oldest run first; the flows
/// the event starts are tried by priority, highest first. Due runs step in order of due time; runs due at the
/// same time step by their flow's priority, highest first, then oldest run first. Whoever steps first is
/// first to use the customer's message budget.
/// </remarks>
public sealed class FlowProcessor
{
    #region Fields

    /// <summary>How long a due run whose step failed waits before the next try.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromMinutes(5);

    /// <summary>Reason a due run ends with when the version it is pinned to is gone.</summary>
    public const string VersionMissing = "flowVersionMissing";

    /// <summary>Reason a due run ends with when its customer is gone.</summary>
    public const string CustomerMissing = "customerMissing";

    // a run another writer saved while an event was being handled is read again and offered the event again
    private const int EventAttemptsPerRun = 3;

    private readonly IFlowRunStore _runs;
    private readonly ICustomerFactsSource _facts;
    private readonly IFlowEffectSink _sink;
    private readonly FlowInterpreter _interpreter;
    private readonly TimeProvider _clock;

    #endregion

    #region Ctor

    /// <summary>
    /// Creates a processor.
    /// </summary>
    /// <param name="runs">Where runs live.</param>
    /// <param name="facts">Where customer facts come from.</param>
    /// <param name="sink">Performs committed effects and counts steps.</param>
    /// <param name="interpreter">Steps runs.</param>
    /// <param name="clock">Now (a virtual clock in the simulator).</param>
    public FlowProcessor(IFlowRunStore runs, ICustomerFactsSource facts, IFlowEffectSink sink, FlowInterpreter interpreter, TimeProvider clock)
    {
        _runs = runs ?? throw new ArgumentNullException(nameof(runs));
        _facts = facts ?? throw new ArgumentNullException(nameof(facts));
        _sink = sink ?? throw new ArgumentNullException(nameof(sink));
        _interpreter = interpreter ?? throw new ArgumentNullException(nameof(interpreter));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    #endregion

    #region Methods

    /// <summary>
    /// The entry key of a run an event starts: flows entered every time may hold several open runs of a
    /// customer, one per starting event, and an event handled again finds the run it already started; all
    /// other flows hold one open run per customer (empty key).
    /// </summary>
    /// <param name="flow">The flow.</param>
    /// <param name="eventKey">The host's identity of the event (the shop's inbox row); null when it has none.</param>
    public static string EntryKeyFor(CompiledFlow flow, string eventKey) =>
        flow.Settings.ReEntry.Mode == ReEntryMode.EveryTime && !string.IsNullOrEmpty(eventKey) ? "event:" + eventKey : string.Empty;

    /// <summary>
    /// Lets the customer's open runs see the event first (so an order converts them before anything new
    /// starts), then starts every live flow the event triggers and whose entry rules allow it.
    /// </summary>
    /// <param name="catalog">The flow versions.</param>
    /// <param name="flowEvent">The event; its facts must already be visible through the facts source.</param>
    /// <param name="environment">Guardrails and the store's time zone.</param>
    /// <param name="eventKey">The host's identity of the event, so handling it again starts nothing twice; null when none.</param>
    /// <param name="cancellationToken">Cancels between runs.</param>
    public async Task<ProcessingReport> ProcessEventAsync(FlowCatalog catalog, FlowEvent flowEvent, EngineEnvironment environment,
        string eventKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(flowEvent);
        ArgumentNullException.ThrowIfNull(environment);
        var report = new ProcessingReport();
        var loaded = await _facts.GetFactsAsync(flowEvent.CustomerId, flowEvent.StoreId, cancellationToken);
        if (loaded == null)
            return report;

        var facts = new PendingMessagesFacts(loaded);
        var now = _clock.GetUtcNow().UtcDateTime;
        var context = new RunContext(facts, environment.Guardrails, environment.StoreTimeZone, now);

        var open = (await _runs.GetOpenRunsAsync(flowEvent.CustomerId, cancellationToken))
            .OrderByDescending(run => catalog.Find(run.FlowId, run.FlowVersion)?.Settings.Priority ?? 0)
            .ThenBy(run => run.RunId)
            .ToList();
        foreach (var openRun in open)
        {
            cancellationToken.ThrowIfCancellationRequested();
            //a paused flow's runs hold still: nothing they could do on this event may be sent
            if (catalog.IsPaused(openRun.FlowId))
                continue;

            var flow = catalog.Find(openRun.FlowId, openRun.FlowVersion);
            if (flow == null)
            {
                report.Orphans.Add(openRun);
                continue;
            }

            var run = openRun;
            for (var attempt = 1; run != null; attempt++)
            {
                var result = _interpreter.HandleEvent(run, flow, flowEvent, context);
                if (result.Outcome == StepOutcome.Paused)
                {
                    report.Held.Add(run);
                    break;
                }

                if (ReferenceEquals(result.Run, run))
                    break;

                try
                {
                    await CommitAsync(result, flow, null, facts, report, cancellationToken);
                    break;
                }
                catch (RunChangedException) when (attempt < EventAttemptsPerRun)
                {
                    //saved by the due-runs job meanwhile: the event is offered to the state it saved
                    run = (await _runs.GetOpenRunsAsync(flowEvent.CustomerId, cancellationToken)).FirstOrDefault(r => r.RunId == openRun.RunId);
                }
            }
        }

        var matches = new List<CompiledFlow>();
        catalog.Index.Match(flowEvent, matches);
        foreach (var flow in matches.OrderByDescending(flow => flow.Settings.Priority))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var entryKey = EntryKeyFor(flow, eventKey);
            if (entryKey.Length > 0 && await _runs.HasEntryKeyAsync(flow.Id, flowEvent.CustomerId, entryKey, cancellationToken))
                continue;

            var history = await _runs.GetEntryHistoryAsync(flow.Id, flowEvent.CustomerId, cancellationToken);
            var decision = EntryRules.Decide(flow, flowEvent, facts, history, environment.Guardrails, now);
            report.Entries.Add((flow.Id, decision));
            if (decision != EntryDecision.Enter)
                continue;

            //the store gives the run its id before the first step: effects' idempotency keys contain it
            var run = await _runs.InsertAsync(FlowRunFactory.Create(flow, flowEvent, now), entryKey, cancellationToken);
            await CommitAsync(_interpreter.Advance(run, flow, context), flow, flowEvent, facts, report, cancellationToken);
        }

        return report;
    }

    /// <summary>
    /// Claims up to <paramref name="maxRuns"/> due runs and steps each one. A run whose version or customer is
    /// gone is ended; a run whose step fails is postponed by <see cref="RetryDelay"/> with the error, and the
    /// others go on.
    /// </summary>
    /// <param name="catalog">The flow versions.</param>
    /// <param name="environment">Guardrails and the store's time zone.</param>
    /// <param name="maxRuns">Batch size.</param>
    /// <param name="cancellationToken">Cancels between runs; claimed runs not reached stay due.</param>
    public async Task<ProcessingReport> ProcessDueRunsAsync(FlowCatalog catalog, EngineEnvironment environment, int maxRuns, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(environment);
        var report = new ProcessingReport();
        var now = _clock.GetUtcNow().UtcDateTime;
        var factsByCustomer = new Dictionary<int, PendingMessagesFacts>();

        var due = (await _runs.ClaimDueRunsAsync(now, maxRuns, cancellationToken))
            .OrderBy(run => run.DueOnUtc ?? DateTime.MinValue)
            .ThenByDescending(run => catalog.Find(run.FlowId, run.FlowVersion)?.Settings.Priority ?? 0)
            .ThenBy(run => run.RunId)
            .ToList();
        foreach (var run in due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (catalog.IsPaused(run.FlowId))
                continue;

            var flow = catalog.Find(run.FlowId, run.FlowVersion);
            try
            {
                if (flow == null)
                {
                    await EndOrphanAsync(run, VersionMissing, now, report, cancellationToken);
                    continue;
                }

                if (!factsByCustomer.TryGetValue(run.CustomerId, out var facts))
                {
                    var loaded = await _facts.GetFactsAsync(run.CustomerId, run.StoreId, cancellationToken);
                    if (loaded == null)
                    {
                        await EndOrphanAsync(run, CustomerMissing, now, report, cancellationToken);
                        continue;
                    }

                    factsByCustomer[run.CustomerId] = facts = new PendingMessagesFacts(loaded);
                }

                var result = _interpreter.Advance(run, flow, new RunContext(facts, environment.Guardrails, environment.StoreTimeZone, now));
                if (result.Outcome == StepOutcome.Paused)
                {
                    report.Held.Add(run);
                    continue;
                }

                if (ReferenceEquals(result.Run, run))
                    continue;

                await CommitAsync(result, flow, null, facts, report, cancellationToken);
            }
            catch (RunChangedException)
            {
                //an event moved the run on meanwhile (an order converted it, a click ended its wait): its save stands
                report.Dropped.Add(run.RunId);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                //one run's trouble must not stop the others; nothing of its step was saved, it comes back a little later
                report.Failures.Add((run, exception));
                await _runs.PostponeAsync(run, now + RetryDelay, exception.Message, cancellationToken);
            }
        }

        return report;
    }

    #endregion

    #region Utilities

    private async Task CommitAsync(StepResult result, CompiledFlow flow, FlowEvent enteredBy,
        PendingMessagesFacts facts, ProcessingReport report, CancellationToken cancellationToken)
    {
        await _runs.CommitAsync(new RunCommit(result.Run, result.Effects), cancellationToken);
        //the budget of the customer's next runs in this batch counts these messages already
        facts.Add(result.Effects);
        var step = new CommittedStep(result, flow, enteredBy);
        report.Steps.Add(step);
        try
        {
            await _sink.HandleAsync(step, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            //the step is saved and its effects recorded: they are performed later, the run must not step again
            report.SinkFailures.Add((step, exception));
        }
    }

    private async Task EndOrphanAsync(FlowRunState run, string reason, DateTime nowUtc, ProcessingReport report, CancellationToken cancellationToken)
    {
        report.Orphans.Add(run);
        await _runs.CommitAsync(new RunCommit(run.EndedOutsideFlow(reason, nowUtc), []), cancellationToken);
    }

    #endregion
}
