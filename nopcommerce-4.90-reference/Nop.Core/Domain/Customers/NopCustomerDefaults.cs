namespace Nop.Core.Domain.Customers;

public static partial class NopCustomerDefaults
{
    public static string AdministratorsRoleName => "Administrators";

    public static string RegisteredRoleName => "Registered";

    public static string GuestsRoleName => "Guests";
}
