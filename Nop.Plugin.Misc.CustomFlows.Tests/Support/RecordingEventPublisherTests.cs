namespace Nop.Plugin.Misc.CustomFlows.Tests.Support;

[TestFixture]
public class RecordingEventPublisherTests
{
    [Test]
    public async Task It_remembers_events_in_order_and_how_they_were_published()
    {
        var publisher = new RecordingEventPublisher();

        await publisher.PublishAsync("first");
        publisher.Publish(2);

        Assert.That(publisher.Events, Is.EqualTo(new object[] { "first", 2 }));
        Assert.That(publisher.Published.Select(p => p.Synchronously), Is.EqualTo(new[] { false, true }));
        Assert.That(publisher.Of<string>(), Is.EqualTo(new[] { "first" }));
    }

    [Test]
    public async Task A_subscribed_handler_receives_only_events_of_its_type()
    {
        var publisher = new RecordingEventPublisher();
        var received = new List<string>();
        publisher.Subscribe<string>(text =>
        {
            received.Add(text);
            return Task.CompletedTask;
        });

        await publisher.PublishAsync("hello");
        await publisher.PublishAsync(42);
        publisher.Publish("sync");

        Assert.That(received, Is.EqualTo(new[] { "hello", "sync" }));
    }

    [Test]
    public async Task Clearing_forgets_events_but_keeps_subscriptions()
    {
        var publisher = new RecordingEventPublisher();
        var calls = 0;
        publisher.Subscribe<int>(_ =>
        {
            calls++;
            return Task.CompletedTask;
        });
        await publisher.PublishAsync(1);

        publisher.Clear();
        await publisher.PublishAsync(2);

        Assert.That(publisher.Events, Is.EqualTo(new object[] { 2 }));
        Assert.That(calls, Is.EqualTo(2));
    }
}
