namespace Nop.Plugin.Misc.CustomFlows.Services.Dates;

/// <summary>
/// Customer dates (birthday, registration, subscription end, dates kept as customer attributes) for date flows
/// </summary>
public interface ICustomerDateService
{
    /// <summary>
    /// Gets the active customers whose date of the field falls on a day
    /// </summary>
    /// <param name="dateField">The date field, e.g. "birthday" or "subscriptionEndsOn"</param>
    /// <param name="target">The day</param>
    /// <param name="annual">Whether only day and month count</param>
    Task<IList<CustomerDate>> GetCustomersWithDateAsync(string dateField, DateOnly target, bool annual);

    /// <summary>
    /// Gets a customer's next date of the field on or after a day (for the e-mail token of a subscription end, say)
    /// </summary>
    /// <param name="customerId">Customer identifier</param>
    /// <param name="dateField">The date field</param>
    /// <param name="from">The earliest day that counts</param>
    /// <returns>The date; null when the customer has none</returns>
    Task<DateOnly?> GetNextDateAsync(int customerId, string dateField, DateOnly from);
}
