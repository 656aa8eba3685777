using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Messages;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using Nop.Plugin.Misc.CustomFlows.Services.Inbox;
using Nop.Plugin.Misc.CustomFlows.Services.Runs;
using Nop.Plugin.Misc.CustomFlows.Tests.Support;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Runs;

/// <summary>
/// The whole path inside the shop, with the in-memory tables and mocked nopCommerce services:
/// order placed (through the plugin's event consumer) -> inbox -> run -> wait -> due -> e-mail -> another order -> converted, nothing more sent
/// </summary>
[TestFixture]
public class FlowRunPumpEndToEndTests
{
    private sealed class MovableClock(DateTime start) : TimeProvider
    {
        public DateTime UtcNow { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => new(UtcNow, TimeSpan.Zero);
    }

    private sealed class RecordingDispatcher : IFlowEffectDispatcher
    {
        public List<FlowEffect> Dispatched { get; } = new();

        public Task DispatchAsync(FlowEffect effect, FlowRunState run, CancellationToken cancellationToken)
        {
            Dispatched.Add(effect);
            return Task.CompletedTask;
        }

        public Task<int> PerformLeftOverAsync(int maxCount, CancellationToken cancellationToken) => Task.FromResult(0);
    }

    private const string ThankYouFlow = """
        {
          "schemaVersion": 1, "id": "x", "version": 1, "name": "Thank you, then a nudge",
          "settings": { "reEntry": { "mode": "onceEver" } },
          "goal": { "name": "ordered again", "condition": { "type": "ordersCount", "op": "gte", "value": 1, "sinceEntry": true } },
          "nodes": [
            { "type": "start", "id": "start", "trigger": { "event": "order_placed" }, "next": "wait-2d" },
            { "type": "wait", "id": "wait-2d", "delay": "2d", "next": "thank-you" },
            { "type": "action", "id": "thank-you", "action": { "type": "sendEmail", "template": "CustomFlows.ThankYou", "category": "marketing" }, "next": "wait-3d" },
            { "type": "wait", "id": "wait-3d", "delay": "3d", "next": "reminder" },
            { "type": "action", "id": "reminder", "action": { "type": "sendEmail", "template": "CustomFlows.Reminder", "category": "marketing" }, "next": "end" },
            { "type": "end", "id": "end" }
          ]
        }
        """;

    private static readonly DateTime Start = new(2026, 11, 2, 10, 0, 0, DateTimeKind.Utc);

    private MovableClock _clock;
    private RecordingDispatcher _dispatcher;
    private PumpHarness _shop;
    private InMemoryRepository<FlowInboxEvent> _inbox;
    private InMemoryRepository<FlowRun> _runs;
    private InMemoryRepository<FlowNodeDailyStat> _stats;
    private FlowInboxProcessor _inboxProcessor;
    private FlowInboxWriter _inboxWriter;
    private CustomFlowsSettings _settings;

    [SetUp]
    public void SetUp()
    {
        _clock = new MovableClock(Start);
        _dispatcher = new RecordingDispatcher();
        //no quiet hours, so the test's clock times are the send times
        _settings = new CustomFlowsSettings { Enabled = true, QuietHoursStart = "", QuietHoursEnd = "" };
        _shop = new PumpHarness(ThankYouFlow, new Customer { Id = 7, Email = "ala@example.pl", Active = true }, _clock, _dispatcher,
            () => new List<NewsLetterSubscription> { new() { Email = "ala@example.pl", Active = true, StoreId = 1 } }, _settings);
        _inbox = _shop.Inbox;
        _runs = _shop.Runs;
        _stats = _shop.Stats;
        _inboxProcessor = _shop.InboxProcessor;
        _inboxWriter = _shop.InboxWriter;
    }

    private Task PlaceOrderAsync(int orderId, decimal total) => _shop.PlaceOrderAsync(orderId, total);

    private async Task AdvanceToAsync(DateTime utc)
    {
        _clock.UtcNow = utc;
        await _shop.DueProcessor.AdvanceDueRunsAsync(CancellationToken.None);
    }

    private string[] SentTemplates() => _dispatcher.Dispatched.Select(e => ((SendEmailAction)e.Action).Template).ToArray();

    [Test]
    public async Task An_order_starts_the_flow_the_thank_you_goes_after_two_days_and_a_second_order_converts_the_run()
    {
        await PlaceOrderAsync(1, 120m);

        var run = _runs.Table.Single();
        Assert.That((run.Status, run.CurrentNodeId, run.DueOnUtc), Is.EqualTo((FlowRunStatus.Waiting, "wait-2d", Start.AddDays(2))));
        Assert.That(_dispatcher.Dispatched, Is.Empty, "nothing is sent before the wait is over");
        Assert.That(_inbox.Table.Single().ProcessedOnUtc, Is.Not.Null);

        await AdvanceToAsync(Start.AddDays(1));
        Assert.That(_dispatcher.Dispatched, Is.Empty, "a run is not advanced before it is due");

        await AdvanceToAsync(Start.AddDays(2).AddMinutes(1));
        Assert.That(SentTemplates(), Is.EqualTo(new[] { "CustomFlows.ThankYou" }));
        var effect = _dispatcher.Dispatched.Single();
        Assert.That((effect.CustomerId, effect.StoreId, effect.NodeId), Is.EqualTo((7, 1, "thank-you")));
        Assert.That(effect.IdempotencyKey, Is.EqualTo(FlowEffect.KeyOf(run.Id, "thank-you", 1)));
        Assert.That(_runs.Table.Single().CurrentNodeId, Is.EqualTo("wait-3d"));

        _clock.UtcNow = Start.AddDays(3);
        await PlaceOrderAsync(2, 80m);
        var converted = _runs.Table.Single();
        Assert.That(converted.Status, Is.EqualTo(FlowRunStatus.Completed));
        Assert.That(converted.Converted, Is.True, "the goal (an order since entering) converts the run");
        Assert.That(_stats.Table.Single(s => s.Converted > 0).NodeId, Is.EqualTo("wait-3d"), "goal reached is counted on the step the run was on");
        Assert.That(_stats.Table.Sum(s => s.Revenue), Is.Zero, "meeting the goal credits no revenue: orders are credited by attribution");
        Assert.That(_runs.Table.Count(), Is.EqualTo(1), "once ever: the second order does not start the flow again");

        await AdvanceToAsync(Start.AddDays(10));
        Assert.That(SentTemplates(), Is.EqualTo(new[] { "CustomFlows.ThankYou" }), "no reminder after the goal is reached");
    }

    private PumpHarness EveryTimeShop() => new(ThankYouFlow
            .Replace("\"mode\": \"onceEver\"", "\"mode\": \"everyTime\"")
            .Replace("\"goal\": { \"name\": \"ordered again\", \"condition\": { \"type\": \"ordersCount\", \"op\": \"gte\", \"value\": 1, \"sinceEntry\": true } },", ""),
        new Customer { Id = 7, Email = "ala@example.pl", Active = true }, _clock, _dispatcher,
        () => new List<NewsLetterSubscription> { new() { Email = "ala@example.pl", Active = true, StoreId = 1 } }, _settings);

    [Test]
    public async Task A_flow_entered_every_time_holds_one_open_run_per_order()
    {
        var shop = EveryTimeShop();

        await shop.PlaceOrderAsync(1, 120m);
        _clock.UtcNow = Start.AddHours(5);
        await shop.PlaceOrderAsync(2, 80m);

        Assert.That(shop.Inbox.Table.AsEnumerable().Select(e => (e.ProcessedOnUtc != null, e.QuarantinedOnUtc)), Has.All.EqualTo((true, (DateTime?)null)),
            "the second order is not refused by the first run's active key");
        Assert.That(shop.Runs.Table.AsEnumerable().Select(r => (r.Status, r.CurrentNodeId)),
            Is.EqualTo(new[] { (FlowRunStatus.Waiting, "wait-2d"), (FlowRunStatus.Waiting, "wait-2d") }));
        Assert.That(shop.Runs.Table.Select(r => r.EntryKey), Is.Unique);
    }

    [Test]
    public async Task An_event_handled_again_after_a_crash_does_not_start_its_every_time_flow_twice()
    {
        var shop = EveryTimeShop();
        await shop.PlaceOrderAsync(1, 120m);

        //the process died after the run was saved but before the event was marked as handled
        var inboxEvent = shop.Inbox.Table.Single();
        inboxEvent.ProcessedOnUtc = null;
        await shop.Inbox.UpdateAsync(inboxEvent);
        await shop.InboxProcessor.ProcessInboxBatchAsync(CancellationToken.None);

        Assert.That(shop.Runs.Table.Count(), Is.EqualTo(1));
        Assert.That(shop.Inbox.Table.Single().ProcessedOnUtc, Is.Not.Null);
    }

    [Test]
    public async Task While_the_plugin_is_switched_off_events_wait_and_runs_do_not_move()
    {
        await PlaceOrderAsync(1, 120m);
        _settings.Enabled = false;

        _clock.UtcNow = Start.AddDays(3);
        await _inboxWriter.WriteAsync(FlowInboxEventTypes.ORDER_PLACED, 7, 1, new OrderPayload(2, 50m, "PLN"));
        var handled = await _inboxProcessor.ProcessInboxBatchAsync(CancellationToken.None);
        var advanced = await _shop.DueProcessor.AdvanceDueRunsAsync(CancellationToken.None);

        Assert.That((handled, advanced), Is.EqualTo((0, 0)));
        Assert.That(_dispatcher.Dispatched, Is.Empty, "nothing is sent while the plugin is off");
        Assert.That(_inbox.Table.Count(e => e.ProcessedOnUtc == null), Is.EqualTo(1));

        _settings.Enabled = true;
        await AdvanceToAsync(Start.AddDays(3));
        Assert.That(SentTemplates(), Is.EqualTo(new[] { "CustomFlows.ThankYou" }), "switched on again, the run carries on");
    }

    [Test]
    public async Task The_due_runs_job_waits_while_the_inbox_job_works_on_runs()
    {
        await PlaceOrderAsync(1, 120m);
        _clock.UtcNow = Start.AddDays(2).AddMinutes(1);

        var inboxTurn = await _shop.Gate.EnterAsync(CancellationToken.None);
        var advancing = _shop.DueProcessor.AdvanceDueRunsAsync(CancellationToken.None);
        await Task.Delay(200);
        Assert.That(advancing.IsCompleted, Is.False, "the due run is not touched while the other job holds the runs");
        Assert.That(_dispatcher.Dispatched, Is.Empty);

        inboxTurn.Dispose();
        Assert.That(await advancing, Is.EqualTo(1));
        Assert.That(SentTemplates(), Is.EqualTo(new[] { "CustomFlows.ThankYou" }));
    }

    [Test]
    public async Task Logging_in_moves_the_guests_runs_popups_sent_messages_and_state_to_the_account()
    {
        const int guestId = 99;
        //the guest ordered, so the flow is open for the guest; the account has its own state
        await _inboxWriter.WriteAsync(FlowInboxEventTypes.ORDER_PLACED, guestId, 1, new OrderPayload(1, 120m, "PLN"));
        await _inboxProcessor.ProcessInboxBatchAsync(CancellationToken.None);
        var guestRun = _runs.Table.Single();
        await _shop.Popups.InsertAsync(new PendingPopup { CustomerId = guestId, StoreId = 1, NodeId = "p", ContentJson = "{}", CreatedOnUtc = Start });
        await _shop.ActionLogs.InsertAsync(new FlowActionLog { IdempotencyKey = "1:mail:1", FlowRunId = guestRun.Id, NodeId = "mail", CustomerId = guestId, CreatedOnUtc = Start });
        var sent = new[] { new Nop.Plugin.Misc.CustomFlows.Engine.Ports.SentMessage(Start, ActionChannel.Email, true, "1") };
        await _shop.States.InsertAsync(new CustomerFlowState
        {
            CustomerId = guestId, TagsJson = "[\"cart-abandoner\",\"VIP\"]", Score = 5, FunnelStage = "visitor",
            MessagesSentJson = FlowEffectDispatcher.WriteMessages(sent), AppliedChangesJson = "[\"1:score:1\"]"
        });
        await _shop.States.InsertAsync(new CustomerFlowState
        {
            CustomerId = 7, TagsJson = "[\"vip\"]", Score = 10, FunnelStage = "lead",
            MessagesSentJson = FlowEffectDispatcher.WriteMessages([sent[0] with { SentOnUtc = Start.AddDays(-1), FlowId = "2" }])
        });

        await _inboxWriter.WriteAsync(FlowInboxEventTypes.CUSTOMER_LOGGED_IN, 7, 1, new CustomerLoggedInPayload(guestId));
        await _inboxProcessor.ProcessInboxBatchAsync(CancellationToken.None);

        var run = _runs.Table.Single();
        Assert.That((run.CustomerId, run.ActiveKey), Is.EqualTo((7, FlowRunActiveKey.ForActive(run.FlowId, 7, run.EntryKey))));
        Assert.That(_shop.Popups.Table.Single().CustomerId, Is.EqualTo(7));
        Assert.That(_shop.ActionLogs.Table.Single().CustomerId, Is.EqualTo(7), "opens and clicks of the guest's e-mails reach the account's runs");
        var state = _shop.States.Table.Single();
        Assert.That(state.CustomerId, Is.EqualTo(7), "the guest's row is gone");
        Assert.That(Nop.Plugin.Misc.CustomFlows.Services.Channels.CustomerData.CustomerDataChannel.ReadTags(state.TagsJson), Is.EqualTo(new[] { "vip", "cart-abandoner" }));
        Assert.That((state.Score, state.FunnelStage), Is.EqualTo((15, "lead")), "scores add up; the account's stage stays");
        Assert.That(FlowEffectDispatcher.ReadMessages(state.MessagesSentJson).Select(m => m.FlowId), Is.EqualTo(new[] { "2", "1" }),
            "the guest's messages count against the account's caps");
        Assert.That(state.AppliedChangesJson, Does.Contain("1:score:1"));

        //the account now gets the thank-you of the guest's run
        await AdvanceToAsync(Start.AddDays(2).AddMinutes(1));
        Assert.That(_dispatcher.Dispatched.Single().CustomerId, Is.EqualTo(7));
    }

    [Test]
    public async Task A_guest_state_becomes_the_accounts_when_the_account_has_none()
    {
        await _shop.States.InsertAsync(new CustomerFlowState { CustomerId = 99, TagsJson = "[\"cart-abandoner\"]", Score = 3 });

        await _inboxWriter.WriteAsync(FlowInboxEventTypes.CUSTOMER_LOGGED_IN, 7, 1, new CustomerLoggedInPayload(99));
        await _inboxProcessor.ProcessInboxBatchAsync(CancellationToken.None);

        var state = _shop.States.Table.Single();
        Assert.That((state.CustomerId, state.Score, state.TagsJson), Is.EqualTo((7, 3, "[\"cart-abandoner\"]")));
    }

    [Test]
    public async Task Unsubscribing_by_address_ends_the_customers_marketing_runs_and_nothing_more_is_sent()
    {
        await PlaceOrderAsync(1, 120m);

        //as the unsubscribe link writes it: the address, without a logged-in customer
        _clock.UtcNow = Start.AddDays(1);
        await _inboxWriter.WriteAsync(FlowInboxEventTypes.NEWSLETTER_UNSUBSCRIBED, 0, 1, new NewsletterPayload(0, "ala@example.pl", 0));
        await _inboxProcessor.ProcessInboxBatchAsync(CancellationToken.None);

        var run = _runs.Table.Single();
        Assert.That((run.Status, run.ExitReason, run.DueOnUtc), Is.EqualTo((FlowRunStatus.Exited, "unsubscribed", (DateTime?)null)));
        Assert.That(run.ActiveKey, Does.StartWith("ended|"), "the flow may start again after a new sign-up");
        var consent = Nop.Plugin.Misc.CustomFlows.Services.Customers.CustomerConsentSnapshot.Read(_shop.States.Table.Single().ConsentJson)[1];
        Assert.That((consent.MarketingEmail, consent.Source, consent.SeenOnUtc), Is.EqualTo((false, "unsubscribed", Start.AddDays(1))));

        await AdvanceToAsync(Start.AddDays(10));
        Assert.That(_dispatcher.Dispatched, Is.Empty);
    }

    [Test]
    public async Task Unsubscribing_leaves_runs_of_flows_without_marketing_emails()
    {
        var shop = new PumpHarness(ThankYouFlow.Replace("\"category\": \"marketing\"", "\"category\": \"transactional\""),
            new Customer { Id = 7, Email = "ala@example.pl", Active = true }, _clock, _dispatcher,
            () => new List<NewsLetterSubscription>(), _settings);
        await shop.PlaceOrderAsync(1, 120m);

        await shop.InboxWriter.WriteAsync(FlowInboxEventTypes.NEWSLETTER_UNSUBSCRIBED, 7, 1, new NewsletterPayload(0, "ala@example.pl", 0));
        await shop.InboxProcessor.ProcessInboxBatchAsync(CancellationToken.None);

        Assert.That(shop.Runs.Table.Single().Status, Is.EqualTo(FlowRunStatus.Waiting), "order e-mails are not marketing");
    }

    [Test]
    public async Task A_run_saved_by_another_job_after_it_was_read_is_not_overwritten_with_the_older_copy()
    {
        await PlaceOrderAsync(1, 120m);
        _clock.UtcNow = Start.AddDays(2).AddMinutes(1);

        //the due-runs job (on this or another node) reads the run as it falls due ...
        var dueJob = new FlowRunStore(_shop.Executor, _shop.Catalog, _runs);
        var stale = (await dueJob.ClaimDueRunsAsync(_clock.UtcNow, 10)).Single();
        //... while the inbox job converts it with a new order
        await PlaceOrderAsync(2, 80m);
        Assert.That(_runs.Table.Single().Converted, Is.True);

        stale.NodeId = "wait-3d";
        stale.Status = RunStatus.Waiting;
        stale.DueOnUtc = _clock.UtcNow.AddDays(3);
        Assert.ThrowsAsync<Nop.Plugin.Misc.CustomFlows.Engine.Ports.RunChangedException>(() => dueJob.UpdateAsync(stale));
        await dueJob.PostponeAsync(stale.RunId, _clock.UtcNow.AddMinutes(5), "a failing service");

        var run = _runs.Table.Single();
        Assert.That((run.Status, run.Converted, run.DueOnUtc, run.ExitReason), Is.EqualTo((FlowRunStatus.Completed, true, (DateTime?)null, run.ExitReason)));
        Assert.That(run.ExitReason, Does.Not.Contain("failing"), "the converted run keeps its own end");
    }

    [Test]
    public async Task Without_a_second_order_the_reminder_follows_three_days_after_the_thank_you()
    {
        await PlaceOrderAsync(1, 120m);

        await AdvanceToAsync(Start.AddDays(2));
        await AdvanceToAsync(Start.AddDays(5));

        Assert.That(SentTemplates(), Is.EqualTo(new[] { "CustomFlows.ThankYou", "CustomFlows.Reminder" }));
        var run = _runs.Table.Single();
        Assert.That((run.Status, run.Converted, run.EndedOnUtc), Is.EqualTo((FlowRunStatus.Completed, false, (DateTime?)Start.AddDays(5))));
    }

    [Test]
    public async Task While_all_flows_are_paused_events_wait_in_the_inbox_and_runs_do_not_move()
    {
        _settings.PauseAll = true;
        await PlaceOrderAsync(1, 120m);

        Assert.That(_runs.Table, Is.Empty);
        Assert.That(_inbox.Table.Single().ProcessedOnUtc, Is.Null, "the event is kept for when the pause ends");

        _settings.PauseAll = false;
        await _inboxProcessor.ProcessInboxBatchAsync(CancellationToken.None);
        Assert.That(_runs.Table.Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task Each_step_is_counted_in_the_daily_node_statistics()
    {
        await PlaceOrderAsync(1, 120m);
        await AdvanceToAsync(Start.AddDays(2));

        var sent = _stats.Table.Single(s => s.NodeId == "thank-you");
        Assert.That((sent.Entered, sent.Sent), Is.EqualTo((1, 1)));
        Assert.That(sent.ChannelId, Is.EqualTo((int)FlowChannel.Email), "the step's channel");
        Assert.That(_stats.Table.Single(s => s.NodeId == "start").Entered, Is.EqualTo(1));
    }

    [Test]
    public async Task Opens_and_clicks_of_a_steps_message_are_counted_for_that_step_on_their_day_also_after_the_run_ended()
    {
        await PlaceOrderAsync(1, 120m);
        await AdvanceToAsync(Start.AddDays(2));
        var runId = _runs.Table.Single().Id;
        //the customer orders again: the run ends converted, the e-mail is opened and clicked afterwards
        _clock.UtcNow = Start.AddDays(3);
        await PlaceOrderAsync(2, 80m);

        _clock.UtcNow = Start.AddDays(4);
        await _inboxWriter.WriteAsync(FlowInboxEventTypes.EMAIL_OPENED, 7, 1, new EngagementPayload(runId, "thank-you"));
        await _inboxWriter.WriteAsync(FlowInboxEventTypes.EMAIL_CLICKED, 7, 1, new EngagementPayload(runId, "thank-you"));
        await _inboxProcessor.ProcessInboxBatchAsync(CancellationToken.None);

        var dayOfEngagement = _stats.Table.Single(s => s.NodeId == "thank-you" && s.DayOnUtc == Start.AddDays(4).Date);
        Assert.That((dayOfEngagement.Opened, dayOfEngagement.Clicked, dayOfEngagement.Sent), Is.EqualTo((1, 1, 0)));
        Assert.That(_stats.Table.Sum(s => s.Opened), Is.EqualTo(1));
    }

    [Test]
    public async Task A_failing_event_is_retried_with_back_off_and_quarantined_after_five_tries_without_blocking_the_next()
    {
        await _inboxWriter.WriteAsync("no_such_event", 7, 1, new { });
        await _inboxWriter.WriteAsync(FlowInboxEventTypes.ORDER_PLACED, 7, 1, new OrderPayload(1, 10m, "PLN"));

        await _inboxProcessor.ProcessInboxBatchAsync(CancellationToken.None);
        var failing = _inbox.Table.First();
        Assert.That((failing.Attempts, failing.NextAttemptOnUtc), Is.EqualTo((1, (DateTime?)Start.AddMinutes(1))));
        Assert.That(failing.LastError, Does.Contain("no_such_event"));
        Assert.That(_inbox.Table.Last().ProcessedOnUtc, Is.Not.Null, "the next event is not blocked");

        for (var attempt = 2; attempt <= FlowInboxProcessor.MaxAttempts; attempt++)
        {
            _clock.UtcNow = _inbox.Table.First().NextAttemptOnUtc!.Value;
            await _inboxProcessor.ProcessInboxBatchAsync(CancellationToken.None);
        }

        failing = _inbox.Table.First();
        Assert.That(failing.Attempts, Is.EqualTo(FlowInboxProcessor.MaxAttempts));
        Assert.That(failing.QuarantinedOnUtc, Is.Not.Null, "set aside, with its error kept for the admin");
        Assert.That(failing.ProcessedOnUtc, Is.Null, "a quarantined event is not lost: it is still there, unprocessed");
    }
}
