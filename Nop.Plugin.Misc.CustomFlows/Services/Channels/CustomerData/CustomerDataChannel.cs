using System.Text.Json;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;
using Nop.Plugin.Misc.CustomFlows.Services.Actions;
using Nop.Plugin.Misc.CustomFlows.Services.Customers;

namespace Nop.Plugin.Misc.CustomFlows.Services.Channels.CustomerData;

/// <summary>
/// Changes the plugin's own facts about a customer: tags, score and funnel stage in <see cref="CustomerFlowState"/>,
/// creating the customer's row on first use
/// </summary>
public class CustomerDataChannel : IFlowActionChannel
{
    #region Fields

    private readonly CustomerStateRows _stateRows;

    /// <summary>
    /// How many keys of applied score changes a customer's row remembers; an interrupted change is looked up
    /// within minutes, long before this many later changes could push its key out
    /// </summary>
    public const int RememberedChanges = 100;

    #endregion

    #region Ctor

    public CustomerDataChannel(CustomerStateRows stateRows)
    {
        _stateRows = stateRows;
    }

    #endregion

    #region Utilities

    /// <summary>
    /// Reads the tags; a damaged value counts as no tags rather than stopping every flow of the customer
    /// </summary>
    public static List<string> ReadTags(string tagsJson)
    {
        if (string.IsNullOrWhiteSpace(tagsJson))
            return [];

        try
        {
            return JsonSerializer.Deserialize<List<string>>(tagsJson)?.Where(tag => !string.IsNullOrWhiteSpace(tag)).ToList() ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>
    /// Reads the keys of applied score changes; a damaged value counts as none
    /// </summary>
    public static List<string> ReadAppliedChanges(string appliedChangesJson) => ReadTags(appliedChangesJson);

    private static bool WasApplied(CustomerFlowState state, string idempotencyKey) =>
        ReadAppliedChanges(state.AppliedChangesJson).Contains(idempotencyKey, StringComparer.Ordinal);

    private static void RememberApplied(CustomerFlowState state, string idempotencyKey)
    {
        var keys = ReadAppliedChanges(state.AppliedChangesJson);
        keys.Add(idempotencyKey);
        if (keys.Count > RememberedChanges)
            keys.RemoveRange(0, keys.Count - RememberedChanges);
        state.AppliedChangesJson = JsonSerializer.Serialize(keys);
    }

    private static string Apply(CustomerFlowState state, FlowAction action, string idempotencyKey)
    {
        switch (action)
        {
            case AddTagAction addTag:
            {
                var tag = addTag.Tag?.Trim();
                var tags = ReadTags(state.TagsJson);
                if (!string.IsNullOrEmpty(tag) && !tags.Contains(tag, StringComparer.OrdinalIgnoreCase))
                    tags.Add(tag);
                state.TagsJson = JsonSerializer.Serialize(tags);
                return $"Tag '{tag}' added";
            }
            case RemoveTagAction removeTag:
            {
                var tag = removeTag.Tag?.Trim();
                var tags = ReadTags(state.TagsJson);
                tags.RemoveAll(existing => string.Equals(existing, tag, StringComparison.OrdinalIgnoreCase));
                state.TagsJson = JsonSerializer.Serialize(tags);
                return $"Tag '{tag}' removed";
            }
            case ChangeScoreAction changeScore:
                //a score change is not idempotent: its key goes into the same row update as the new score
                state.Score = checked(state.Score + changeScore.Delta);
                RememberApplied(state, idempotencyKey);
                return $"Score changed by {changeScore.Delta} to {state.Score}";
            case SetFunnelStageAction setStage:
                var stage = setStage.Stage?.Trim();
                state.FunnelStage = stage is { Length: > FlowFieldLengths.FunnelStage } ? stage[..FlowFieldLengths.FunnelStage] : stage;
                return $"Funnel stage set to '{state.FunnelStage}'";
            default:
                throw new ArgumentException($"{action.GetType().Name} is no customer-data action", nameof(action));
        }
    }

    #endregion

    #region Methods

    /// <inheritdoc />
    public FlowChannel GetLogChannel(FlowAction action) =>
        action is AddTagAction or RemoveTagAction or ChangeScoreAction or SetFunnelStageAction ? FlowChannels.Of(action) : FlowChannel.None;

    /// <inheritdoc />
    public async Task<FlowActionResult> PerformAsync(FlowActionRequest request)
    {
        var key = request.Effect.IdempotencyKey;
        string message = null;
        await _stateRows.ChangeAsync(request.Effect.CustomerId, state =>
        {
            if (request.Action is ChangeScoreAction && WasApplied(state, key))
            {
                message = $"Score already changed by this step (score {state.Score}); not changed again";
                return false;
            }

            message = Apply(state, request.Action, key);
            return true;
        });

        return FlowActionResult.Succeeded(message);
    }

    /// <inheritdoc />
    public async Task<FlowActionResult> FindPerformedAsync(FlowActionRequest request, DateTime startedOnUtc)
    {
        //tags and stage end the same however often they are applied, so an interrupted one is simply applied again
        if (request.Action is not ChangeScoreAction)
            return null;

        //the score and the change's key were written in one row update: the key says whether it happened
        var state = await _stateRows.GetAsync(request.Effect.CustomerId);
        return state is not null && WasApplied(state, request.Effect.IdempotencyKey)
            ? FlowActionResult.Succeeded($"The interrupted score change was applied (score {state.Score}); not changed again")
            : null;
    }

    #endregion
}
