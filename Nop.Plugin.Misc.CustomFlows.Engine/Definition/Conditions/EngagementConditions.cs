namespace Nop.Plugin.Misc.CustomFlows.Engine.Definition.Conditions;

/// <summary>Whether the customer opened or clicked an e-mail this run sent.</summary>
public sealed class EmailEngagementCondition : FlowCondition
{
    /// <summary>The send-e-mail step of this flow; null means any e-mail of this run.</summary>
    public string NodeId { get; set; }

    /// <summary>Opened or clicked.</summary>
    public Engagement Engagement { get; set; } = Engagement.Opened;
}

/// <summary>Whether the customer was shown, clicked or dismissed a pop-up this run showed.</summary>
public sealed class PopupEngagementCondition : FlowCondition
{
    /// <summary>The show-pop-up step of this flow; null means any pop-up of this run.</summary>
    public string NodeId { get; set; }

    /// <summary>Shown, clicked or dismissed.</summary>
    public Engagement Engagement { get; set; } = Engagement.Clicked;
}

/// <summary>
/// Things a customer does with a message.
/// </summary>
public enum Engagement
{
    /// <summary>An e-mail was opened.</summary>
    Opened,

    /// <summary>A link in an e-mail, or a pop-up, was clicked.</summary>
    Clicked,

    /// <summary>A pop-up was shown.</summary>
    Shown,

    /// <summary>A pop-up was closed.</summary>
    Dismissed
}
