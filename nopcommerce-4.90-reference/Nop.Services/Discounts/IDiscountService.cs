using Nop.Core.Domain.Discounts;

namespace Nop.Services.Discounts;

public partial interface IDiscountService
{
    Task InsertDiscountAsync(Discount discount);

    Task<Discount> GetDiscountByIdAsync(int discountId);

    Task<IList<Discount>> GetAllDiscountsAsync(DiscountType? discountType = null, string couponCode = null, string discountName = null, bool showHidden = false, DateTime? startDateUtc = null, DateTime? endDateUtc = null, bool? isActive = true, int vendorId = 0);
}
