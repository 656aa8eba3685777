using Nop.Core.Domain.Common;

namespace Nop.Core.Domain.Orders;

public partial class Order : BaseEntity, ISoftDeletedEntity
{
    public Guid OrderGuid { get; set; }

    public int StoreId { get; set; }

    public int CustomerId { get; set; }

    public int OrderStatusId { get; set; }

    public int PaymentStatusId { get; set; }

    public int CustomerLanguageId { get; set; }

    public string CustomerCurrencyCode { get; set; }

    public decimal CurrencyRate { get; set; }

    public decimal OrderSubtotalInclTax { get; set; }

    public decimal OrderDiscount { get; set; }

    public decimal OrderTotal { get; set; }

    public DateTime? PaidDateUtc { get; set; }

    public string CustomOrderNumber { get; set; }

    public bool Deleted { get; set; }

    public DateTime CreatedOnUtc { get; set; }
}
