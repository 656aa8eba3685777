using Nop.Core.Domain.Catalog;

namespace Nop.Services.Catalog;

public partial interface ICategoryService
{
    Task<Category> GetCategoryByIdAsync(int categoryId);

    Task<IDictionary<int, int[]>> GetProductCategoryIdsAsync(int[] productIds);
}
