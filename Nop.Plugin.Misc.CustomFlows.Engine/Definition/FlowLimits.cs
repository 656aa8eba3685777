namespace Nop.Plugin.Misc.CustomFlows.Engine.Definition;

/// <summary>
/// The longest texts a flow may hold where the shop keeps them in bounded database columns; the
/// validator refuses longer ones, and the plugin's table mappings take their column sizes from here,
/// so a flow that validates always fits.
/// </summary>
public static class FlowLimits
{
    /// <summary>The flow's <c>name</c> (the flow list's name column).</summary>
    public const int NameLength = 400;

    /// <summary>The flow's <c>id</c> (text in the definition; the shop stores a number).</summary>
    public const int FlowIdLength = 100;

    /// <summary>A step's <c>id</c> (the current step of a run, per-step statistics, the action log, pending pop-ups).</summary>
    public const int StepIdLength = 64;

    /// <summary>The <c>name</c> of the goal or of an exit condition, which becomes the exit reason of the runs it ends.</summary>
    public const int EndReasonLength = 400;

    /// <summary>A <c>setFunnelStage</c> action's <c>stage</c> (the customer's funnel stage column).</summary>
    public const int FunnelStageLength = 100;
}
