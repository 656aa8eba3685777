using Moq;
using Nop.Core.Caching;
using Nop.Data;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;
using Nop.Plugin.Misc.CustomFlows.Services.Actions;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Channels;

[TestFixture]
public class FlowActionExecutorTests
{
    private sealed class ProcessKilledException() : Exception("the worker process died here");

    /// <summary>
    /// The shop's action log, except that recording a result kills the worker: what a crash right after the
    /// e-mail was queued looks like
    /// </summary>
    private static IRepository<FlowActionLog> DyingBeforeRecordingTheResult(IRepository<FlowActionLog> table)
    {
        var log = new Mock<IRepository<FlowActionLog>>(MockBehavior.Strict);
        log.Setup(r => r.GetAllAsync(It.IsAny<Func<IQueryable<FlowActionLog>, IQueryable<FlowActionLog>>>(), It.IsAny<Func<ICacheKeyService, CacheKey>>(), It.IsAny<bool>()))
            .Returns((Func<IQueryable<FlowActionLog>, IQueryable<FlowActionLog>> query, Func<ICacheKeyService, CacheKey> _, bool _) => table.GetAllAsync(query));
        log.Setup(r => r.InsertAsync(It.IsAny<FlowActionLog>(), It.IsAny<bool>()))
            .Returns((FlowActionLog row, bool publish) => table.InsertAsync(row, publish));
        log.Setup(r => r.UpdateAsync(It.IsAny<FlowActionLog>(), It.IsAny<bool>())).ThrowsAsync(new ProcessKilledException());
        return log.Object;
    }

    private static FlowActionLog OnlyLogRow(TestShop shop) => shop.ActionLogs.Table.Single();

    [Test]
    public async Task An_email_queued_before_a_crash_is_not_queued_again_when_the_run_is_retried()
    {
        //given a worker that queues the e-mail and dies before it can record that it did
        var shop = new TestShop();
        var effect = TestShop.Effect(TestShop.MarketingEmail);
        var dyingWorker = new FlowActionExecutor(shop.Settings, [shop.EmailChannel], DyingBeforeRecordingTheResult(shop.ActionLogs), shop.Logger.Object, shop.Clock);
        Assert.ThrowsAsync<ProcessKilledException>(() => dyingWorker.PerformAsync(effect));
        Assert.That(shop.QueuedEmails.Table.Count(), Is.EqualTo(1), "the e-mail went into the queue before the crash");
        Assert.That(OnlyLogRow(shop).Status, Is.EqualTo(FlowActionStatus.Pending));

        //when the shop restarts and a new worker steps the unsaved run again, after the unfinished-action wait
        shop.Clock.Advance(TimeSpan.FromMinutes(shop.Settings.UnfinishedActionRetryMinutes + 1));
        var result = await shop.CreateExecutor().PerformAsync(effect);

        //then the queued e-mail is found and recorded, and no second one is queued
        var email = shop.QueuedEmails.Table.Single();
        Assert.That(result.Status, Is.EqualTo(FlowActionStatus.Succeeded));
        Assert.That(result.Replayed, Is.True);
        Assert.That(result.QueuedEmailId, Is.EqualTo(email.Id));
        Assert.That(OnlyLogRow(shop).Status, Is.EqualTo(FlowActionStatus.Succeeded));
        Assert.That(FlowActionResult.FromLog(OnlyLogRow(shop)).QueuedEmailId, Is.EqualTo(email.Id));
    }

    [Test]
    public async Task A_run_that_was_not_saved_after_its_email_gets_the_recorded_result_instead_of_a_second_email()
    {
        //given the executor performed the e-mail and the caller crashed before saving the run
        var shop = new TestShop();
        var effect = TestShop.Effect(TestShop.MarketingEmail);
        var first = await shop.CreateExecutor().PerformAsync(effect);

        //when a new executor performs the same effect again
        var again = await shop.CreateExecutor().PerformAsync(effect);

        //then there is still one e-mail and the answer is the first one's
        Assert.That(shop.QueuedEmails.Table.Count(), Is.EqualTo(1));
        Assert.That(first.Replayed, Is.False);
        Assert.That(again.Replayed, Is.True);
        Assert.That(again.Status, Is.EqualTo(FlowActionStatus.Succeeded));
        Assert.That(again.QueuedEmailId, Is.EqualTo(first.QueuedEmailId));
    }

    [Test]
    public async Task An_action_another_worker_started_moments_ago_is_left_to_it()
    {
        //given a worker recorded the e-mail as started a minute ago and has not finished
        var shop = new TestShop();
        var effect = TestShop.Effect(TestShop.MarketingEmail);
        await shop.ActionLogs.InsertAsync(new FlowActionLog
        {
            IdempotencyKey = effect.IdempotencyKey, FlowRunId = 41, NodeId = effect.NodeId, CustomerId = TestShop.CustomerId,
            Channel = FlowChannel.Email, Status = FlowActionStatus.Pending, CreatedOnUtc = shop.Clock.UtcNow.AddMinutes(-1)
        });

        //when another worker gets the same effect
        var result = await shop.CreateExecutor().PerformAsync(effect);

        //then it sends nothing and tells the caller to come back later
        Assert.That(result.Status, Is.EqualTo(FlowActionStatus.Pending));
        Assert.That(shop.QueuedEmails.Table, Is.Empty);
    }

    [Test]
    public async Task An_action_started_long_ago_without_any_trace_of_its_email_is_performed_once()
    {
        //given a worker died after recording the start but before queueing anything
        var shop = new TestShop();
        var effect = TestShop.Effect(TestShop.MarketingEmail);
        await shop.ActionLogs.InsertAsync(new FlowActionLog
        {
            IdempotencyKey = effect.IdempotencyKey, FlowRunId = 41, NodeId = effect.NodeId, CustomerId = TestShop.CustomerId,
            Channel = FlowChannel.Email, Status = FlowActionStatus.Pending, CreatedOnUtc = shop.Clock.UtcNow.AddHours(-1)
        });

        //when the run is stepped again, twice
        var result = await shop.CreateExecutor().PerformAsync(effect);
        await shop.CreateExecutor().PerformAsync(effect);

        //then the e-mail is sent exactly once, under the same log row
        Assert.That(result.Status, Is.EqualTo(FlowActionStatus.Succeeded));
        Assert.That(shop.QueuedEmails.Table.Count(), Is.EqualTo(1));
        Assert.That(OnlyLogRow(shop).Status, Is.EqualTo(FlowActionStatus.Succeeded));
    }

    [Test]
    public async Task Two_workers_retrying_the_same_abandoned_action_perform_it_once()
    {
        //given an action abandoned long ago, and two workers that both read its stale row
        var shop = new TestShop();
        var effect = TestShop.Effect(new WebhookAction { Url = "https://hooks.example/x" });
        await shop.ActionLogs.InsertAsync(new FlowActionLog
        {
            IdempotencyKey = effect.IdempotencyKey, FlowRunId = 41, NodeId = effect.NodeId, CustomerId = TestShop.CustomerId,
            Channel = FlowChannel.Webhook, Status = FlowActionStatus.Pending, CreatedOnUtc = shop.Clock.UtcNow.AddHours(-1)
        });
        var performed = 0;
        FlowActionResult secondWorkersResult = null;
        var secondWorkerStarted = false;
        var channel = new Mock<IFlowActionChannel>();
        channel.Setup(c => c.GetLogChannel(It.IsAny<FlowAction>())).Returns(FlowChannel.Webhook);
        channel.Setup(c => c.PerformAsync(It.IsAny<FlowActionRequest>())).ReturnsAsync(() =>
        {
            performed++;
            return FlowActionResult.Succeeded("posted");
        });
        //when the first worker is between looking for the effect and taking the action over, the second one runs
        channel.Setup(c => c.FindPerformedAsync(It.IsAny<FlowActionRequest>(), It.IsAny<DateTime>())).Returns(async () =>
        {
            if (!secondWorkerStarted)
            {
                secondWorkerStarted = true;
                secondWorkersResult = await shop.CreateExecutor(channel.Object).PerformAsync(effect);
            }

            return null;
        });

        var firstWorkersResult = await shop.CreateExecutor(channel.Object).PerformAsync(effect);

        //then one of them performed it and the other was told it is in progress
        Assert.That(performed, Is.EqualTo(1));
        Assert.That(new[] { firstWorkersResult.Status, secondWorkersResult.Status },
            Is.EquivalentTo(new[] { FlowActionStatus.Succeeded, FlowActionStatus.Pending }));
        Assert.That(OnlyLogRow(shop).Status, Is.EqualTo(FlowActionStatus.Succeeded));
    }

    [Test]
    public async Task Each_visit_of_a_step_is_its_own_action()
    {
        //given a run that came back to the same e-mail step through a jump
        var shop = new TestShop();
        var executor = shop.CreateExecutor();

        //when both visits are performed
        await executor.PerformAsync(TestShop.Effect(TestShop.MarketingEmail, visit: 1));
        await executor.PerformAsync(TestShop.Effect(TestShop.MarketingEmail, visit: 2));

        //then each visit sent its e-mail
        Assert.That(shop.QueuedEmails.Table.Count(), Is.EqualTo(2));
        Assert.That(shop.ActionLogs.Table.Select(log => log.IdempotencyKey), Is.EquivalentTo(new[] { "41:step-1:1", "41:step-1:2" }));
    }

    [Test]
    public async Task The_log_row_is_written_before_the_channel_is_called()
    {
        //given a channel that looks at the action log while it performs
        var shop = new TestShop();
        FlowActionLog seenByChannel = null;
        var channel = new Mock<IFlowActionChannel>();
        channel.Setup(c => c.GetLogChannel(It.IsAny<FlowAction>())).Returns(FlowChannel.Webhook);
        channel.Setup(c => c.PerformAsync(It.IsAny<FlowActionRequest>()))
            .ReturnsAsync(() =>
            {
                seenByChannel = shop.ActionLogs.Table.SingleOrDefault();
                return FlowActionResult.Succeeded("posted");
            });

        //when the action is performed
        await shop.CreateExecutor(channel.Object).PerformAsync(TestShop.Effect(new WebhookAction { Url = "https://hooks.example/x" }));

        //then the channel already saw its key recorded as Pending
        Assert.That(seenByChannel, Is.Not.Null);
        Assert.That(seenByChannel.Status, Is.EqualTo(FlowActionStatus.Pending));
        Assert.That(seenByChannel.Channel, Is.EqualTo(FlowChannel.Webhook));
        Assert.That(OnlyLogRow(shop).Status, Is.EqualTo(FlowActionStatus.Succeeded));
    }

    [Test]
    public async Task A_failing_channel_is_recorded_as_failed_and_not_repeated()
    {
        //given a channel that throws
        var shop = new TestShop();
        var channel = new Mock<IFlowActionChannel>();
        channel.Setup(c => c.GetLogChannel(It.IsAny<FlowAction>())).Returns(FlowChannel.Webhook);
        channel.Setup(c => c.PerformAsync(It.IsAny<FlowActionRequest>())).ThrowsAsync(new InvalidOperationException("database gone"));
        var effect = TestShop.Effect(new WebhookAction { Url = "https://hooks.example/x" });

        //when the action is performed twice
        var first = await shop.CreateExecutor(channel.Object).PerformAsync(effect);
        var second = await shop.CreateExecutor(channel.Object).PerformAsync(effect);

        //then the failure is recorded with its reason, logged for the admin, and the channel was called once
        Assert.That(first.Status, Is.EqualTo(FlowActionStatus.Failed));
        Assert.That(first.Message, Does.Contain("database gone"));
        Assert.That(OnlyLogRow(shop).Status, Is.EqualTo(FlowActionStatus.Failed));
        Assert.That(second.Replayed, Is.True);
        Assert.That(second.Status, Is.EqualTo(FlowActionStatus.Failed));
        channel.Verify(c => c.PerformAsync(It.IsAny<FlowActionRequest>()), Times.Once);
        shop.Logger.Verify(l => l.ErrorAsync(It.Is<string>(m => m.Contains("41:step-1:1")), It.IsAny<Exception>(), null), Times.Once);
    }

    [Test]
    public async Task A_marketing_email_without_consent_is_skipped_with_its_reason_and_is_no_error()
    {
        //given the customer has no newsletter subscription in the store
        var shop = new TestShop();
        shop.Subscriptions.Clear();

        //when the e-mail action is performed
        var result = await shop.CreateExecutor().PerformAsync(TestShop.Effect(TestShop.MarketingEmail));

        //then nothing is queued, the log says why, and nothing is reported as an error
        Assert.That(result.Status, Is.EqualTo(FlowActionStatus.Skipped));
        Assert.That(shop.QueuedEmails.Table, Is.Empty);
        Assert.That(OnlyLogRow(shop).Status, Is.EqualTo(FlowActionStatus.Skipped));
        Assert.That(FlowActionResult.FromLog(OnlyLogRow(shop)).Message, Does.Contain("consent"));
        shop.Logger.Verify(l => l.ErrorAsync(It.IsAny<string>(), It.IsAny<Exception>(), It.IsAny<Nop.Core.Domain.Customers.Customer>()), Times.Never);
    }

    [Test]
    public void An_action_no_channel_performs_is_refused_before_anything_is_recorded()
    {
        var shop = new TestShop();

        Assert.ThrowsAsync<InvalidOperationException>(() => shop.CreateExecutor(shop.EmailChannel).PerformAsync(TestShop.Effect(new AddTagAction { Tag = "vip" })));
        Assert.That(shop.ActionLogs.Table, Is.Empty);
    }
}
