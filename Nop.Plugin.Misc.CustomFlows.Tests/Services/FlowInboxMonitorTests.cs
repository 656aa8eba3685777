using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Services.Inbox;
using Nop.Plugin.Misc.CustomFlows.Tests.Support;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Services;

[TestFixture]
public class FlowInboxMonitorTests
{
    [Test]
    public async Task Only_quarantined_events_are_listed_newest_first_with_the_total()
    {
        var inbox = new InMemoryRepository<FlowInboxEvent>();
        var day = new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);
        await inbox.InsertAsync(new FlowInboxEvent { EventType = "order_placed", QuarantinedOnUtc = day, LastError = "old", Attempts = 5 });
        await inbox.InsertAsync(new FlowInboxEvent { EventType = "cart_updated", ProcessedOnUtc = day });
        await inbox.InsertAsync(new FlowInboxEvent { EventType = "product_viewed", QuarantinedOnUtc = day.AddDays(1), LastError = "new", Attempts = 5 });
        await inbox.InsertAsync(new FlowInboxEvent { EventType = "date", QuarantinedOnUtc = day.AddDays(-1), LastError = "oldest", Attempts = 5 });

        var (events, total) = await new FlowInboxMonitor(inbox).GetQuarantinedAsync(2);

        Assert.That(total, Is.EqualTo(3));
        Assert.That(events.Select(e => e.LastError), Is.EqualTo(new[] { "new", "old" }));
    }
}
