namespace Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;

/// <summary>
/// Adds a tag to the customer.
/// </summary>
public sealed class AddTagAction : FlowAction
{
    /// <summary>The tag.</summary>
    public string Tag { get; set; }

    /// <inheritdoc />
    protected override ActionChannel GetChannel() => ActionChannel.CustomerData;
}

/// <summary>
/// Removes a tag from the customer.
/// </summary>
public sealed class RemoveTagAction : FlowAction
{
    /// <summary>The tag.</summary>
    public string Tag { get; set; }

    /// <inheritdoc />
    protected override ActionChannel GetChannel() => ActionChannel.CustomerData;
}

/// <summary>
/// Adds to (or, negative, subtracts from) the customer's lead score.
/// </summary>
public sealed class ChangeScoreAction : FlowAction
{
    /// <summary>The change.</summary>
    public int Delta { get; set; }

    /// <inheritdoc />
    protected override ActionChannel GetChannel() => ActionChannel.CustomerData;
}

/// <summary>
/// Moves the customer to a funnel stage ("lead", "customer", "loyal").
/// </summary>
public sealed class SetFunnelStageAction : FlowAction
{
    /// <summary>The stage.</summary>
    public string Stage { get; set; }

    /// <inheritdoc />
    protected override ActionChannel GetChannel() => ActionChannel.CustomerData;
}
