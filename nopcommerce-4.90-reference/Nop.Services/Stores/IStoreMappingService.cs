using Nop.Core;
using Nop.Core.Domain.Stores;

namespace Nop.Services.Stores;

public partial interface IStoreMappingService
{
    Task DeleteStoreMappingAsync(StoreMapping storeMapping);

    Task<IList<StoreMapping>> GetStoreMappingsAsync<TEntity>(TEntity entity) where TEntity : BaseEntity, IStoreMappingSupported;

    Task SaveStoreMappingsAsync<TEntity>(TEntity entity, IEnumerable<int> storeIds) where TEntity : BaseEntity, IStoreMappingSupported;

    Task<int[]> GetStoresIdsWithAccessAsync<TEntity>(TEntity entity) where TEntity : BaseEntity, IStoreMappingSupported;
}
