using Moq;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Messages;
using Nop.Core.Domain.Orders;
using Nop.Core.Events;
using Nop.Plugin.Misc.CustomFlows.Domain;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using Nop.Plugin.Misc.CustomFlows.Services.Runs;
using Nop.Plugin.Misc.CustomFlows.Tests.Channels;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Runs;

/// <summary>
/// A cart row in the inbox names the line that changed; the engine reads a cart event as the cart after the change
/// (its products, value and quantity), as the simulator's history describes it, so trigger filters on the cart's
/// value and the abandoned-cart clock see the whole cart
/// </summary>
[TestFixture]
public class CartEventTests
{
    private const string AbandonedBigCart = """
        {
          "schemaVersion": 1, "id": "x", "version": 1, "name": "Big cart left",
          "nodes": [
            { "type": "start", "id": "start", "trigger": { "event": "cart_updated", "cartChange": "abandoned", "abandonedAfterMinutes": 60, "filters": { "minValue": 100 } }, "next": "end" },
            { "type": "end", "id": "end" }
          ]
        }
        """;

    private TestClock _clock;
    private PumpHarness _shop;

    [SetUp]
    public void SetUp()
    {
        _clock = new TestClock(new DateTime(2026, 11, 2, 10, 0, 0, DateTimeKind.Utc));
        var settings = new CustomFlowsSettings { Enabled = true };
        _shop = new PumpHarness(AbandonedBigCart, new Customer { Id = 7, Email = "ala@example.pl", Active = true }, _clock,
            Mock.Of<IFlowEffectDispatcher>(), () => new List<NewsLetterSubscription>(), settings);
        _shop.Products.AddRange([new Product { Id = 100, Price = 60m }, new Product { Id = 101, Price = 30m }]);
    }

    private async Task ChangeCartAsync(Func<ShoppingCartItem, object> nopEvent, ShoppingCartItem line)
    {
        switch (nopEvent(line))
        {
            case EntityInsertedEvent<ShoppingCartItem> inserted:
                _shop.Cart.Add(line);
                await _shop.Consumer.HandleEventAsync(inserted);
                break;
            case EntityDeletedEvent<ShoppingCartItem> deleted:
                _shop.Cart.Remove(line);
                await _shop.Consumer.HandleEventAsync(deleted);
                break;
        }

        await _shop.InboxProcessor.ProcessInboxBatchAsync(CancellationToken.None);
    }

    private static ShoppingCartItem Line(int id, int productId, int quantity) => new()
    {
        Id = id, CustomerId = 7, StoreId = 1, ProductId = productId, Quantity = quantity, ShoppingCartType = ShoppingCartType.ShoppingCart
    };

    [Test]
    public async Task A_second_line_that_brings_the_cart_to_the_filters_value_starts_the_run_with_the_whole_cart()
    {
        await ChangeCartAsync(line => new EntityInsertedEvent<ShoppingCartItem>(line), Line(1, 100, 1));
        Assert.That(_shop.Runs.Table, Is.Empty, "a cart of 60 is below the flow's 100");

        await ChangeCartAsync(line => new EntityInsertedEvent<ShoppingCartItem>(line), Line(2, 101, 2));

        var trigger = FlowRunStore.ToState(_shop.Runs.Table.Single()).Trigger;
        Assert.That((trigger.Value, trigger.Quantity, trigger.ProductIds), Is.EqualTo((120m, 3, new[] { 100, 101 })),
            "the cart after the change, not the line that changed");
    }

    [Test]
    public async Task Removing_one_of_two_lines_restarts_the_abandoned_cart_clock_instead_of_ending_the_run_as_emptied()
    {
        var first = Line(1, 100, 2);
        await ChangeCartAsync(line => new EntityInsertedEvent<ShoppingCartItem>(line), first);
        await ChangeCartAsync(line => new EntityInsertedEvent<ShoppingCartItem>(line), Line(2, 101, 1));

        _clock.Advance(TimeSpan.FromMinutes(20));
        await ChangeCartAsync(line => new EntityDeletedEvent<ShoppingCartItem>(line), first);

        var run = FlowRunStore.ToState(_shop.Runs.Table.Single());
        Assert.That((run.Status, run.DueOnUtc), Is.EqualTo((RunStatus.Waiting, (DateTime?)_clock.UtcNow.AddMinutes(60))),
            "one line is still in the cart: the customer is still shopping");
        Assert.That((run.Trigger.Value, run.Trigger.Quantity), Is.EqualTo((30m, 1)));
    }
}
