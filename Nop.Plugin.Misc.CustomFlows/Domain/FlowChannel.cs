namespace Nop.Plugin.Misc.CustomFlows.Domain;

/// <summary>
/// The way an action reaches the customer or the shop
/// </summary>
public enum FlowChannel
{
    /// <summary>
    /// Not an action (start, filter, wait, split, goal)
    /// </summary>
    None = 0,

    /// <summary>
    /// E-mail queued through nopCommerce
    /// </summary>
    Email = 10,

    /// <summary>
    /// Storefront pop-up
    /// </summary>
    Popup = 20,

    /// <summary>
    /// HTTP POST to an external address
    /// </summary>
    Webhook = 30,

    /// <summary>
    /// Customer tag added or removed
    /// </summary>
    Tag = 40,

    /// <summary>
    /// Customer score changed
    /// </summary>
    Score = 50,

    /// <summary>
    /// Customer funnel stage set
    /// </summary>
    FunnelStage = 60,

    /// <summary>
    /// E-mail to the store owner or staff
    /// </summary>
    StaffAlert = 70,

    /// <summary>
    /// Personal single-use discount coupon
    /// </summary>
    Coupon = 80
}

/// <summary>
/// The channel each flow action goes through
/// </summary>
public static class FlowChannels
{
    /// <summary>
    /// Gets the channel of an action
    /// </summary>
    /// <param name="action">A flow action</param>
    /// <returns>The channel; <see cref="FlowChannel.None"/> for none</returns>
    public static FlowChannel Of(Engine.Definition.Actions.FlowAction action) => action switch
    {
        Engine.Definition.Actions.SendEmailAction => FlowChannel.Email,
        Engine.Definition.Actions.ShowPopupAction => FlowChannel.Popup,
        Engine.Definition.Actions.WebhookAction => FlowChannel.Webhook,
        Engine.Definition.Actions.AddTagAction or Engine.Definition.Actions.RemoveTagAction => FlowChannel.Tag,
        Engine.Definition.Actions.ChangeScoreAction => FlowChannel.Score,
        Engine.Definition.Actions.SetFunnelStageAction => FlowChannel.FunnelStage,
        Engine.Definition.Actions.AlertStaffAction => FlowChannel.StaffAlert,
        Engine.Definition.Actions.CreateCouponAction => FlowChannel.Coupon,
        _ => FlowChannel.None
    };
}
