using System.Text.Json;
using System.Transactions;
using Nop.Data;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using Nop.Plugin.Misc.CustomFlows.Engine.Serialization;
using NopLogger = Nop.Services.Logging.ILogger;

namespace Nop.Plugin.Misc.CustomFlows.Services.Actions;

/// <summary>
/// Performs each action once. The action is in the action log as Pending under its idempotency key before the channel
/// is called (the unique index on the key lets only one row in): written with the step that produced it (the outbox,
/// <see cref="RecordAsync"/>), or just before the call for an effect performed directly. It is marked with its result
/// afterwards. A later attempt with the same key gets the recorded result; one that finds an old Pending row (the
/// worker stopped before or while performing it) asks the channel whether the effect exists before performing it.
/// </summary>
public class FlowActionExecutor : IFlowActionExecutor
{
    #region Fields

    private readonly CustomFlowsSettings _settings;
    private readonly IEnumerable<IFlowActionChannel> _channels;
    private readonly IRepository<FlowActionLog> _actionLogRepository;
    private readonly NopLogger _logger;
    private readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public FlowActionExecutor(CustomFlowsSettings settings,
        IEnumerable<IFlowActionChannel> channels,
        IRepository<FlowActionLog> actionLogRepository,
        NopLogger logger,
        TimeProvider timeProvider)
    {
        _settings = settings;
        _channels = channels;
        _actionLogRepository = actionLogRepository;
        _logger = logger;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Utilities

    private DateTime UtcNow => _timeProvider.GetUtcNow().UtcDateTime;

    private async Task<FlowActionLog> GetLogAsync(string idempotencyKey)
    {
        var rows = await _actionLogRepository.GetAllAsync(query => query.Where(log => log.IdempotencyKey == idempotencyKey));
        return rows.FirstOrDefault();
    }

    /// <summary>
    /// Inserts the Pending row; returns null when another attempt recorded the same key first
    /// </summary>
    private async Task<FlowActionLog> TryStartAsync(FlowActionRequest request, FlowChannel channel, string effectJson = null)
    {
        var log = NewPendingRow(request.Effect, channel, effectJson);

        try
        {
            await _actionLogRepository.InsertAsync(log, false);
            return log;
        }
        catch (Exception)
        {
            //the unique index refused the row: another attempt holds the key
            if (await GetLogAsync(log.IdempotencyKey) is not null)
                return null;

            throw;
        }
    }

    private FlowActionLog NewPendingRow(FlowEffect effect, FlowChannel channel, string effectJson) => new()
    {
        IdempotencyKey = effect.IdempotencyKey,
        FlowRunId = effect.RunId > int.MaxValue ? 0 : (int)effect.RunId,
        NodeId = effect.NodeId,
        CustomerId = effect.CustomerId,
        Channel = channel,
        Status = FlowActionStatus.Pending,
        CreatedOnUtc = UtcNow,
        EffectJson = effectJson
    };

    private (IFlowActionChannel Channel, FlowChannel LogChannel) ChannelOf(FlowEffect effect)
    {
        var (channel, logChannel) = _channels
            .Select(candidate => (candidate, logChannel: candidate.GetLogChannel(effect.Action)))
            .FirstOrDefault(pair => pair.logChannel != FlowChannel.None);
        if (channel is null)
            throw new InvalidOperationException($"No channel performs {effect.Action.GetType().Name}");

        return (channel, logChannel);
    }

    private static void Check(FlowEffect effect)
    {
        ArgumentNullException.ThrowIfNull(effect);
        ArgumentNullException.ThrowIfNull(effect.Action);
        if (string.IsNullOrEmpty(effect.IdempotencyKey))
            throw new ArgumentException("An action needs its idempotency key", nameof(effect));
    }

    /// <summary>
    /// How long the worker that recorded an effect may take to perform it before others treat the row as left over
    /// </summary>
    private TimeSpan RetryWindow => TimeSpan.FromMinutes(Math.Max(_settings.UnfinishedActionRetryMinutes, 1));

    private async Task<FlowActionResult> FinishAsync(FlowActionLog log, FlowActionResult result)
    {
        log.Status = result.Status;
        log.Details = result.ToDetails();
        await _actionLogRepository.UpdateAsync(log, false);

        return result;
    }

    private async Task<FlowActionResult> PerformAndRecordAsync(IFlowActionChannel channel, FlowActionRequest request, FlowActionLog log)
    {
        FlowActionResult result;
        try
        {
            result = await channel.PerformAsync(request);
        }
        catch (Exception exception)
        {
            await _logger.ErrorAsync($"Custom Flows: action {request.Effect.IdempotencyKey} ({request.Action.GetType().Name}) failed: {exception.Message}", exception);
            result = FlowActionResult.Failed(exception.Message);
        }

        return await FinishAsync(log, result);
    }

    private async Task<FlowActionResult> ResumeAsync(IFlowActionChannel channel, FlowActionRequest request, FlowActionLog log)
    {
        if (log.Status != FlowActionStatus.Pending)
            return FlowActionResult.FromLog(log) with { Replayed = true };

        var unfinishedFor = UtcNow - log.CreatedOnUtc;
        if (unfinishedFor < RetryWindow)
            return InProgress;

        var found = await channel.FindPerformedAsync(request, log.CreatedOnUtc);
        if (found is not null)
            return (await FinishAsync(log, found)) with { Replayed = true };

        //no trace of the effect: the worker stopped before performing it. Several workers may get here for the same
        //row; deleting it exactly as it was read is one statement, so only one of them takes the action over
        var staleId = log.Id;
        var staleSinceUtc = log.CreatedOnUtc;
        FlowActionLog restarted;
        //the row is the outbox's record of the effect: taking it over replaces it in one transaction, so a stop
        //in between cannot lose it
        using (var transaction = new TransactionScope(TransactionScopeOption.Required,
                   new TransactionOptions { IsolationLevel = IsolationLevel.ReadCommitted }, TransactionScopeAsyncFlowOption.Enabled))
        {
            var claimed = await _actionLogRepository.DeleteAsync(row =>
                row.Id == staleId && row.StatusId == (int)FlowActionStatus.Pending && row.CreatedOnUtc == staleSinceUtc);
            if (claimed == 0)
                return InProgress;

            restarted = await TryStartAsync(request, log.Channel, log.EffectJson);
            if (restarted is null)
                return InProgress;

            transaction.Complete();
        }

        return await PerformAndRecordAsync(channel, request, restarted);
    }

    private static FlowActionResult InProgress => new() { Status = FlowActionStatus.Pending, Message = "Being performed by another worker" };

    #endregion

    #region Methods

    /// <inheritdoc />
    public async Task<FlowActionResult> PerformAsync(FlowEffect effect, FlowActionContext context = null)
    {
        Check(effect);
        var (channel, logChannel) = ChannelOf(effect);
        var request = new FlowActionRequest(effect, context ?? FlowActionContext.Empty);

        var existing = await GetLogAsync(effect.IdempotencyKey);
        if (existing is not null)
            return await ResumeAsync(channel, request, existing);

        var started = await TryStartAsync(request, logChannel);
        if (started is null)
            return await ResumeAsync(channel, request, await GetLogAsync(effect.IdempotencyKey));

        return await PerformAndRecordAsync(channel, request, started);
    }

    /// <inheritdoc />
    public async Task RecordAsync(IReadOnlyList<FlowEffect> effects, FlowActionContext context)
    {
        if (effects is not { Count: > 0 })
            return;

        foreach (var effect in effects)
            Check(effect);

        //an effect logged already (a step repeated after an older plugin stopped mid-step) keeps its row and result
        var keys = effects.Select(effect => effect.IdempotencyKey).ToList();
        var logged = (await _actionLogRepository.GetAllAsync(query => query.Where(log => keys.Contains(log.IdempotencyKey))))
            .Select(log => log.IdempotencyKey)
            .ToHashSet(StringComparer.Ordinal);

        var rows = effects
            .Where(effect => logged.Add(effect.IdempotencyKey))
            .Select(effect => NewPendingRow(effect, ChannelOf(effect).LogChannel, WriteOutboxEntry(effect, context)))
            .ToList();
        if (rows.Count > 0)
            await _actionLogRepository.InsertAsync(rows, false);
    }

    /// <inheritdoc />
    public async Task<FlowActionResult> PerformRecordedAsync(FlowEffect effect, FlowActionContext context = null)
    {
        Check(effect);
        var existing = await GetLogAsync(effect.IdempotencyKey);
        if (existing is null)
            return await PerformAsync(effect, context);

        var (channel, _) = ChannelOf(effect);
        var request = new FlowActionRequest(effect, context ?? FlowActionContext.Empty);
        //a fresh outbox row belongs to the worker that committed it; an older one may be left over and is taken over carefully
        if (existing.Status == FlowActionStatus.Pending && UtcNow - existing.CreatedOnUtc < RetryWindow / 2)
            return await PerformAndRecordAsync(channel, request, existing);

        return await ResumeAsync(channel, request, existing);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RecordedEffect>> GetLeftOverAsync(int maxCount)
    {
        var olderThan = UtcNow - RetryWindow;
        var rows = await _actionLogRepository.GetAllAsync(query => query
            .Where(log => log.StatusId == (int)FlowActionStatus.Pending && log.CreatedOnUtc < olderThan && log.EffectJson != null)
            .OrderBy(log => log.Id)
            .Take(maxCount));

        var recorded = new List<RecordedEffect>();
        foreach (var row in rows)
        {
            if (ReadOutboxEntry(row.EffectJson) is { } entry)
                recorded.Add(entry);
            else
            {
                //unreadable (written by a newer plugin, or damaged): said once in the log row, never retried
                row.Status = FlowActionStatus.Failed;
                row.Details = "The recorded action could not be read back; it was not performed.";
                await _actionLogRepository.UpdateAsync(row, false);
            }
        }

        return recorded;
    }

    /// <summary>
    /// Writes what the outbox keeps of an effect: the effect as the engine decided on it and the products of the run's trigger
    /// </summary>
    public static string WriteOutboxEntry(FlowEffect effect, FlowActionContext context) =>
        JsonSerializer.Serialize(new RecordedEffect(effect, (context ?? FlowActionContext.Empty).ProductIds.ToArray()), FlowJson.Options);

    /// <summary>
    /// Reads an outbox entry back; null when it does not read
    /// </summary>
    public static RecordedEffect ReadOutboxEntry(string json)
    {
        try
        {
            var entry = JsonSerializer.Deserialize<RecordedEffect>(json ?? "null", FlowJson.Options);
            return entry?.Effect?.Action == null || string.IsNullOrEmpty(entry.Effect.IdempotencyKey) ? null : entry;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    #endregion
}
