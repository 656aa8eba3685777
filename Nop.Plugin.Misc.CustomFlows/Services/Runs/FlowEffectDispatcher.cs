using System.Text.Json;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;
using Nop.Plugin.Misc.CustomFlows.Engine.Ports;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using Nop.Plugin.Misc.CustomFlows.Services.Actions;
using Nop.Plugin.Misc.CustomFlows.Services.Customers;

namespace Nop.Plugin.Misc.CustomFlows.Services.Runs;

/// <summary>
/// Hands effects to the action executor and remembers each message a customer got, which the
/// message budget of every flow counts
/// </summary>
public class FlowEffectDispatcher : IFlowEffectDispatcher
{
    #region Fields

    /// <summary>
    /// Messages older than this are forgotten: no budget period is longer
    /// </summary>
    public static readonly TimeSpan MessageMemory = TimeSpan.FromDays(31);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly IFlowActionExecutor _actionExecutor;
    private readonly CustomerStateRows _stateRows;
    private readonly TimeProvider _timeProvider;

    #endregion

    #region Ctor

    public FlowEffectDispatcher(IFlowActionExecutor actionExecutor, CustomerStateRows stateRows, TimeProvider timeProvider)
    {
        _actionExecutor = actionExecutor;
        _stateRows = stateRows;
        _timeProvider = timeProvider;
    }

    #endregion

    #region Methods

    /// <inheritdoc />
    public async Task DispatchAsync(FlowEffect effect, FlowRunState run, CancellationToken cancellationToken)
    {
        var context = new FlowActionContext { ProductIds = run?.Trigger?.ProductIds ?? [] };
        var result = await _actionExecutor.PerformAsync(effect, context);

        //another worker holds the same action: the run must not move on past it now; the step is repeated later
        if (result.Status == FlowActionStatus.Pending)
            throw new FlowEffectInProgressException(effect.IdempotencyKey);

        if (result.Status == FlowActionStatus.Succeeded && !result.Replayed && effect.Action?.IsMessage == true)
            await RememberMessageAsync(effect);
    }

    #endregion

    #region Utilities

    private Task RememberMessageAsync(FlowEffect effect)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        return _stateRows.ChangeAsync(effect.CustomerId, state =>
        {
            var messages = ReadMessages(state.MessagesSentJson);
            messages.RemoveAll(message => message.SentOnUtc < now - MessageMemory);
            messages.Add(new SentMessage(now, effect.Action.Channel, effect.Action.IsMarketingMessage, effect.FlowId));
            state.MessagesSentJson = WriteMessages(messages);
            return true;
        });
    }

    /// <summary>
    /// Writes the messages a customer got, as the dispatcher stores them
    /// </summary>
    /// <param name="messages">Messages</param>
    public static string WriteMessages(IEnumerable<SentMessage> messages) => JsonSerializer.Serialize(messages.ToList(), JsonOptions);

    /// <summary>
    /// Reads the messages a customer got, as the dispatcher stores them; empty when missing or damaged
    /// </summary>
    /// <param name="messagesJson">Stored JSON</param>
    public static List<SentMessage> ReadMessages(string messagesJson)
    {
        if (string.IsNullOrWhiteSpace(messagesJson))
            return new List<SentMessage>();

        try
        {
            return JsonSerializer.Deserialize<List<SentMessage>>(messagesJson, JsonOptions) ?? new List<SentMessage>();
        }
        catch (JsonException)
        {
            return new List<SentMessage>();
        }
    }

    #endregion
}

/// <summary>
/// An effect is being carried out by another worker right now; the step that emitted it is repeated later
/// </summary>
public class FlowEffectInProgressException : Exception
{
    /// <summary>
    /// Creates the exception for an idempotency key
    /// </summary>
    public FlowEffectInProgressException(string idempotencyKey)
        : base($"The action {idempotencyKey} is being carried out elsewhere; the run moves on when it is settled.")
    {
        IdempotencyKey = idempotencyKey;
    }

    /// <summary>
    /// The idempotency key
    /// </summary>
    public string IdempotencyKey { get; }
}
