using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Gdpr;
using Nop.Core.Events;
using Nop.Plugin.Misc.CustomFlows.Services.Privacy;
using Nop.Services.Events;

namespace Nop.Plugin.Misc.CustomFlows.Events;

/// <summary>
/// When the shop deletes a customer (the admin's delete, a soft delete that publishes the entity's deleted event) or
/// erases one (GDPR "permanently delete"), the plugin's data about them goes too. Unlike the other consumers this one
/// runs also while the plugin is switched off: the customer's data is there all the same.
/// </summary>
public class CustomerErasureConsumer :
    IConsumer<EntityDeletedEvent<Customer>>,
    IConsumer<CustomerPermanentlyDeleted>
{
    #region Fields

    private readonly ICustomerDataEraser _eraser;

    #endregion

    #region Ctor

    public CustomerErasureConsumer(ICustomerDataEraser eraser)
    {
        _eraser = eraser;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Handle the admin's delete of a customer
    /// </summary>
    /// <param name="eventMessage">Event message</param>
    public Task HandleEventAsync(EntityDeletedEvent<Customer> eventMessage) =>
        eventMessage.Entity is { } customer ? _eraser.EraseAsync(customer.Id, customer.Email) : Task.CompletedTask;

    /// <summary>
    /// Handle the GDPR erasure of a customer
    /// </summary>
    /// <param name="eventMessage">Event message</param>
    public Task HandleEventAsync(CustomerPermanentlyDeleted eventMessage) => _eraser.EraseAsync(eventMessage.CustomerId, eventMessage.Email);

    #endregion
}
