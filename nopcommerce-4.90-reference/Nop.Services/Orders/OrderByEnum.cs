namespace Nop.Services.Orders;

public enum OrderByEnum
{
    OrderByQuantity = 1,

    OrderByTotalAmount = 2
}
