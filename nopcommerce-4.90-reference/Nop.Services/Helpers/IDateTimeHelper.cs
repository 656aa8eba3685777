using Nop.Core.Domain.Customers;

namespace Nop.Services.Helpers;

public partial interface IDateTimeHelper
{
    Task<DateTime> ConvertToUserTimeAsync(DateTime dt, DateTimeKind sourceDateTimeKind);

    Task<TimeZoneInfo> GetCustomerTimeZoneAsync(Customer customer);

    TimeZoneInfo DefaultStoreTimeZone { get; }
}
