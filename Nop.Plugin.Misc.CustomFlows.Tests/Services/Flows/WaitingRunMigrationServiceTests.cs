using System.Text.Json.Nodes;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using Nop.Plugin.Misc.CustomFlows.Engine.Templates;
using Nop.Plugin.Misc.CustomFlows.Services.Flows;
using Nop.Plugin.Misc.CustomFlows.Services.Runs;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Services.Flows;

/// <summary>
/// Moving waiting customers to a new version: the preview counts them per step and suggests the same step, nothing
/// moves without a decision for every step, and applying moves them in batches and says so in the activity log
/// </summary>
[TestFixture]
public class WaitingRunMigrationServiceTests
{
    private FlowLifecycleServiceTests.Shop _shop;
    private int _flowId;

    private static string Template() => FlowTemplateLibrary.All.SelectMany(t => t.Messages).First(m => m.Kind == Nop.Plugin.Misc.CustomFlows.Engine.Ports.TemplateKind.Email).Reference;

    [SetUp]
    public async Task PublishTwoVersions()
    {
        _shop = new FlowLifecycleServiceTests.Shop();
        var lifecycle = _shop.Lifecycle();
        var created = await lifecycle.ImportAsync(FlowLifecycleServiceTests.TwoStepFlow(Template()));
        _flowId = created.FlowId;
        await lifecycle.PublishAsync(_flowId, null);

        //customers wait at "wait" (kept in version 2) and at "mail" (an action about to run, removed in version 2)
        for (var i = 0; i < WaitingRunMigrationService.BatchSize + 3; i++)
            await _shop.AddRunAsync(_flowId, 1, "wait");
        await _shop.AddRunAsync(_flowId, 1, "mail", FlowRunStatus.Running, _shop.Clock.UtcNow);

        var draft = JsonNode.Parse((await lifecycle.GetDraftAsync(_flowId)).Json)!.AsObject();
        var nodes = draft["nodes"]!.AsArray();
        nodes[0]!["next"] = "wait";
        nodes.RemoveAt(1);
        nodes[1]!["delay"] = "5d";
        await lifecycle.SaveDraftAsync(_flowId, draft.ToJsonString(), null);
        await lifecycle.PublishAsync(_flowId, null);
    }

    [Test]
    public async Task The_preview_counts_customers_per_step_and_suggests_the_same_step_where_it_still_exists()
    {
        var preview = await _shop.Migration().PreviewAsync(_flowId, 1);

        Assert.That(preview.ToVersion, Is.EqualTo(2));
        Assert.That(preview.Steps.Select(step => (step.Step.Id, step.Open, step.SuggestedTarget)), Is.EqualTo(new[]
        {
            ("mail", 1, (string)null),
            ("wait", WaitingRunMigrationService.BatchSize + 3, "wait")
        }));
        Assert.That(preview.Targets.Select(step => step.Id), Is.EqualTo(new[] { "wait", "end" }));
        Assert.That(await _shop.Migration().GetVersionsWithOpenRunsAsync(_flowId), Is.EqualTo(new[] { (1, WaitingRunMigrationService.BatchSize + 4) }));
    }

    [Test]
    public async Task Nothing_moves_while_a_step_has_no_decision_or_an_unknown_target()
    {
        var noDecision = await _shop.Migration().ApplyAsync(_flowId, 1, new Dictionary<string, string> { ["wait"] = "wait" });
        var unknown = await _shop.Migration().ApplyAsync(_flowId, 1, new Dictionary<string, string> { ["wait"] = "wait", ["mail"] = "nowhere" });

        Assert.That(noDecision, Is.Null);
        Assert.That(unknown, Is.Null);
        var runs = await _shop.Runs.GetAllAsync(query => query);
        Assert.That(runs.Select(run => run.FlowVersionId).Distinct().Count(), Is.EqualTo(1), "every run is still on version 1");
    }

    [Test]
    public async Task Applying_moves_waiting_runs_in_batches_keeping_their_wait_and_ends_those_the_admin_chose_to_end()
    {
        var version2 = (await _shop.Lifecycle().GetVersionsAsync(_flowId)).First();
        var waitingBefore = (await _shop.Runs.GetAllAsync(query => query.Where(run => run.CurrentNodeId == "wait"))).First();

        var outcome = await _shop.Migration().ApplyAsync(_flowId, 1, new Dictionary<string, string> { ["wait"] = "wait", ["mail"] = IWaitingRunMigrationService.EndRun });

        Assert.That(outcome, Is.EqualTo(new MigrationOutcome(WaitingRunMigrationService.BatchSize + 3, 1)));
        var moved = await _shop.Runs.GetByIdAsync(waitingBefore.Id);
        Assert.That(moved.FlowVersionId, Is.EqualTo(version2.Id));
        Assert.That(moved.DueOnUtc, Is.EqualTo(waitingBefore.DueOnUtc), "a run at the same step keeps its wait");
        var state = FlowRunStore.ToState(moved);
        Assert.That((state.FlowVersion, state.Status, state.NodeId), Is.EqualTo((2, RunStatus.Waiting, "wait")));
        var ended = (await _shop.Runs.GetAllAsync(query => query.Where(run => run.CurrentNodeId == "mail"))).Single();
        Assert.That((ended.Status, ended.ExitReason), Is.EqualTo((FlowRunStatus.Exited, CustomFlowsDefaults.EndReasons.NOT_MIGRATED)));
        Assert.That(_shop.Activities.Last().Type, Is.EqualTo(CustomFlowsDefaults.ActivityLogTypes.RUNS_MIGRATED));
        Assert.That(await _shop.Migration().PreviewAsync(_flowId, 1), Has.Property(nameof(MigrationPreview.Open)).EqualTo(0));
    }

    [Test]
    public async Task A_run_moved_to_another_step_takes_that_step_on_the_next_pass()
    {
        var outcome = await _shop.Migration().ApplyAsync(_flowId, 1, new Dictionary<string, string> { ["wait"] = "end", ["mail"] = "wait" });

        Assert.That(outcome.Moved, Is.EqualTo(WaitingRunMigrationService.BatchSize + 4));
        var run = (await _shop.Runs.GetAllAsync(query => query)).First();
        var state = FlowRunStore.ToState(run);
        Assert.That((state.Status, state.NodeId), Is.EqualTo((RunStatus.Active, "end")));
        Assert.That(run.DueOnUtc, Is.EqualTo(_shop.Clock.UtcNow), "due now, so the due-runs job picks it up");
    }
}
