using System.Text.Json;
using Moq;
using Nop.Data;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Services.Inbox;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Events;

[TestFixture]
public class FlowInboxWriterTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Test]
    public async Task Writing_an_event_costs_exactly_one_insert_and_no_other_repository_call()
    {
        var repository = new Mock<IRepository<FlowInboxEvent>>(MockBehavior.Strict);
        FlowInboxEvent inserted = null;
        repository.Setup(r => r.InsertAsync(It.IsAny<FlowInboxEvent>(), false))
            .Callback<FlowInboxEvent, bool>((e, _) => inserted = e)
            .Returns(Task.CompletedTask);
        var writer = new FlowInboxWriter(repository.Object, new FixedClock(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero)));

        await writer.WriteAsync(FlowInboxEventTypes.ORDER_PLACED, 8, 2, new OrderPayload(5, 12.5m, "EUR"));

        repository.Verify(r => r.InsertAsync(It.IsAny<FlowInboxEvent>(), false), Times.Once);
        repository.VerifyNoOtherCalls();
        Assert.That(inserted.EventType, Is.EqualTo("order_placed"));
        Assert.That((inserted.CustomerId, inserted.StoreId), Is.EqualTo((8, 2)));
        Assert.That(inserted.CreatedOnUtc, Is.EqualTo(new DateTime(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc)));
        Assert.That(inserted.ProcessedOnUtc, Is.Null, "a new event waits for the inbox job");
        Assert.That(inserted.Attempts, Is.Zero);
    }

    [Test]
    public async Task Payload_is_stored_as_camel_case_json_the_inbox_job_can_read_back()
    {
        var repository = new Mock<IRepository<FlowInboxEvent>>();
        FlowInboxEvent inserted = null;
        repository.Setup(r => r.InsertAsync(It.IsAny<FlowInboxEvent>(), It.IsAny<bool>()))
            .Callback<FlowInboxEvent, bool>((e, _) => inserted = e)
            .Returns(Task.CompletedTask);

        await new FlowInboxWriter(repository.Object, TimeProvider.System)
            .WriteAsync(FlowInboxEventTypes.CART_UPDATED, 42, 1, new CartUpdatedPayload("added", 7, 100, 3));

        using var json = JsonDocument.Parse(inserted.PayloadJson);
        Assert.That(json.RootElement.GetProperty("change").GetString(), Is.EqualTo("added"));
        Assert.That(json.RootElement.GetProperty("productId").GetInt32(), Is.EqualTo(100));
        Assert.That(json.RootElement.GetProperty("quantity").GetInt32(), Is.EqualTo(3));
    }

    [Test]
    public void An_event_without_a_type_is_refused_before_anything_is_written()
    {
        var repository = new Mock<IRepository<FlowInboxEvent>>(MockBehavior.Strict);
        var writer = new FlowInboxWriter(repository.Object, TimeProvider.System);

        Assert.ThrowsAsync<ArgumentException>(() => writer.WriteAsync("", 1, 1, new { }));
        repository.VerifyNoOtherCalls();
    }
}
