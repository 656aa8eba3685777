using Nop.Core;
using Nop.Core.Domain.Catalog;

namespace Nop.Services.Catalog;

public partial interface ICategoryService
{
    Task<Category> GetCategoryByIdAsync(int categoryId);

    Task<IDictionary<int, int[]>> GetProductCategoryIdsAsync(int[] productIds);

    Task<IList<ProductCategory>> GetProductCategoriesByProductIdAsync(int productId, bool showHidden = false);

    Task<IPagedList<ProductCategory>> GetProductCategoriesByCategoryIdAsync(int categoryId, int pageIndex = 0, int pageSize = int.MaxValue, bool showHidden = false);
}
