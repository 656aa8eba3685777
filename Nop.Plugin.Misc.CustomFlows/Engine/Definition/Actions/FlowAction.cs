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
    public abstract ActionChannel Channel { get; }

    /// <summary>
    /// Whether the action reaches the customer as a marketing message, so budgets, quiet hours and blackout dates apply.
    /// </summary>
    [JsonIgnore]
    public virtual bool IsMarketingMessage => false;

    /// <summary>
    /// Whether the action is a message to the customer, counted by the flow's frequency cap.
    /// </summary>
    [JsonIgnore]
    public virtual bool IsMessage => false;
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
