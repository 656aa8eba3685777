using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Nodes;
using Nop.Plugin.Misc.CustomFlows.Engine.Serialization;

namespace Nop.Plugin.Misc.CustomFlows.Services.Reports;

/// <summary>
/// The steps of a stored flow version as the admin reads them: in definition order, with the node's type and a
/// human label. Shared by the report and the run inspector so both name a step the same way.
/// </summary>
public static class FlowStepLabels
{
    /// <summary>
    /// Reads the steps of a version's definition
    /// </summary>
    /// <param name="definitionJson">The version's definition JSON</param>
    /// <returns>The nodes in definition order; empty when the text is missing or no longer reads, so an old or
    /// damaged version still gets a report labelled by node ids instead of failing the page</returns>
    public static IReadOnlyList<FlowNode> ReadNodes(string definitionJson)
    {
        if (string.IsNullOrWhiteSpace(definitionJson))
            return [];

        try
        {
            return FlowJson.Deserialize(definitionJson).Nodes?.Where(node => node?.Id != null).ToList() ?? [];
        }
        catch (FlowFormatException)
        {
            return [];
        }
    }

    /// <summary>
    /// Gets the node type as the flow JSON writes it
    /// </summary>
    /// <param name="node">A node</param>
    /// <returns>"start", "filter", "wait", "split", "action", "jump" or "end"</returns>
    public static string TypeOf(FlowNode node) => node switch
    {
        StartNode => "start",
        FilterNode => "filter",
        WaitNode => "wait",
        SplitNode => "split",
        ActionNode => "action",
        JumpNode => "jump",
        EndNode => "end",
        _ => "unknown"
    };

    /// <summary>
    /// Gets the label a step is shown under: the admin's title, else what the step is and its id
    /// </summary>
    /// <param name="node">A node</param>
    /// <returns>The label</returns>
    public static string LabelOf(FlowNode node)
    {
        if (!string.IsNullOrWhiteSpace(node.Title))
            return node.Title.Trim();

        var what = node switch
        {
            StartNode => "Start",
            FilterNode => "Filter",
            WaitNode => "Wait",
            SplitNode => "A/B split",
            ActionNode action => ChannelName(action.Action == null ? FlowChannel.None : FlowChannels.Of(action.Action)),
            JumpNode => "Jump",
            EndNode => "End",
            _ => "Step"
        };
        return $"{what} ({node.Id})";
    }

    /// <summary>
    /// Gets the channel of an action node; <see cref="FlowChannel.None"/> for other steps
    /// </summary>
    /// <param name="node">A node</param>
    public static FlowChannel ChannelOf(FlowNode node) =>
        node is ActionNode { Action: not null } action ? FlowChannels.Of(action.Action) : FlowChannel.None;

    private static string ChannelName(FlowChannel channel) => channel switch
    {
        FlowChannel.Email => "E-mail",
        FlowChannel.Popup => "Pop-up",
        FlowChannel.Webhook => "Webhook",
        FlowChannel.Tag => "Tag",
        FlowChannel.Score => "Score",
        FlowChannel.FunnelStage => "Funnel stage",
        FlowChannel.StaffAlert => "Staff alert",
        FlowChannel.Coupon => "Coupon",
        _ => "Action"
    };
}
