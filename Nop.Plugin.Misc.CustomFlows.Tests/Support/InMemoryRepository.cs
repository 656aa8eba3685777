using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using Nop.Core;
using Nop.Core.Caching;
using Nop.Core.Domain.Common;
using Nop.Core.Events;
using Nop.Data;
using Nop.Plugin.Misc.CustomFlows.Data.Migrations;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Support;

/// <summary>
/// An <see cref="IRepository{TEntity}"/> over a list, behaving like nopCommerce's EntityRepository where service
/// code can tell: identifiers are assigned on insert; rows are stored as copies, so a change reaches the store
/// only through Update; single and list Insert/Update/Delete publish entity events when asked (sync methods
/// through Publish, async ones through PublishAsync) while Delete(predicate) and Truncate publish nothing;
/// soft-deletable entities (<see cref="ISoftDeletedEntity"/>) are flagged instead of removed and hidden when
/// includeDeleted is false. Caching arguments are ignored.
/// </summary>
/// <remarks>
/// The unique indexes the plugin's schema declares for the entity (<see cref="CustomFlowsSchema"/>) are enforced
/// on insert and update, comparing text case-insensitively as SQL Server's default collation does, so code that
/// relies on a unique index (idempotency keys, one active run) meets the same refusal it would in a shop. Queries run
/// as LINQ to objects compiled once per query shape (<see cref="InMemoryQueryable"/>), so a test can replay weeks of a
/// shop's work.
/// </remarks>
/// <typeparam name="TEntity">Entity type</typeparam>
public class InMemoryRepository<TEntity> : IRepository<TEntity> where TEntity : BaseEntity
{
    #region Fields

    private static readonly MethodInfo _memberwiseClone =
        typeof(object).GetMethod(nameof(MemberwiseClone), BindingFlags.Instance | BindingFlags.NonPublic)!;

    private readonly List<TEntity> _rows = [];
    private readonly object _sync = new();
    private readonly List<(string Name, PropertyInfo[] Properties)> _uniqueIndexes;
    private int _lastId;

    #endregion

    #region Ctor

    /// <summary>
    /// Creates an empty repository
    /// </summary>
    /// <param name="eventPublisher">Publisher of entity events; a new <see cref="RecordingEventPublisher"/> when null</param>
    public InMemoryRepository(IEventPublisher eventPublisher = null)
    {
        EventPublisher = eventPublisher ?? new RecordingEventPublisher();
        _uniqueIndexes = CustomFlowsSchema.All
            .Where(table => table.EntityType == typeof(TEntity))
            .SelectMany(table => table.Indexes)
            .Where(index => index.IsUnique)
            .Select(index => (index.GetName(typeof(TEntity).Name),
                index.Columns.Select(column => typeof(TEntity).GetProperty(column)
                    ?? throw new InvalidOperationException($"{typeof(TEntity).Name} has no property {column}")).ToArray()))
            .ToList();
    }

    #endregion

    #region Utilities

    private static TEntity Copy(TEntity entity) => (TEntity)_memberwiseClone.Invoke(entity, null);

    private static bool IsSoftDeletable => typeof(ISoftDeletedEntity).IsAssignableFrom(typeof(TEntity));

    private static IQueryable<TEntity> WithoutDeleted(IQueryable<TEntity> query, bool includeDeleted)
    {
        if (includeDeleted || !IsSoftDeletable)
            return query;

        return query.Where(entity => !((ISoftDeletedEntity)entity).Deleted);
    }

    private static string KeyOf(TEntity entity, PropertyInfo[] properties) =>
        string.Join('\u001f', properties.Select(p => Convert.ToString(p.GetValue(entity), CultureInfo.InvariantCulture) ?? "\u0000"));

    private void CheckUniqueIndexes(TEntity candidate, IEnumerable<TEntity> others)
    {
        foreach (var (name, properties) in _uniqueIndexes)
        {
            var key = KeyOf(candidate, properties);
            if (others.Any(row => row.Id != candidate.Id && string.Equals(KeyOf(row, properties), key, StringComparison.OrdinalIgnoreCase)))
                throw new InvalidOperationException($"Cannot insert duplicate key row in {typeof(TEntity).Name} with unique index '{name}'. The duplicate key value is ({key}).");
        }
    }

    private void InsertRows(IList<TEntity> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);

        lock (_sync)
        {
            var batch = entities.Select((entity, i) =>
            {
                ArgumentNullException.ThrowIfNull(entity, nameof(entities));
                var stored = Copy(entity);
                stored.Id = _lastId + i + 1;
                return stored;
            }).ToList();

            //check the whole batch first, so a refused batch leaves nothing behind, as a failed statement would
            for (var i = 0; i < batch.Count; i++)
                CheckUniqueIndexes(batch[i], _rows.Concat(batch.Take(i)));

            _rows.AddRange(batch);
            _lastId += batch.Count;
            for (var i = 0; i < entities.Count; i++)
                entities[i].Id = batch[i].Id;
        }
    }

    private void UpdateRows(IEnumerable<TEntity> entities)
    {
        lock (_sync)
        {
            foreach (var entity in entities)
            {
                ArgumentNullException.ThrowIfNull(entity);

                var index = _rows.FindIndex(row => row.Id == entity.Id);
                //an UPDATE that matches no row changes nothing and is no error
                if (index < 0)
                    continue;

                var stored = Copy(entity);
                CheckUniqueIndexes(stored, _rows);
                _rows[index] = stored;
            }
        }
    }

    private void DeleteRows(IList<TEntity> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);

        if (IsSoftDeletable)
        {
            foreach (var entity in entities)
                ((ISoftDeletedEntity)entity).Deleted = true;

            UpdateRows(entities);
            return;
        }

        lock (_sync)
        {
            var ids = entities.Select(entity => entity.Id).ToHashSet();
            _rows.RemoveAll(row => ids.Contains(row.Id));
        }
    }

    private int DeleteMatching(Expression<Func<TEntity, bool>> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var matches = predicate.Compile();

        lock (_sync)
            return _rows.RemoveAll(row => matches(row));
    }

    private async Task PublishAllAsync(IEnumerable<TEntity> entities, Func<TEntity, object> createEvent)
    {
        foreach (var entity in entities)
            await EventPublisher.PublishAsync(createEvent(entity));
    }

    private void PublishAll(IEnumerable<TEntity> entities, Func<TEntity, object> createEvent)
    {
        foreach (var entity in entities)
            EventPublisher.Publish(createEvent(entity));
    }

    private static InMemoryPagedList<TEntity> ToPage(IQueryable<TEntity> query, int pageIndex, int pageSize, bool getOnlyTotalCount)
    {
        pageSize = Math.Max(pageSize, 1);
        var totalCount = query.Count();
        var skip = (int)Math.Min((long)pageIndex * pageSize, int.MaxValue);
        var items = getOnlyTotalCount ? [] : query.Skip(skip).Take(pageSize).ToList();

        return new InMemoryPagedList<TEntity>(items, pageIndex, pageSize, totalCount);
    }

    #endregion

    #region Methods

    /// <inheritdoc />
    public Task<TEntity> GetByIdAsync(int? id, Func<ICacheKeyService, CacheKey> getCacheKey = null, bool includeDeleted = true, bool useShortTermCache = false) =>
        Task.FromResult(GetById(id, getCacheKey, includeDeleted));

    /// <inheritdoc />
    public TEntity GetById(int? id, Func<ICacheKeyService, CacheKey> getCacheKey = null, bool includeDeleted = true)
    {
        if (!id.HasValue || id == 0)
            return null;

        return WithoutDeleted(Table, includeDeleted).FirstOrDefault(entity => entity.Id == id.Value);
    }

    /// <inheritdoc />
    public Task<IList<TEntity>> GetByIdsAsync(IList<int> ids, Func<ICacheKeyService, CacheKey> getCacheKey = null, bool includeDeleted = true)
    {
        if (ids is null || ids.Count == 0)
            return Task.FromResult<IList<TEntity>>([]);

        var found = WithoutDeleted(Table, includeDeleted).Where(entity => ids.Contains(entity.Id)).ToDictionary(entity => entity.Id);

        //nopCommerce returns the entities in the order of the requested identifiers, skipping missing ones
        return Task.FromResult<IList<TEntity>>(ids.Where(found.ContainsKey).Select(id => found[id]).ToList());
    }

    /// <inheritdoc />
    public Task<IList<TEntity>> GetAllAsync(Func<IQueryable<TEntity>, IQueryable<TEntity>> func = null, Func<ICacheKeyService, CacheKey> getCacheKey = null, bool includeDeleted = true) =>
        Task.FromResult(GetAll(func, getCacheKey, includeDeleted));

    /// <inheritdoc />
    public async Task<IList<TEntity>> GetAllAsync(Func<IQueryable<TEntity>, Task<IQueryable<TEntity>>> func = null, Func<ICacheKeyService, CacheKey> getCacheKey = null, bool includeDeleted = true)
    {
        var query = WithoutDeleted(Table, includeDeleted);
        return (func is null ? query : await func(query)).ToList();
    }

    /// <inheritdoc />
    public async Task<IList<TEntity>> GetAllAsync(Func<IQueryable<TEntity>, Task<IQueryable<TEntity>>> func, Func<ICacheKeyService, Task<CacheKey>> getCacheKey, bool includeDeleted = true)
    {
        var query = WithoutDeleted(Table, includeDeleted);
        return (func is null ? query : await func(query)).ToList();
    }

    /// <inheritdoc />
    public IList<TEntity> GetAll(Func<IQueryable<TEntity>, IQueryable<TEntity>> func = null, Func<ICacheKeyService, CacheKey> getCacheKey = null, bool includeDeleted = true)
    {
        var query = WithoutDeleted(Table, includeDeleted);
        return (func is null ? query : func(query)).ToList();
    }

    /// <inheritdoc />
    public Task<IPagedList<TEntity>> GetAllPagedAsync(Func<IQueryable<TEntity>, IQueryable<TEntity>> func = null, int pageIndex = 0, int pageSize = int.MaxValue, bool getOnlyTotalCount = false, bool includeDeleted = true)
    {
        var query = WithoutDeleted(Table, includeDeleted);
        return Task.FromResult<IPagedList<TEntity>>(ToPage(func is null ? query : func(query), pageIndex, pageSize, getOnlyTotalCount));
    }

    /// <inheritdoc />
    public async Task<IPagedList<TEntity>> GetAllPagedAsync(Func<IQueryable<TEntity>, Task<IQueryable<TEntity>>> func = null, int pageIndex = 0, int pageSize = int.MaxValue, bool getOnlyTotalCount = false, bool includeDeleted = true)
    {
        var query = WithoutDeleted(Table, includeDeleted);
        return ToPage(func is null ? query : await func(query), pageIndex, pageSize, getOnlyTotalCount);
    }

    /// <inheritdoc />
    public async Task InsertAsync(TEntity entity, bool publishEvent = true)
    {
        ArgumentNullException.ThrowIfNull(entity);
        InsertRows([entity]);
        if (publishEvent)
            await EventPublisher.PublishAsync(new EntityInsertedEvent<TEntity>(entity));
    }

    /// <inheritdoc />
    public void Insert(TEntity entity, bool publishEvent = true)
    {
        ArgumentNullException.ThrowIfNull(entity);
        InsertRows([entity]);
        if (publishEvent)
            EventPublisher.Publish(new EntityInsertedEvent<TEntity>(entity));
    }

    /// <inheritdoc />
    public async Task InsertAsync(IList<TEntity> entities, bool publishEvent = true)
    {
        InsertRows(entities);
        if (publishEvent)
            await PublishAllAsync(entities, entity => new EntityInsertedEvent<TEntity>(entity));
    }

    /// <inheritdoc />
    public void Insert(IList<TEntity> entities, bool publishEvent = true)
    {
        InsertRows(entities);
        if (publishEvent)
            PublishAll(entities, entity => new EntityInsertedEvent<TEntity>(entity));
    }

    /// <inheritdoc />
    public async Task UpdateAsync(TEntity entity, bool publishEvent = true)
    {
        ArgumentNullException.ThrowIfNull(entity);
        UpdateRows([entity]);
        if (publishEvent)
            await EventPublisher.PublishAsync(new EntityUpdatedEvent<TEntity>(entity));
    }

    /// <inheritdoc />
    public void Update(TEntity entity, bool publishEvent = true)
    {
        ArgumentNullException.ThrowIfNull(entity);
        UpdateRows([entity]);
        if (publishEvent)
            EventPublisher.Publish(new EntityUpdatedEvent<TEntity>(entity));
    }

    /// <inheritdoc />
    public async Task UpdateAsync(IList<TEntity> entities, bool publishEvent = true)
    {
        ArgumentNullException.ThrowIfNull(entities);
        UpdateRows(entities);
        if (publishEvent)
            await PublishAllAsync(entities, entity => new EntityUpdatedEvent<TEntity>(entity));
    }

    /// <inheritdoc />
    public void Update(IList<TEntity> entities, bool publishEvent = true)
    {
        ArgumentNullException.ThrowIfNull(entities);
        UpdateRows(entities);
        if (publishEvent)
            PublishAll(entities, entity => new EntityUpdatedEvent<TEntity>(entity));
    }

    /// <inheritdoc />
    public async Task DeleteAsync(TEntity entity, bool publishEvent = true)
    {
        ArgumentNullException.ThrowIfNull(entity);
        DeleteRows([entity]);
        if (publishEvent)
            await EventPublisher.PublishAsync(new EntityDeletedEvent<TEntity>(entity));
    }

    /// <inheritdoc />
    public void Delete(TEntity entity, bool publishEvent = true)
    {
        ArgumentNullException.ThrowIfNull(entity);
        DeleteRows([entity]);
        if (publishEvent)
            EventPublisher.Publish(new EntityDeletedEvent<TEntity>(entity));
    }

    /// <inheritdoc />
    public async Task DeleteAsync(IList<TEntity> entities, bool publishEvent = true)
    {
        DeleteRows(entities);
        if (publishEvent)
            await PublishAllAsync(entities, entity => new EntityDeletedEvent<TEntity>(entity));
    }

    /// <inheritdoc />
    public void Delete(IList<TEntity> entities, bool publishEvent = true)
    {
        DeleteRows(entities);
        if (publishEvent)
            PublishAll(entities, entity => new EntityDeletedEvent<TEntity>(entity));
    }

    /// <inheritdoc />
    public Task<int> DeleteAsync(Expression<Func<TEntity, bool>> predicate) => Task.FromResult(DeleteMatching(predicate));

    /// <inheritdoc />
    public int Delete(Expression<Func<TEntity, bool>> predicate) => DeleteMatching(predicate);

    /// <inheritdoc />
    public Task<TEntity> LoadOriginalCopyAsync(TEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return Task.FromResult(Table.FirstOrDefault(row => row.Id == entity.Id));
    }

    /// <inheritdoc />
    public Task TruncateAsync(bool resetIdentity = false)
    {
        lock (_sync)
        {
            _rows.Clear();
            if (resetIdentity)
                _lastId = 0;
        }

        return Task.CompletedTask;
    }

    #endregion

    #region Properties

    /// <summary>
    /// Gets a snapshot of the stored rows as copies, as a fresh query would materialize them
    /// </summary>
    public IQueryable<TEntity> Table
    {
        get
        {
            lock (_sync)
                return InMemoryQueryable.Over(_rows.Select(Copy).ToList());
        }
    }

    /// <summary>
    /// Gets the publisher entity events go to
    /// </summary>
    public IEventPublisher EventPublisher { get; }

    #endregion
}
