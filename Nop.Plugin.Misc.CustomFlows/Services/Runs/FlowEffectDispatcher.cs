using System.Text.Json;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;
using Nop.Plugin.Misc.CustomFlows.Engine.Ports;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using Nop.Plugin.Misc.CustomFlows.Services.Actions;
using Nop.Plugin.Misc.CustomFlows.Services.Customers;

namespace Nop.Plugin.Misc.CustomFlows.Services.Runs;

/// <summary>
/// Performs the effects a committed step recorded (the outbox) through the action executor, performs the ones a
/// stopped worker left behind, and remembers each message a customer got, which the message budget of every flow counts
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
        var result = await _actionExecutor.PerformRecordedAsync(effect, FlowActionContext.From(run));
        //Pending: another worker holds the action; it stays recorded and is finished there or taken over later
        await AfterAsync(effect, result);
    }

    /// <inheritdoc />
    public async Task<int> PerformLeftOverAsync(int maxCount, CancellationToken cancellationToken)
    {
        var performed = 0;
        foreach (var recorded in await _actionExecutor.GetLeftOverAsync(maxCount))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = await _actionExecutor.PerformRecordedAsync(recorded.Effect, recorded.Context);
            await AfterAsync(recorded.Effect, result);
            performed++;
        }

        return performed;
    }

    #endregion

    #region Utilities

    private async Task AfterAsync(FlowEffect effect, FlowActionResult result)
    {
        if (result.Status == FlowActionStatus.Succeeded && !result.Replayed && effect.Action?.IsMessage == true)
            await RememberMessageAsync(effect);
    }

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
