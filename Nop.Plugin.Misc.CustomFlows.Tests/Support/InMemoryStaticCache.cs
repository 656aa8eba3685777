using Nop.Core.Caching;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Support;

/// <summary>
/// nopCommerce's static cache as the plugin uses it, in memory: a value stays until its key is removed, so a test sees
/// whether the code removes what it changed
/// </summary>
public sealed class InMemoryStaticCache : IStaticCacheManager
{
    private readonly Dictionary<string, object> _values = new(StringComparer.Ordinal);
    private readonly bool _keepValues;

    /// <summary>
    /// Creates the cache
    /// </summary>
    /// <param name="keepValues">False for a cache that builds every value anew (for tests that change tables behind the services' back)</param>
    public InMemoryStaticCache(bool keepValues = true)
    {
        _keepValues = keepValues;
    }

    /// <summary>How often a value was built rather than read from the cache</summary>
    public int Misses { get; private set; }

    public async Task<T> GetAsync<T>(CacheKey key, Func<Task<T>> acquire)
    {
        if (_values.TryGetValue(key.Key, out var value))
            return (T)value;

        Misses++;
        var built = await acquire();
        if (_keepValues)
            _values[key.Key] = built;
        return built;
    }

    public Task RemoveAsync(CacheKey cacheKey, params object[] cacheKeyParameters)
    {
        _values.Remove(cacheKey.Key);
        return Task.CompletedTask;
    }

    public CacheKey PrepareKey(CacheKey cacheKey, params object[] cacheKeyParameters) => cacheKey;

    public CacheKey PrepareKeyForDefaultCache(CacheKey cacheKey, params object[] cacheKeyParameters) => cacheKey;

    public void Dispose()
    {
    }
}
