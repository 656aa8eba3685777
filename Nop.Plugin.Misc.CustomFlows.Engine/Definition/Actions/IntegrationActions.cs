namespace Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;

/// <summary>
/// Posts the run's details to another system.
/// </summary>
public sealed class WebhookAction : FlowAction
{
    /// <summary>
    /// Absolute http or https address.
    /// </summary>
    public string Url { get; set; }

    /// <summary>
    /// Name sent with the payload so the receiver knows what happened.
    /// </summary>
    public string EventName { get; set; }

    /// <summary>
    /// Whether the receiver sends the customer a message (an SMS, a chat message).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public bool MessagesCustomer { get; set; }

    /// <inheritdoc />
    protected override ActionChannel GetChannel() => ActionChannel.Webhook;

    /// <inheritdoc />
    protected override bool IsMessageToCustomer() => MessagesCustomer;

    /// <inheritdoc />
    protected override bool IsMarketing() => MessagesCustomer;
}

/// <summary>
/// Tells the shop's staff about the customer (e.g. "big cart abandoned, call them").
/// </summary>
public sealed class AlertStaffAction : FlowAction
{
    /// <summary>
    /// The text of the alert.
    /// </summary>
    public string Message { get; set; }

    /// <summary>
    /// Staff e-mail address; null means the shop's default admin address.
    /// </summary>
    public string Recipient { get; set; }

    /// <inheritdoc />
    protected override ActionChannel GetChannel() => ActionChannel.StaffAlert;
}

/// <summary>
/// Creates a discount code for this customer only; later e-mails refer to it through their template tokens.
/// </summary>
public sealed class CreateCouponAction : FlowAction
{
    /// <summary>
    /// Percentage off; set this or <see cref="Amount"/>.
    /// </summary>
    public decimal? Percent { get; set; }

    /// <summary>
    /// Fixed amount off in the store's primary currency; set this or <see cref="Percent"/>.
    /// </summary>
    public decimal? Amount { get; set; }

    /// <summary>
    /// How long the code works, as a duration ("14d").
    /// </summary>
    public string ValidFor { get; set; }

    /// <summary>
    /// Most a percentage code takes off one order, in the store's primary currency; null for no cap.
    /// </summary>
    public decimal? MaxDiscountAmount { get; set; }

    /// <inheritdoc />
    protected override ActionChannel GetChannel() => ActionChannel.Coupon;
}
