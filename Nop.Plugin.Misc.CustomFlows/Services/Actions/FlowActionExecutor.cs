using Nop.Data;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using NopLogger = Nop.Services.Logging.ILogger;

namespace Nop.Plugin.Misc.CustomFlows.Services.Actions;

/// <summary>
/// Performs each action once. The action is written to the action log as Pending under its idempotency key before
/// the channel is called (the unique index on the key lets only one attempt through) and marked with its result
/// afterwards. A later attempt with the same key gets the recorded result; one that finds an old Pending row (the
/// worker stopped between performing and recording) asks the channel whether the effect exists before repeating it.
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
    private async Task<FlowActionLog> TryStartAsync(FlowActionRequest request, FlowChannel channel)
    {
        var log = new FlowActionLog
        {
            IdempotencyKey = request.Effect.IdempotencyKey,
            FlowRunId = request.RunId,
            NodeId = request.Effect.NodeId,
            CustomerId = request.Effect.CustomerId,
            Channel = channel,
            Status = FlowActionStatus.Pending,
            CreatedOnUtc = UtcNow
        };

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
        if (unfinishedFor < TimeSpan.FromMinutes(Math.Max(_settings.UnfinishedActionRetryMinutes, 1)))
            return InProgress;

        var found = await channel.FindPerformedAsync(request, log.CreatedOnUtc);
        if (found is not null)
            return (await FinishAsync(log, found)) with { Replayed = true };

        //no trace of the effect: the worker stopped before performing it. Several workers may get here for the same
        //row; deleting it exactly as it was read is one statement, so only one of them takes the action over
        var staleId = log.Id;
        var staleSinceUtc = log.CreatedOnUtc;
        var claimed = await _actionLogRepository.DeleteAsync(row =>
            row.Id == staleId && row.StatusId == (int)FlowActionStatus.Pending && row.CreatedOnUtc == staleSinceUtc);
        if (claimed == 0)
            return InProgress;

        var restarted = await TryStartAsync(request, log.Channel);
        if (restarted is null)
            return InProgress;

        return await PerformAndRecordAsync(channel, request, restarted);
    }

    private static FlowActionResult InProgress => new() { Status = FlowActionStatus.Pending, Message = "Being performed by another worker" };

    #endregion

    #region Methods

    /// <inheritdoc />
    public async Task<FlowActionResult> PerformAsync(FlowEffect effect, FlowActionContext context = null)
    {
        ArgumentNullException.ThrowIfNull(effect);
        ArgumentNullException.ThrowIfNull(effect.Action);
        if (string.IsNullOrEmpty(effect.IdempotencyKey))
            throw new ArgumentException("An action needs its idempotency key", nameof(effect));

        var (channel, logChannel) = _channels
            .Select(candidate => (candidate, logChannel: candidate.GetLogChannel(effect.Action)))
            .FirstOrDefault(pair => pair.logChannel != FlowChannel.None);
        if (channel is null)
            throw new InvalidOperationException($"No channel performs {effect.Action.GetType().Name}");

        var request = new FlowActionRequest(effect, context ?? FlowActionContext.Empty);

        var existing = await GetLogAsync(effect.IdempotencyKey);
        if (existing is not null)
            return await ResumeAsync(channel, request, existing);

        var started = await TryStartAsync(request, logChannel);
        if (started is null)
            return await ResumeAsync(channel, request, await GetLogAsync(effect.IdempotencyKey));

        return await PerformAndRecordAsync(channel, request, started);
    }

    #endregion
}
