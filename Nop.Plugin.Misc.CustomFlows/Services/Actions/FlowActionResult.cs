using System.Text.Json;
using System.Text.Json.Serialization;
using Nop.Plugin.Misc.CustomFlows.Domain;

namespace Nop.Plugin.Misc.CustomFlows.Services.Actions;

/// <summary>
/// What became of one action; stored as JSON in <see cref="FlowActionLog.Details"/>, so a replay answers the same
/// </summary>
public sealed record FlowActionResult
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull
    };

    /// <summary>
    /// Succeeded, Skipped (on purpose: no consent, no address) or Failed; Pending means another worker is performing
    /// the same action right now and the caller should come back later instead of moving the run on
    /// </summary>
    [JsonIgnore]
    public FlowActionStatus Status { get; init; }

    /// <summary>
    /// For the admin: why it was skipped, what failed, what was done
    /// </summary>
    public string Message { get; init; }

    /// <summary>
    /// Identifier of the queued e-mail (e-mail and staff alert)
    /// </summary>
    public int? QueuedEmailId { get; init; }

    /// <summary>
    /// Identifier of the pending pop-up
    /// </summary>
    public int? PopupId { get; init; }

    /// <summary>
    /// Identifier of the discount created for a personal coupon
    /// </summary>
    public int? DiscountId { get; init; }

    /// <summary>
    /// The personal coupon code; later e-mails of the same run show it as %CustomFlows.CouponCode%
    /// </summary>
    public string CouponCode { get; init; }

    /// <summary>
    /// HTTP status of the webhook's last answer
    /// </summary>
    public int? HttpStatusCode { get; init; }

    /// <summary>
    /// Whether the action had already been performed under its key and this is the recorded answer, not a new action
    /// </summary>
    [JsonIgnore]
    public bool Replayed { get; init; }

    /// <summary>
    /// A successful action
    /// </summary>
    /// <param name="message">What was done</param>
    public static FlowActionResult Succeeded(string message) => new() { Status = FlowActionStatus.Succeeded, Message = message };

    /// <summary>
    /// An action left out on purpose; not an error
    /// </summary>
    /// <param name="reason">Why</param>
    public static FlowActionResult Skipped(string reason) => new() { Status = FlowActionStatus.Skipped, Message = reason };

    /// <summary>
    /// An action that could not be performed
    /// </summary>
    /// <param name="error">What went wrong</param>
    public static FlowActionResult Failed(string error) => new() { Status = FlowActionStatus.Failed, Message = error };

    /// <summary>
    /// Writes the result for the action log
    /// </summary>
    public string ToDetails() => JsonSerializer.Serialize(this, Options);

    /// <summary>
    /// Reads a result back from an action log row
    /// </summary>
    /// <param name="log">The row</param>
    public static FlowActionResult FromLog(FlowActionLog log)
    {
        FlowActionResult result = null;
        if (!string.IsNullOrWhiteSpace(log.Details))
        {
            try
            {
                result = JsonSerializer.Deserialize<FlowActionResult>(log.Details, Options);
            }
            catch (JsonException)
            {
                //details written by hand or by an older version: keep them as the message
                result = new FlowActionResult { Message = log.Details };
            }
        }

        return (result ?? new FlowActionResult()) with { Status = log.Status };
    }
}
