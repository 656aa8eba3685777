using System.Text.Json.Serialization;

namespace Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;

/// <summary>
/// Something an action step does. The JSON property "type" tells which.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(SendEmailAction), "sendEmail")]
[JsonDerivedType(typeof(ShowPopupAction), "showPopup")]
[JsonDerivedType(typeof(WebhookAction), "webhook")]
[JsonDerivedType(typeof(AddTagAction), "addTag")]
[JsonDerivedType(typeof(RemoveTagAction), "removeTag")]
[JsonDerivedType(typeof(ChangeScoreAction), "changeScore")]
[JsonDerivedType(typeof(SetFunnelStageAction), "setFunnelStage")]
[JsonDerivedType(typeof(AlertStaffAction), "alertStaff")]
[JsonDerivedType(typeof(CreateCouponAction), "createCoupon")]
public abstract class FlowAction
{
    /// <summary>
    /// The channel that performs the action; also what message budgets count.
    /// </summary>
    [JsonIgnore]
    public ActionChannel Channel => GetChannel();

    /// <summary>
    /// Whether the action reaches the customer as a marketing message: the message budget, the flow's
    /// frequency cap, blackout dates and (for e-mails) quiet hours hold it back, and budget and cap count it.
    /// Transactional messages are never held and never counted.
    /// </summary>
    [JsonIgnore]
    public bool IsMarketingMessage => IsMarketing();

    /// <summary>
    /// Whether the action is a message to the customer (e-mail, pop-up, or a webhook that says it
    /// messages the customer): it counts as sent and the customer's next orders are attributed to it.
    /// </summary>
    [JsonIgnore]
    public bool IsMessage => IsMessageToCustomer();

    // methods rather than overridable properties: the serializer ignores [JsonIgnore] on a base
    // property once a derived class overrides it, and these must never reach the JSON

    /// <summary>
    /// The channel of this kind of action.
    /// </summary>
    protected abstract ActionChannel GetChannel();

    /// <summary>
    /// Whether this action, with its settings, is a marketing message.
    /// </summary>
    protected virtual bool IsMarketing() => false;

    /// <summary>
    /// Whether this action, with its settings, messages the customer.
    /// </summary>
    protected virtual bool IsMessageToCustomer() => Channel is ActionChannel.Email or ActionChannel.Popup;
}

/// <summary>
/// Channels that perform actions outside the engine.
/// </summary>
public enum ActionChannel
{
    /// <summary>E-mail through the shop's queue.</summary>
    Email,

    /// <summary>Storefront pop-up shown on the next page view.</summary>
    Popup,

    /// <summary>HTTP call to another system.</summary>
    Webhook,

    /// <summary>Changes to the customer's tags, score or funnel stage.</summary>
    CustomerData,

    /// <summary>Message to the shop's staff.</summary>
    StaffAlert,

    /// <summary>Personal discount code.</summary>
    Coupon
}
