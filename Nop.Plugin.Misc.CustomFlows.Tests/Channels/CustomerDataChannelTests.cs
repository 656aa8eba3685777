using System.Text.Json;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using Nop.Plugin.Misc.CustomFlows.Services.Actions;
using Nop.Plugin.Misc.CustomFlows.Services.Channels.CustomerData;
using Nop.Plugin.Misc.CustomFlows.Services.Runs;
using Nop.Plugin.Misc.CustomFlows.Tests.Support;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Channels;

[TestFixture]
public class CustomerDataChannelTests
{
    private static CustomerFlowState State(TestShop shop) => shop.CustomerStates.Table.Single(s => s.CustomerId == TestShop.CustomerId);

    /// <summary>
    /// What an attempt leaves in the action log when it dies before recording its outcome
    /// </summary>
    private static Task LogPendingAttemptAsync(TestShop shop, FlowEffect effect) =>
        shop.ActionLogs.InsertAsync(new FlowActionLog
        {
            IdempotencyKey = effect.IdempotencyKey, FlowRunId = 41, NodeId = effect.NodeId, CustomerId = TestShop.CustomerId,
            Channel = FlowChannel.Score, Status = FlowActionStatus.Pending, CreatedOnUtc = shop.Clock.UtcNow
        });

    private static string[] Tags(TestShop shop) => JsonSerializer.Deserialize<string[]>(State(shop).TagsJson);

    [Test]
    public async Task The_first_change_creates_the_customers_row()
    {
        var shop = new TestShop();

        var result = await shop.CustomerDataChannel.PerformAsync(TestShop.Request(new AddTagAction { Tag = "vip" }));

        Assert.That(result.Status, Is.EqualTo(FlowActionStatus.Succeeded));
        Assert.That(Tags(shop), Is.EqualTo(new[] { "vip" }));
        Assert.That(State(shop).UpdatedOnUtc, Is.EqualTo(shop.Clock.UtcNow));
    }

    [Test]
    public async Task Tags_are_kept_once_whatever_their_case_and_removed_whatever_their_case()
    {
        var shop = new TestShop();
        var channel = shop.CustomerDataChannel;

        await channel.PerformAsync(TestShop.Request(new AddTagAction { Tag = "VIP" }));
        await channel.PerformAsync(TestShop.Request(new AddTagAction { Tag = "vip " }));
        await channel.PerformAsync(TestShop.Request(new AddTagAction { Tag = "cart-abandoner" }));
        await channel.PerformAsync(TestShop.Request(new RemoveTagAction { Tag = "Cart-Abandoner" }));

        Assert.That(Tags(shop), Is.EqualTo(new[] { "VIP" }));
        Assert.That(shop.CustomerStates.Table.Count(), Is.EqualTo(1), "one row per customer");
    }

    [Test]
    public async Task Score_changes_add_up_and_the_stage_is_replaced()
    {
        var shop = new TestShop();
        var channel = shop.CustomerDataChannel;

        await channel.PerformAsync(TestShop.Request(new ChangeScoreAction { Delta = 10 }, nodeId: "plus"));
        await channel.PerformAsync(TestShop.Request(new ChangeScoreAction { Delta = -3 }, nodeId: "minus"));
        await channel.PerformAsync(TestShop.Request(new SetFunnelStageAction { Stage = "lead" }));
        await channel.PerformAsync(TestShop.Request(new SetFunnelStageAction { Stage = "customer" }));

        Assert.That(State(shop).Score, Is.EqualTo(7));
        Assert.That(State(shop).FunnelStage, Is.EqualTo("customer"));
    }

    [Test]
    public async Task A_damaged_tag_list_is_replaced_rather_than_stopping_the_flow()
    {
        var shop = new TestShop();
        await shop.CustomerStates.InsertAsync(new CustomerFlowState { CustomerId = TestShop.CustomerId, TagsJson = "{not json" });

        await shop.CustomerDataChannel.PerformAsync(TestShop.Request(new AddTagAction { Tag = "vip" }));

        Assert.That(Tags(shop), Is.EqualTo(new[] { "vip" }));
    }

    [Test]
    public async Task A_score_change_interrupted_after_the_row_changed_is_not_counted_twice()
    {
        //given an attempt that started, changed the score and died before recording it
        var shop = new TestShop();
        var executor = shop.CreateExecutor();
        var effect = TestShop.Effect(new ChangeScoreAction { Delta = 5 });
        await LogPendingAttemptAsync(shop, effect);
        await shop.CustomerDataChannel.PerformAsync(TestShop.Request(effect.Action));

        //when the run is retried after the unfinished-action wait
        shop.Clock.Advance(TimeSpan.FromHours(1));
        var result = await executor.PerformAsync(effect);

        //then the score stays as it was changed once
        Assert.That(result.Replayed, Is.True);
        Assert.That(State(shop).Score, Is.EqualTo(5));
    }

    [Test]
    public async Task A_score_change_interrupted_before_the_row_changed_is_applied_on_retry()
    {
        //given an attempt that died after it was logged as pending but before the score was written,
        //while another flow changed the same customer's row in the meantime
        var shop = new TestShop();
        var executor = shop.CreateExecutor();
        var effect = TestShop.Effect(new ChangeScoreAction { Delta = 5 });
        await LogPendingAttemptAsync(shop, effect);
        shop.Clock.Advance(TimeSpan.FromSeconds(1));
        await shop.CustomerDataChannel.PerformAsync(TestShop.Request(new ChangeScoreAction { Delta = 2 }, runId: 77, nodeId: "other-flow"));

        //when the run is retried
        shop.Clock.Advance(TimeSpan.FromHours(1));
        var result = await executor.PerformAsync(effect);

        //then the lost change is made, once, on top of the other flow's
        Assert.That(result.Status, Is.EqualTo(FlowActionStatus.Succeeded));
        Assert.That(State(shop).Score, Is.EqualTo(7));
        Assert.That(shop.ActionLogs.Table.Single(l => l.IdempotencyKey == effect.IdempotencyKey).Status, Is.EqualTo(FlowActionStatus.Succeeded));
    }

    [Test]
    public async Task The_same_score_change_handed_over_twice_counts_once()
    {
        var shop = new TestShop();

        await shop.CustomerDataChannel.PerformAsync(TestShop.Request(new ChangeScoreAction { Delta = 5 }));
        var again = await shop.CustomerDataChannel.PerformAsync(TestShop.Request(new ChangeScoreAction { Delta = 5 }));

        Assert.That(again.Status, Is.EqualTo(FlowActionStatus.Succeeded));
        Assert.That(State(shop).Score, Is.EqualTo(5));
    }

    [Test]
    public async Task The_row_remembers_a_bounded_number_of_applied_changes()
    {
        var shop = new TestShop();
        var channel = shop.CustomerDataChannel;

        for (var i = 0; i < CustomerDataChannel.RememberedChanges + 20; i++)
            await channel.PerformAsync(TestShop.Request(new ChangeScoreAction { Delta = 1 }, nodeId: $"step-{i}"));

        var remembered = CustomerDataChannel.ReadAppliedChanges(State(shop).AppliedChangesJson);
        Assert.That(State(shop).Score, Is.EqualTo(CustomerDataChannel.RememberedChanges + 20));
        Assert.That(remembered, Has.Count.EqualTo(CustomerDataChannel.RememberedChanges));
        Assert.That(remembered[^1], Is.EqualTo(TestShop.Effect(new ChangeScoreAction(), nodeId: $"step-{CustomerDataChannel.RememberedChanges + 19}").IdempotencyKey),
            "the newest key is kept, the oldest go");
    }

    [Test]
    public async Task Changes_of_one_customer_made_at_the_same_time_by_several_runs_are_all_kept()
    {
        //every repository call takes a turn, like a database round trip, so writers interleave
        var shop = new TestShop();
        var states = YieldingRepository<CustomerFlowState>.Over(shop.CustomerStates);
        var clock = shop.Clock;
        var rows = new Nop.Plugin.Misc.CustomFlows.Services.Customers.CustomerStateRows(shop.StateGate, states, clock);
        var dispatcher = new FlowEffectDispatcher(new ImmediateSuccess(), rows, clock);

        var work = new List<Task>();
        for (var i = 0; i < 20; i++)
        {
            var channel = new CustomerDataChannel(rows);
            work.Add(channel.PerformAsync(TestShop.Request(new ChangeScoreAction { Delta = 1 }, runId: i, nodeId: "score")));
            work.Add(channel.PerformAsync(TestShop.Request(new AddTagAction { Tag = $"tag-{i}" }, runId: i, nodeId: "tag")));
            work.Add(dispatcher.DispatchAsync(TestShop.Effect(TestShop.MarketingEmail, runId: i, nodeId: "mail"), null, CancellationToken.None));
        }
        await Task.WhenAll(work);

        var state = State(shop);
        Assert.That(state.Score, Is.EqualTo(20), "no score change lost");
        Assert.That(Tags(shop), Has.Length.EqualTo(20), "no tag lost");
        Assert.That(FlowEffectDispatcher.ReadMessages(state.MessagesSentJson), Has.Count.EqualTo(20), "no sent message forgotten");
        Assert.That(shop.CustomerStates.Table.Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task Two_customers_on_one_stripe_are_entered_once_and_other_writers_wait_for_both()
    {
        var gate = new Nop.Plugin.Misc.CustomFlows.Services.Customers.CustomerStateGate();
        var sameStripe = 1 + Nop.Plugin.Misc.CustomFlows.Services.Customers.CustomerStateGate.Stripes;

        var both = gate.EnterAsync(1, sameStripe);
        Assert.That(both.IsCompleted, Is.True, "no wait for itself");
        var other = gate.EnterAsync(2, 1);
        var waiting = gate.EnterAsync(sameStripe);
        Assert.That(other.IsCompleted || waiting.IsCompleted, Is.False);

        (await both).Dispose();
        (await other).Dispose();
        (await waiting).Dispose();
    }

    private sealed class ImmediateSuccess : IFlowActionExecutor
    {
        public Task<FlowActionResult> PerformAsync(FlowEffect effect, FlowActionContext context) =>
            Task.FromResult(FlowActionResult.Succeeded("sent"));

        public Task RecordAsync(IReadOnlyList<FlowEffect> effects, FlowActionContext context) => Task.CompletedTask;

        public Task<FlowActionResult> PerformRecordedAsync(FlowEffect effect, FlowActionContext context) => PerformAsync(effect, context);

        public Task<IReadOnlyList<RecordedEffect>> GetLeftOverAsync(int maxCount) => Task.FromResult<IReadOnlyList<RecordedEffect>>([]);
    }

    [Test]
    public async Task The_log_tells_tags_scores_and_stages_apart()
    {
        var shop = new TestShop();
        var executor = shop.CreateExecutor();

        await executor.PerformAsync(TestShop.Effect(new AddTagAction { Tag = "a" }, nodeId: "t"));
        await executor.PerformAsync(TestShop.Effect(new ChangeScoreAction { Delta = 1 }, nodeId: "s"));
        await executor.PerformAsync(TestShop.Effect(new SetFunnelStageAction { Stage = "lead" }, nodeId: "f"));

        Assert.That(shop.ActionLogs.Table.OrderBy(l => l.Id).Select(l => l.Channel),
            Is.EqualTo(new[] { FlowChannel.Tag, FlowChannel.Score, FlowChannel.FunnelStage }));
    }
}
