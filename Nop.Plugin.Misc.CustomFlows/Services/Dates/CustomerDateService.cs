using System.Globalization;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Data;
using Nop.Plugin.Misc.CustomFlows.Engine.Entry;

namespace Nop.Plugin.Misc.CustomFlows.Services.Dates;

/// <summary>
/// The customer dates date flows start on, read from what a nopCommerce shop keeps:
/// <list type="bullet">
/// <item><c>birthday</c>: the customer's date of birth</item>
/// <item><c>registeredOn</c>: the day the customer registered (UTC)</item>
/// <item><c>subscriptionEndsOn</c>: the end of an active recurring payment with a fixed number of cycles
/// (start plus cycles times cycle length), the customer and store being those of its initial order</item>
/// <item>any other name: a customer generic attribute of that key holding a date (how an import or another
/// plugin can give customers dates of their own, e.g. <c>contractEndsOn</c>)</item>
/// </list>
/// Inactive and deleted customers have no dates.
/// </summary>
public class CustomerDateService : ICustomerDateService
{
    #region Fields

    /// <summary>The date of birth</summary>
    public const string BIRTHDAY = "birthday";

    /// <summary>The day of registration</summary>
    public const string REGISTERED_ON = "registeredOn";

    /// <summary>The end of a recurring payment</summary>
    public const string SUBSCRIPTION_ENDS_ON = "subscriptionEndsOn";

    /// <summary>
    /// The key group of customer generic attributes
    /// </summary>
    private const string CUSTOMER_KEY_GROUP = nameof(Customer);

    private readonly IRepository<Customer> _customerRepository;
    private readonly IRepository<GenericAttribute> _genericAttributeRepository;
    private readonly IRepository<Order> _orderRepository;
    private readonly IRepository<RecurringPayment> _recurringPaymentRepository;

    #endregion

    #region Ctor

    public CustomerDateService(IRepository<Customer> customerRepository,
        IRepository<GenericAttribute> genericAttributeRepository,
        IRepository<Order> orderRepository,
        IRepository<RecurringPayment> recurringPaymentRepository)
    {
        _customerRepository = customerRepository;
        _genericAttributeRepository = genericAttributeRepository;
        _orderRepository = orderRepository;
        _recurringPaymentRepository = recurringPaymentRepository;
    }

    #endregion

    #region Utilities

    /// <summary>
    /// The moment a recurring payment's last paid cycle ends; null when it renews without end
    /// </summary>
    public static DateTime? EndOf(RecurringPayment payment)
    {
        if (payment.TotalCycles <= 0 || payment.CycleLength <= 0)
            return null;

        var length = checked(payment.TotalCycles * payment.CycleLength);
        return (RecurringProductCyclePeriod)payment.CyclePeriodId switch
        {
            RecurringProductCyclePeriod.Days => payment.StartDateUtc.AddDays(length),
            RecurringProductCyclePeriod.Weeks => payment.StartDateUtc.AddDays(7d * length),
            RecurringProductCyclePeriod.Months => payment.StartDateUtc.AddMonths(length),
            RecurringProductCyclePeriod.Years => payment.StartDateUtc.AddYears(length),
            _ => null
        };
    }

    /// <summary>
    /// Reads a date stored as a generic attribute: nopCommerce writes DateTime values in the invariant culture
    /// ("11/23/2026 00:00:00"); ISO dates ("2026-11-23") are read too
    /// </summary>
    public static DateOnly? ParseStoredDate(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
            return iso;

        return DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var stored)
            ? DateOnly.FromDateTime(stored)
            : null;
    }

    private static IList<CustomerDate> FromCustomers(IList<Customer> customers, Func<Customer, DateTime?> dateOf, DateOnly target, bool annual) =>
        customers
            .Where(customer => dateOf(customer).HasValue && TriggerMatcher.IsOnDay(DateOnly.FromDateTime(dateOf(customer)!.Value), target, annual))
            .Select(customer => new CustomerDate(customer.Id, customer.RegisteredInStoreId, DateOnly.FromDateTime(dateOf(customer)!.Value)))
            .ToList();

    private async Task<IList<CustomerDate>> BirthdaysAsync(DateOnly target, bool annual)
    {
        var month = target.Month;
        var day = target.Day;
        //people born on 29 February celebrate on the 28th when the year has no 29th
        var includeLeapDay = annual && month == 2 && day == 28 && !DateTime.IsLeapYear(target.Year);
        var customers = await _customerRepository.GetAllAsync(query => query
            .Where(customer => customer.Active && !customer.Deleted && customer.DateOfBirth != null
                && customer.DateOfBirth.Value.Month == month
                && (customer.DateOfBirth.Value.Day == day || (includeLeapDay && customer.DateOfBirth.Value.Day == 29)))
            .OrderBy(customer => customer.Id));

        return FromCustomers(customers, customer => customer.DateOfBirth, target, annual);
    }

    private async Task<IList<CustomerDate>> RegistrationsAsync(DateOnly target, bool annual)
    {
        var month = target.Month;
        var day = target.Day;
        var includeLeapDay = annual && month == 2 && day == 28 && !DateTime.IsLeapYear(target.Year);
        var customers = await _customerRepository.GetAllAsync(query => query
            .Where(customer => customer.Active && !customer.Deleted
                && customer.CreatedOnUtc.Month == month
                && (customer.CreatedOnUtc.Day == day || (includeLeapDay && customer.CreatedOnUtc.Day == 29)))
            .OrderBy(customer => customer.Id));

        return FromCustomers(customers, customer => customer.CreatedOnUtc, target, annual);
    }

    /// <summary>
    /// Active recurring payments with an end, each with the customer and store of its initial order
    /// </summary>
    private async Task<IList<(int CustomerId, int StoreId, DateOnly EndsOn)>> SubscriptionEndsAsync(int? customerId)
    {
        var payments = await _recurringPaymentRepository.GetAllAsync(query => query
            .Where(payment => payment.IsActive && !payment.Deleted && payment.TotalCycles > 0)
            .OrderBy(payment => payment.Id));
        if (payments.Count == 0)
            return [];

        var orderIds = payments.Select(payment => payment.InitialOrderId).Distinct().ToList();
        var orders = (await _orderRepository.GetAllAsync(query => query
                .Where(order => orderIds.Contains(order.Id) && !order.Deleted && (customerId == null || order.CustomerId == customerId))))
            .ToDictionary(order => order.Id);

        return payments
            .Where(payment => orders.ContainsKey(payment.InitialOrderId) && EndOf(payment).HasValue)
            .Select(payment => (orders[payment.InitialOrderId].CustomerId, orders[payment.InitialOrderId].StoreId, DateOnly.FromDateTime(EndOf(payment)!.Value)))
            .ToList();
    }

    private async Task<IList<CustomerDate>> KeepActiveCustomersAsync(IEnumerable<CustomerDate> dates)
    {
        var list = dates.ToList();
        if (list.Count == 0)
            return list;

        var ids = list.Select(date => date.CustomerId).Distinct().ToList();
        var customers = (await _customerRepository.GetAllAsync(query => query
                .Where(customer => ids.Contains(customer.Id) && customer.Active && !customer.Deleted)))
            .ToDictionary(customer => customer.Id);

        return list
            .Where(date => customers.ContainsKey(date.CustomerId))
            //a date kept for all stores (0) belongs to the store the customer registered in
            .Select(date => date.StoreId == 0 ? date with { StoreId = customers[date.CustomerId].RegisteredInStoreId } : date)
            .OrderBy(date => date.CustomerId)
            .ToList();
    }

    private async Task<IList<(int CustomerId, int StoreId, DateOnly Date)>> AttributeDatesAsync(string key, int? customerId)
    {
        var attributes = await _genericAttributeRepository.GetAllAsync(query => query
            .Where(attribute => attribute.KeyGroup == CUSTOMER_KEY_GROUP && attribute.Key == key
                && (customerId == null || attribute.EntityId == customerId))
            .OrderBy(attribute => attribute.Id));

        return attributes
            .Select(attribute => (attribute.EntityId, attribute.StoreId, Date: ParseStoredDate(attribute.Value)))
            .Where(item => item.Date.HasValue)
            .Select(item => (item.EntityId, item.StoreId, item.Date!.Value))
            .ToList();
    }

    #endregion

    #region Methods

    /// <inheritdoc />
    public async Task<IList<CustomerDate>> GetCustomersWithDateAsync(string dateField, DateOnly target, bool annual)
    {
        if (string.IsNullOrWhiteSpace(dateField))
            return [];

        if (string.Equals(dateField, BIRTHDAY, StringComparison.OrdinalIgnoreCase))
            return await BirthdaysAsync(target, annual);
        if (string.Equals(dateField, REGISTERED_ON, StringComparison.OrdinalIgnoreCase))
            return await RegistrationsAsync(target, annual);
        if (string.Equals(dateField, SUBSCRIPTION_ENDS_ON, StringComparison.OrdinalIgnoreCase))
        {
            var ends = (await SubscriptionEndsAsync(null))
                .Where(end => TriggerMatcher.IsOnDay(end.EndsOn, target, annual))
                .Select(end => new CustomerDate(end.CustomerId, end.StoreId, end.EndsOn));
            return await KeepActiveCustomersAsync(ends);
        }

        var stored = (await AttributeDatesAsync(dateField, null))
            .Where(item => TriggerMatcher.IsOnDay(item.Date, target, annual))
            .Select(item => new CustomerDate(item.CustomerId, item.StoreId, item.Date));
        return await KeepActiveCustomersAsync(stored);
    }

    /// <inheritdoc />
    public async Task<DateOnly?> GetNextDateAsync(int customerId, string dateField, DateOnly from)
    {
        if (string.Equals(dateField, SUBSCRIPTION_ENDS_ON, StringComparison.OrdinalIgnoreCase))
        {
            var ends = (await SubscriptionEndsAsync(customerId)).Select(end => end.EndsOn).Where(date => date >= from).Order().ToList();
            if (ends.Count > 0)
                return ends[0];
        }

        //a shop that keeps the date itself (an import, another plugin) has it as a generic attribute of the same name
        var stored = (await AttributeDatesAsync(dateField, customerId)).Select(item => item.Date).Where(date => date >= from).Order().ToList();
        return stored.Count > 0 ? stored[0] : null;
    }

    #endregion
}

/// <summary>
/// A customer's date in a store
/// </summary>
/// <param name="CustomerId">Customer identifier</param>
/// <param name="StoreId">Store the flow runs in</param>
/// <param name="Date">The date</param>
public record CustomerDate(int CustomerId, int StoreId, DateOnly Date);
