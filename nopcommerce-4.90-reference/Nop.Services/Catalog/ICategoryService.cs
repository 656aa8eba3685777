using Nop.Core;
using Nop.Core.Domain.Catalog;

namespace Nop.Services.Catalog;

public partial interface ICategoryService
{
    Task<Category> GetCategoryByIdAsync(int categoryId);

    Task<IPagedList<Category>> GetAllCategoriesAsync(string categoryName, int storeId = 0, int pageIndex = 0, int pageSize = int.MaxValue, bool showHidden = false, bool? overridePublished = null);

    Task<string> GetFormattedBreadCrumbAsync(Category category, IList<Category> allCategories = null, string separator = ">>", int languageId = 0);

    Task<IDictionary<int, int[]>> GetProductCategoryIdsAsync(int[] productIds);

    Task<IList<ProductCategory>> GetProductCategoriesByProductIdAsync(int productId, bool showHidden = false);

    Task<IPagedList<ProductCategory>> GetProductCategoriesByCategoryIdAsync(int categoryId, int pageIndex = 0, int pageSize = int.MaxValue, bool showHidden = false);
}
