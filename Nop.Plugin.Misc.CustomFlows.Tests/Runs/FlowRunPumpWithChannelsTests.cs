using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Services.Runs;
using Nop.Plugin.Misc.CustomFlows.Tests.Channels;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Runs;

/// <summary>
/// The whole path with the real action executor and e-mail channel (nopCommerce's queue, templates
/// and tokens mocked): order placed -> inbox -> run -> wait -> due -> e-mail queued with the right
/// tokens and consent -> order placed again -> goal reached, run converted, no further e-mail
/// </summary>
[TestFixture]
public class FlowRunPumpWithChannelsTests
{
    private static readonly string Flow = $$"""
        {
          "schemaVersion": 1, "id": "x", "version": 1, "name": "Come back",
          "settings": { "reEntry": { "mode": "onceEver" } },
          "goal": { "name": "ordered again", "condition": { "type": "ordersCount", "op": "gte", "value": 1, "sinceEntry": true } },
          "nodes": [
            { "type": "start", "id": "start", "trigger": { "event": "order_placed" }, "next": "wait-2d" },
            { "type": "wait", "id": "wait-2d", "delay": "2d", "next": "mail-1" },
            { "type": "action", "id": "mail-1", "action": { "type": "sendEmail", "template": "{{TestShop.Template}}", "category": "marketing" }, "next": "wait-3d" },
            { "type": "wait", "id": "wait-3d", "delay": "3d", "next": "mail-2" },
            { "type": "action", "id": "mail-2", "action": { "type": "sendEmail", "template": "{{TestShop.Template}}", "category": "marketing" }, "next": "end" },
            { "type": "end", "id": "end" }
          ]
        }
        """;

    private TestShop _nop;
    private PumpHarness _shop;
    private DateTime _start;

    [SetUp]
    public void SetUp()
    {
        _nop = new TestShop();
        _nop.Settings.QuietHoursStart = "";
        _nop.Settings.QuietHoursEnd = "";
        _nop.Settings.Enabled = true;
        _start = _nop.Clock.UtcNow;
        var executor = _nop.CreateExecutor();
        var dispatcher = new FlowEffectDispatcher(executor, _nop.StateRows, _nop.Clock);
        _shop = new PumpHarness(Flow, _nop.Customer, _nop.Clock, dispatcher, () => _nop.Subscriptions, _nop.Settings, executor, _nop.ActionLogs);
    }

    private async Task AdvanceToAsync(DateTime utc)
    {
        _nop.Clock.UtcNow = utc;
        await _shop.DueProcessor.AdvanceDueRunsAsync(CancellationToken.None);
    }

    [Test]
    public async Task The_due_step_queues_a_personal_email_through_nopCommerce_and_a_second_order_converts_the_run()
    {
        await _shop.PlaceOrderAsync(1, 120m);
        Assert.That(_nop.QueuedEmails.Table, Is.Empty, "nothing before the wait is over");

        await AdvanceToAsync(_start.AddDays(2));

        var email = _nop.QueuedEmails.Table.Single();
        Assert.That(email.To, Is.EqualTo(TestShop.CustomerEmail));
        Assert.That(email.Subject, Is.EqualTo("Your cart at Test shop"), "nopCommerce's store token");
        Assert.That(email.Body, Does.Contain("Hi Anna Nowak"), "nopCommerce's customer token");
        Assert.That(email.Body, Does.Contain("customflows/unsubscribe?token="), "the plugin's unsubscribe link");
        Assert.That(email.Body, Does.Contain("customflows/open?token="), "the open pixel");
        var log = _nop.ActionLogs.Table.Single();
        Assert.That((log.Status, log.FlowRunId, log.NodeId), Is.EqualTo((FlowActionStatus.Succeeded, _shop.Runs.Table.Single().Id, "mail-1")));

        _nop.Clock.UtcNow = _start.AddDays(3);
        await _shop.PlaceOrderAsync(2, 80m);
        var run = _shop.Runs.Table.Single();
        Assert.That((run.Status, run.Converted), Is.EqualTo((FlowRunStatus.Completed, true)));
        //the second order came a day after the e-mail: the attribution rule credits it to the e-mail's step, and the
        //first order, which started the flow before any message, to nothing
        var credited = _shop.Attributions.Table.Single();
        Assert.That((credited.OrderId, credited.NodeId, credited.FlowRunId, credited.OrderTotal, credited.MessageSentOnUtc),
            Is.EqualTo((2, "mail-1", run.Id, 80m, log.CreatedOnUtc)));

        await AdvanceToAsync(_start.AddDays(10));
        Assert.That(_nop.QueuedEmails.Table.Count(), Is.EqualTo(1), "no further e-mail after the goal");
    }

    [Test]
    public async Task Without_marketing_consent_in_the_store_no_email_is_queued_and_the_run_still_moves_on()
    {
        _nop.Subscriptions.Clear();

        await _shop.PlaceOrderAsync(1, 120m);
        await AdvanceToAsync(_start.AddDays(2));

        Assert.That(_nop.QueuedEmails.Table, Is.Empty);
        Assert.That(_nop.ActionLogs.Table.Single().Status, Is.EqualTo(FlowActionStatus.Skipped));
        Assert.That(_shop.Runs.Table.Single().CurrentNodeId, Is.EqualTo("wait-3d"));
    }

    [Test]
    public async Task A_crash_after_the_email_was_queued_but_before_the_run_was_saved_sends_no_second_email()
    {
        await _shop.PlaceOrderAsync(1, 120m);
        var waitingBeforeCrash = _shop.Runs.Table.Single().StateJson;

        await AdvanceToAsync(_start.AddDays(2));
        Assert.That(_nop.QueuedEmails.Table.Count(), Is.EqualTo(1));

        //the process died before the run's progress reached the database: the run is still the waiting one
        var run = _shop.Runs.Table.Single();
        run.StateJson = waitingBeforeCrash;
        run.CurrentNodeId = "wait-2d";
        run.DueOnUtc = _start.AddDays(2);
        await _shop.Runs.UpdateAsync(run);

        //after the restart the same step runs again
        await AdvanceToAsync(_start.AddDays(2).AddMinutes(1));

        Assert.That(_nop.QueuedEmails.Table.Count(), Is.EqualTo(1), "the idempotency key recognized the e-mail already queued");
        Assert.That(_shop.Runs.Table.Single().CurrentNodeId, Is.EqualTo("wait-3d"));
    }

    /// <summary>
    /// Stands for a worker that stops right after the step was committed, before it performed anything
    /// </summary>
    private sealed class StopsAfterCommit(IFlowEffectDispatcher inner) : IFlowEffectDispatcher
    {
        public int Stops { get; set; } = 1;

        public Task DispatchAsync(Nop.Plugin.Misc.CustomFlows.Engine.Runtime.FlowEffect effect, Nop.Plugin.Misc.CustomFlows.Engine.Runtime.FlowRunState run, CancellationToken cancellationToken)
        {
            if (Stops-- > 0)
                throw new InvalidOperationException("the worker stopped");

            return inner.DispatchAsync(effect, run, cancellationToken);
        }

        public Task<int> PerformLeftOverAsync(int maxCount, CancellationToken cancellationToken) => inner.PerformLeftOverAsync(maxCount, cancellationToken);
    }

    [Test]
    public async Task A_worker_that_stops_after_the_commit_loses_no_email_the_outbox_sends_it_once_later()
    {
        var executor = _nop.CreateExecutor();
        var stopping = new StopsAfterCommit(new FlowEffectDispatcher(executor, _nop.StateRows, _nop.Clock));
        var shop = new PumpHarness(Flow, _nop.Customer, _nop.Clock, stopping, () => _nop.Subscriptions, _nop.Settings, executor);
        await shop.PlaceOrderAsync(1, 120m);

        _nop.Clock.UtcNow = _start.AddDays(2);
        await shop.DueProcessor.AdvanceDueRunsAsync(CancellationToken.None);

        //the step is saved with its e-mail recorded, nothing was sent
        var recorded = _nop.ActionLogs.Table.Single();
        Assert.That((recorded.Status, recorded.NodeId), Is.EqualTo((FlowActionStatus.Pending, "mail-1")));
        Assert.That(recorded.EffectJson, Does.Contain("\"sendEmail\""), "the effect itself is in the outbox");
        Assert.That(_nop.QueuedEmails.Table, Is.Empty);
        Assert.That(shop.Runs.Table.Single().CurrentNodeId, Is.EqualTo("wait-3d"), "the run does not take the step again");

        //within the retry window the row may still be its worker's: nobody else sends it
        _nop.Clock.UtcNow = _start.AddDays(2).AddMinutes(1);
        await shop.DueProcessor.AdvanceDueRunsAsync(CancellationToken.None);
        Assert.That(_nop.QueuedEmails.Table, Is.Empty);

        //after it, the due-runs job sends it, once
        _nop.Clock.UtcNow = _start.AddDays(2).AddMinutes(_nop.Settings.UnfinishedActionRetryMinutes + 1);
        await shop.DueProcessor.AdvanceDueRunsAsync(CancellationToken.None);
        await shop.DueProcessor.AdvanceDueRunsAsync(CancellationToken.None);

        Assert.That(_nop.QueuedEmails.Table.Count(), Is.EqualTo(1));
        Assert.That(_nop.ActionLogs.Table.Single().Status, Is.EqualTo(FlowActionStatus.Succeeded));
        Assert.That(shop.Runs.Table.Single().CurrentNodeId, Is.EqualTo("wait-3d"));
    }

    [Test]
    public async Task A_stale_writer_records_no_effect_and_saves_nothing()
    {
        await _shop.PlaceOrderAsync(1, 120m);
        _nop.Clock.UtcNow = _start.AddDays(2);

        //a second node reads the due run ...
        var otherNode = new FlowRunStore(_shop.Executor, _shop.Catalog, _shop.Runs);
        var stale = (await otherNode.ClaimDueRunsAsync(_nop.Clock.UtcNow, 10)).Single();
        //... while this node steps it and sends the first e-mail
        await _shop.DueProcessor.AdvanceDueRunsAsync(CancellationToken.None);
        var saved = _shop.Runs.Table.Single().StateJson;

        var effect = TestShop.Effect(new Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions.SendEmailAction { Template = TestShop.Template }, stale.RunId, "mail-2");
        Assert.ThrowsAsync<Nop.Plugin.Misc.CustomFlows.Engine.Ports.RunChangedException>(() =>
            otherNode.CommitAsync(new Nop.Plugin.Misc.CustomFlows.Engine.Ports.RunCommit(stale, [effect])));

        Assert.That(_nop.ActionLogs.Table.Select(log => log.NodeId), Is.EqualTo(new[] { "mail-1" }), "the loser recorded nothing");
        Assert.That(_shop.Runs.Table.Single().StateJson, Is.EqualTo(saved));
    }
}
