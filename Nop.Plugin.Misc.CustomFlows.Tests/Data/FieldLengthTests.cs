using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Data;

/// <summary>
/// The engine refuses texts longer than the columns that will hold them, so the limits it checks
/// are the columns' sizes as the table builders declare them.
/// </summary>
[TestFixture]
public class FieldLengthTests
{
    [TestCase(typeof(Flow), nameof(Flow.Name), FlowLimits.NameLength)]
    [TestCase(typeof(FlowRun), nameof(FlowRun.CurrentNodeId), FlowLimits.StepIdLength)]
    [TestCase(typeof(FlowActionLog), nameof(FlowActionLog.NodeId), FlowLimits.StepIdLength)]
    [TestCase(typeof(PendingPopup), nameof(PendingPopup.NodeId), FlowLimits.StepIdLength)]
    [TestCase(typeof(FlowNodeDailyStat), nameof(FlowNodeDailyStat.NodeId), FlowLimits.StepIdLength)]
    [TestCase(typeof(FlowRun), nameof(FlowRun.ExitReason), FlowLimits.EndReasonLength)]
    [TestCase(typeof(CustomerFlowState), nameof(CustomerFlowState.FunnelStage), FlowLimits.FunnelStageLength)]
    public void The_column_holds_exactly_what_the_engine_lets_through(Type entity, string column, int engineLimit)
    {
        var declared = PluginEntities.RecordColumns(entity).Columns.Single(c => c.Name == column);

        Assert.That(declared.Size, Is.EqualTo(engineLimit), $"{entity.Name}.{column}");
    }
}
