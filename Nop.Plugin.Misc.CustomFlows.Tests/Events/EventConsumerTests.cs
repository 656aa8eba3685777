using Moq;
using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Messages;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Stores;
using Nop.Core.Events;
using Nop.Plugin.Misc.CustomFlows.Events;
using Nop.Plugin.Misc.CustomFlows.Services.Inbox;
using Nop.Web.Framework.Events;
using Nop.Web.Framework.Models;
using Nop.Web.Models.Catalog;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Events;

[TestFixture]
public class EventConsumerTests
{
    private sealed class RecordingInboxWriter : IFlowInboxWriter
    {
        public List<(string Type, int CustomerId, int StoreId, object Payload)> Written { get; } = new();

        public Task WriteAsync<TPayload>(string eventType, int customerId, int storeId, TPayload payload)
        {
            Written.Add((eventType, customerId, storeId, payload));
            return Task.CompletedTask;
        }
    }

    private record OtherModel : BaseNopModel;

    private CustomFlowsSettings _settings;
    private RecordingInboxWriter _inbox;
    private Customer _currentCustomer;
    private EventConsumer _consumer;

    [SetUp]
    public void SetUp()
    {
        _settings = new CustomFlowsSettings { Enabled = true };
        _inbox = new RecordingInboxWriter();
        _currentCustomer = new Customer { Id = 42 };

        var workContext = new Mock<IWorkContext>();
        workContext.Setup(w => w.GetCurrentCustomerAsync()).ReturnsAsync(() => _currentCustomer);
        var storeContext = new Mock<IStoreContext>();
        storeContext.Setup(s => s.GetCurrentStoreAsync()).ReturnsAsync(new Store { Id = 3 });

        _consumer = new EventConsumer(_settings, _inbox, storeContext.Object, workContext.Object);
    }

    private static ShoppingCartItem CartItem(ShoppingCartType type = ShoppingCartType.ShoppingCart) =>
        new() { Id = 7, CustomerId = 42, StoreId = 2, ProductId = 100, Quantity = 3, ShoppingCartTypeId = (int)type };

    private async Task RaiseEveryEventAsync()
    {
        await _consumer.HandleEventAsync(new ModelPreparedEvent<BaseNopModel>(new ProductDetailsModel { Id = 100 }));
        await _consumer.HandleEventAsync(new EntityInsertedEvent<ShoppingCartItem>(CartItem()));
        await _consumer.HandleEventAsync(new EntityUpdatedEvent<ShoppingCartItem>(CartItem()));
        await _consumer.HandleEventAsync(new EntityDeletedEvent<ShoppingCartItem>(CartItem()));
        await _consumer.HandleEventAsync(new OrderPlacedEvent(new Order { Id = 5, CustomerId = 42, StoreId = 2, OrderTotal = 10 }));
        await _consumer.HandleEventAsync(new OrderPaidEvent(new Order { Id = 5, CustomerId = 42, StoreId = 2, OrderTotal = 10 }));
        await _consumer.HandleEventAsync(new CustomerRegisteredEvent(new Customer { Id = 42 }));
        await _consumer.HandleEventAsync(new CustomerLoggedinEvent(new Customer { Id = 42 }, new Customer { Id = 41 }));
        await _consumer.HandleEventAsync(new EmailSubscribedEvent(new NewsLetterSubscription { Id = 9, Email = "a@b.pl", StoreId = 2 }));
        await _consumer.HandleEventAsync(new EmailUnsubscribedEvent(new NewsLetterSubscription { Id = 9, Email = "a@b.pl", StoreId = 2 }));
    }

    [Test]
    public async Task When_the_plugin_is_off_no_event_is_recorded()
    {
        _settings.Enabled = false;

        await RaiseEveryEventAsync();

        Assert.That(_inbox.Written, Is.Empty);
    }

    [Test]
    public async Task When_the_plugin_is_on_every_event_writes_exactly_one_row()
    {
        await RaiseEveryEventAsync();

        Assert.That(_inbox.Written.Select(w => w.Type), Is.EqualTo(new[]
        {
            "product_viewed", "cart_updated", "cart_updated", "cart_updated", "order_placed", "order_paid",
            "customer_registered", "customer_logged_in", "newsletter_subscribed", "newsletter_unsubscribed"
        }));
    }

    [Test]
    public async Task Paused_flows_still_record_events_so_nothing_is_lost_while_paused()
    {
        _settings.PauseAll = true;

        await RaiseEveryEventAsync();

        Assert.That(_inbox.Written, Has.Count.EqualTo(10));
    }

    [Test]
    public async Task Product_page_view_is_recorded_for_the_current_customer_and_store()
    {
        await _consumer.HandleEventAsync(new ModelPreparedEvent<BaseNopModel>(new ProductDetailsModel { Id = 100 }));

        var written = _inbox.Written.Single();
        Assert.That((written.Type, written.CustomerId, written.StoreId), Is.EqualTo(("product_viewed", 42, 3)));
        Assert.That(written.Payload, Is.EqualTo(new ProductViewedPayload(100)));
    }

    [Test]
    public async Task Other_prepared_models_are_not_product_views()
    {
        await _consumer.HandleEventAsync(new ModelPreparedEvent<BaseNopModel>(new OtherModel()));

        Assert.That(_inbox.Written, Is.Empty);
    }

    [Test]
    public async Task Crawlers_and_background_tasks_do_not_view_products()
    {
        _currentCustomer = new Customer { Id = 1, IsSystemAccount = true, SystemName = "SearchEngine" };

        await _consumer.HandleEventAsync(new ModelPreparedEvent<BaseNopModel>(new ProductDetailsModel { Id = 100 }));

        Assert.That(_inbox.Written, Is.Empty);
    }

    [Test]
    public async Task Cart_changes_carry_the_item_its_store_and_the_kind_of_change()
    {
        await _consumer.HandleEventAsync(new EntityInsertedEvent<ShoppingCartItem>(CartItem()));
        await _consumer.HandleEventAsync(new EntityDeletedEvent<ShoppingCartItem>(CartItem()));

        Assert.That(_inbox.Written[0], Is.EqualTo(("cart_updated", 42, 2, (object)new CartUpdatedPayload("added", 7, 100, 3))));
        Assert.That(_inbox.Written[1], Is.EqualTo(("cart_updated", 42, 2, (object)new CartUpdatedPayload("removed", 7, 100, 0))));
    }

    [Test]
    public async Task Wishlist_changes_are_not_cart_changes()
    {
        await _consumer.HandleEventAsync(new EntityInsertedEvent<ShoppingCartItem>(CartItem(ShoppingCartType.Wishlist)));
        await _consumer.HandleEventAsync(new EntityUpdatedEvent<ShoppingCartItem>(CartItem(ShoppingCartType.Wishlist)));
        await _consumer.HandleEventAsync(new EntityDeletedEvent<ShoppingCartItem>(CartItem(ShoppingCartType.Wishlist)));

        Assert.That(_inbox.Written, Is.Empty);
    }

    [Test]
    public async Task Orders_are_recorded_for_the_ordering_customer_in_the_order_store_with_the_total()
    {
        await _consumer.HandleEventAsync(new OrderPaidEvent(new Order { Id = 5, CustomerId = 8, StoreId = 2, OrderTotal = 199.90m, CustomerCurrencyCode = "PLN" }));

        Assert.That(_inbox.Written.Single(), Is.EqualTo(("order_paid", 8, 2, (object)new OrderPayload(5, 199.90m, "PLN"))));
    }

    [Test]
    public async Task Login_after_browsing_as_a_guest_records_the_guest_to_merge()
    {
        await _consumer.HandleEventAsync(new CustomerLoggedinEvent(new Customer { Id = 42 }, new Customer { Id = 41 }));

        Assert.That(_inbox.Written.Single(), Is.EqualTo(("customer_logged_in", 42, 3, (object)new CustomerLoggedInPayload(41))));
    }

    [Test]
    public async Task Login_without_a_guest_session_records_nothing()
    {
        await _consumer.HandleEventAsync(new CustomerLoggedinEvent(new Customer { Id = 42 }));
        await _consumer.HandleEventAsync(new CustomerLoggedinEvent(new Customer { Id = 42 }, new Customer { Id = 42 }));

        Assert.That(_inbox.Written, Is.Empty);
    }

    [Test]
    public async Task Newsletter_changes_name_the_address_because_a_subscriber_may_have_no_account()
    {
        await _consumer.HandleEventAsync(new EmailSubscribedEvent(new NewsLetterSubscription { Id = 9, Email = "ala@example.pl", StoreId = 2, LanguageId = 4 }));

        Assert.That(_inbox.Written.Single(), Is.EqualTo(("newsletter_subscribed", 0, 2, (object)new NewsletterPayload(9, "ala@example.pl", 4))));
    }
}
