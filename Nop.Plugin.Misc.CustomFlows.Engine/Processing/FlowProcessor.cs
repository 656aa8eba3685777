using Nop.Plugin.Misc.CustomFlows.Engine.Entry;
using Nop.Plugin.Misc.CustomFlows.Engine.Ports;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Processing;

/// <summary>
/// The engine's loop over its ports, shared by the shop's jobs and the simulator: an event reaches
/// the customer's open runs and starts the flows it triggers; due runs are claimed and stepped.
/// Every new state is saved before its effects are handed back in the report, so the host performs
/// effects of saved states only (channels de-duplicate by idempotency key).
/// </summary>
public sealed class FlowProcessor
{
    #region Fields

    private readonly FlowCatalog _catalog;
    private readonly IFlowRunStore _runs;
    private readonly ICustomerFactsSource _facts;
    private readonly FlowInterpreter _interpreter;
    private readonly TimeProvider _clock;

    #endregion

    #region Ctor

    /// <summary>
    /// Creates a processor.
    /// </summary>
    /// <param name="catalog">The flow versions.</param>
    /// <param name="runs">Where runs live.</param>
    /// <param name="facts">Where customer facts come from.</param>
    /// <param name="interpreter">Steps runs.</param>
    /// <param name="clock">Now (a virtual clock in the simulator).</param>
    public FlowProcessor(FlowCatalog catalog, IFlowRunStore runs, ICustomerFactsSource facts, FlowInterpreter interpreter, TimeProvider clock)
    {
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _runs = runs ?? throw new ArgumentNullException(nameof(runs));
        _facts = facts ?? throw new ArgumentNullException(nameof(facts));
        _interpreter = interpreter ?? throw new ArgumentNullException(nameof(interpreter));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    #endregion

    #region Methods

    /// <summary>
    /// Lets the customer's open runs see the event first (so an order converts them before anything
    /// new starts), then starts every live flow the event triggers and whose entry rules allow it.
    /// </summary>
    /// <param name="flowEvent">The event; its facts must already be visible through the facts source.</param>
    /// <param name="environment">Guardrails and the store's time zone.</param>
    /// <param name="cancellationToken">Cancels between runs.</param>
    public async Task<ProcessingReport> ProcessEventAsync(FlowEvent flowEvent, EngineEnvironment environment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(flowEvent);
        ArgumentNullException.ThrowIfNull(environment);
        var report = new ProcessingReport();
        var loaded = await _facts.GetFactsAsync(flowEvent.CustomerId, cancellationToken);
        if (loaded == null)
            return report;

        var facts = new PendingMessagesFacts(loaded);
        var now = _clock.GetUtcNow().UtcDateTime;
        var context = new RunContext(facts, environment.Guardrails, environment.StoreTimeZone, now);

        foreach (var run in await _runs.GetOpenRunsAsync(flowEvent.CustomerId, cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var flow = _catalog.Find(run.FlowId, run.FlowVersion);
            if (flow == null)
            {
                report.Orphans.Add(run);
                continue;
            }

            var result = _interpreter.HandleEvent(run, flow, flowEvent, context);
            if (!ReferenceEquals(result.Run, run))
                await SaveAsync(result, facts, report, cancellationToken);
        }

        var matches = new List<CompiledFlow>();
        _catalog.Index.Match(flowEvent, matches);
        foreach (var flow in matches)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var history = await _runs.GetEntryHistoryAsync(flow.Id, flowEvent.CustomerId, cancellationToken);
            var decision = EntryRules.Decide(flow, flowEvent, facts, history, environment.Guardrails, now);
            report.Entries.Add((flow.Id, decision));
            if (decision != EntryDecision.Enter)
                continue;

            // the store gives the run its id before the first step: effects' idempotency keys contain it
            var run = await _runs.InsertAsync(FlowRunFactory.Create(flow, flowEvent, now), cancellationToken);
            await SaveAsync(_interpreter.Advance(run, flow, context), facts, report, cancellationToken);
        }

        return report;
    }

    /// <summary>
    /// Claims up to <paramref name="maxRuns"/> due runs and steps each one.
    /// </summary>
    /// <param name="environment">Guardrails and the store's time zone.</param>
    /// <param name="maxRuns">Batch size.</param>
    /// <param name="cancellationToken">Cancels between runs; claimed runs not reached are released by the store's claim timeout.</param>
    public async Task<ProcessingReport> ProcessDueRunsAsync(EngineEnvironment environment, int maxRuns, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var report = new ProcessingReport();
        var now = _clock.GetUtcNow().UtcDateTime;
        var factsByCustomer = new Dictionary<int, PendingMessagesFacts>();

        foreach (var run in await _runs.ClaimDueRunsAsync(now, maxRuns, cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var flow = _catalog.Find(run.FlowId, run.FlowVersion);
            if (flow == null)
            {
                report.Orphans.Add(run);
                continue;
            }

            if (!factsByCustomer.TryGetValue(run.CustomerId, out var facts))
            {
                var loaded = await _facts.GetFactsAsync(run.CustomerId, cancellationToken);
                if (loaded == null)
                {
                    report.Orphans.Add(run);
                    continue;
                }

                factsByCustomer[run.CustomerId] = facts = new PendingMessagesFacts(loaded);
            }

            var result = _interpreter.Advance(run, flow, new RunContext(facts, environment.Guardrails, environment.StoreTimeZone, now));
            await SaveAsync(result, facts, report, cancellationToken);
        }

        return report;
    }

    #endregion

    #region Utilities

    private async Task SaveAsync(StepResult result, PendingMessagesFacts facts, ProcessingReport report, CancellationToken cancellationToken)
    {
        await _runs.UpdateAsync(result.Run, cancellationToken);
        facts.Add(result.Effects);
        report.Steps.Add(result);
    }

    #endregion
}
