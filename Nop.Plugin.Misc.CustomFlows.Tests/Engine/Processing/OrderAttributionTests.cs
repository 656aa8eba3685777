using Nop.Plugin.Misc.CustomFlows.Engine.Processing;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Engine.Processing;

[TestFixture]
public class OrderAttributionTests
{
    private static readonly DateTime Placed = new(2026, 11, 10, 12, 0, 0, DateTimeKind.Utc);

    private static AttributableMessage Message(string flow, string node, long run, DateTime sent) => new(flow, 1, node, run, sent);

    [Test]
    public void An_order_is_credited_once_per_flow_to_the_latest_message_within_the_window_before_it()
    {
        var messages = new[]
        {
            Message("cart", "mail-1", 1, Placed.AddDays(-3)),
            Message("cart", "mail-2", 1, Placed.AddHours(-2)),
            Message("welcome", "hello", 2, Placed.AddDays(-7)),
            //too old, and after the order
            Message("winback", "old", 3, Placed.AddDays(-7).AddSeconds(-1)),
            Message("news", "later", 4, Placed.AddMinutes(1))
        };

        var credited = OrderAttribution.Credit(messages, Placed, TimeSpan.FromDays(7));

        Assert.That(credited.Select(m => (m.FlowId, m.NodeId)), Is.EqualTo(new[] { ("cart", "mail-2"), ("welcome", "hello") }),
            "the window's first moment counts, a second earlier does not; nothing after the order");
    }

    [Test]
    public void Messages_sent_at_the_same_moment_are_decided_the_same_way_whatever_their_order()
    {
        var a = Message("cart", "mail-a", 5, Placed.AddHours(-1));
        var b = Message("cart", "mail-b", 5, Placed.AddHours(-1));

        Assert.That(OrderAttribution.Credit([a, b], Placed, OrderAttribution.DefaultWindow).Single().NodeId, Is.EqualTo("mail-b"));
        Assert.That(OrderAttribution.Credit([b, a], Placed, OrderAttribution.DefaultWindow).Single().NodeId, Is.EqualTo("mail-b"));
    }

    [Test]
    public void A_window_of_nothing_credits_nothing()
    {
        Assert.That(OrderAttribution.Credit([Message("cart", "mail", 1, Placed)], Placed, TimeSpan.Zero), Is.Empty);
    }
}
