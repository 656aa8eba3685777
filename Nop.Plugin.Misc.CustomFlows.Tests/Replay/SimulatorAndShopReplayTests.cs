using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using Nop.Plugin.Misc.CustomFlows.Engine.Templates;
using Nop.Plugin.Misc.CustomFlows.Simulation;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Replay;

/// <summary>
/// The simulator is the shop's forecast: the same history through the same flow must give the same runs in both
/// hosts, step by step (every record with its time, every effect, every state a step leaves), the same end of every
/// run, the same outcome of every effect, the same tags, scores, stages and remembered messages, and the same per-step
/// statistics.
/// </summary>
/// <remarks>
/// Not compared, because only one host defines them: the simulator's attributed revenue (orders within a window after
/// a message) and its count of refused entries by reason, and the shop's counts of opens and clicks per step. What
/// the history leaves out and why is in <see cref="ReplayHistory"/> (unsubscribes) and <see cref="ReplayShop"/>
/// (tag_added and custom events, which the shop has no inbox row for).
/// </remarks>
[TestFixture]
public class SimulatorAndShopReplayTests
{
    /// <summary>
    /// What the history does not reach, by template, and why.
    /// </summary>
    private static readonly Dictionary<string, string[]> NotReached = new()
    {
        //nobody in the history unsubscribes (see ReplayHistory), so the checks before the later e-mails always answer yes
        ["order-follow-up"] = ["consent-reminder: no", "consent-why: no"]
    };

    private static IEnumerable<TestCaseData> Templates() =>
        FlowTemplateLibrary.All.Select(template => new TestCaseData(template.Name).SetArgDisplayNames(template.Name));

    [TestCaseSource(nameof(Templates))]
    public async Task One_history_gives_the_same_timelines_effects_and_statistics_in_the_simulator_and_the_shop(string templateName)
    {
        var replay = await TemplateReplay.RunAsync(FlowTemplateLibrary.Find(templateName));

        Assert.That(Unreached(replay.Report.Flows.Single()), Is.EquivalentTo(NotReached.GetValueOrDefault(templateName, [])),
            "the history reaches every step, both answers of every filter and every branch of every split");
        Assert.That(replay.Differences, Is.Empty, string.Join("\n", replay.Differences));
    }

    [Test]
    public async Task The_replay_notices_when_the_shop_misses_events_of_the_history()
    {
        // given the shop's copy of the history without the product views of the first customer who looks at a product
        var replay = await TemplateReplay.RunAsync(FlowTemplateLibrary.Find("remarketing-basic"), events =>
        {
            var firstViewer = events.First(e => e.Event?.Type == FlowEventType.ProductViewed).CustomerId;
            return events.Where(e => e.CustomerId != firstViewer || e.Event?.Type != FlowEventType.ProductViewed).ToList();
        });

        // then the hosts disagree from that customer's first run on, and so do the statistics
        Assert.That(replay.Differences, Has.Some.StartsWith("committed steps of run 1:"));
        Assert.That(replay.Differences, Has.Some.StartsWith("statistics of step start:"));
        Assert.That(replay.Differences, Has.Some.StartsWith("totals:"));
    }

    /// <summary>Steps nobody reached, filter answers nobody gave, split branches nobody took.</summary>
    private static IEnumerable<string> Unreached(FlowReport flow) =>
        flow.Nodes.Where(node => node.Entered == 0).Select(node => node.NodeId)
            .Concat(flow.Nodes.Where(node => node.Type == "filter" && node.Entered > 0 && (node.PassedYes == 0 || node.PassedNo == 0))
                .Select(node => $"{node.NodeId}: {(node.PassedYes == 0 ? "yes" : "no")}"))
            .Concat(flow.Splits.SelectMany(split => split.Branches.Where(branch => branch.Runs == 0).Select(branch => $"{split.NodeId}: {branch.Name}")));
}
