using System.Reflection;
using Nop.Core;
using Nop.Data;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Support;

/// <summary>
/// Wraps a repository so that every asynchronous call gives up its thread first, as a database round trip does:
/// concurrent callers then interleave between reading a row and writing it back, which the in-memory repository
/// alone (finishing every call at once) never shows.
/// </summary>
public class YieldingRepository<TEntity> : DispatchProxy where TEntity : BaseEntity
{
    private static readonly MethodInfo _yieldThenResult = typeof(YieldingRepository<TEntity>)
        .GetMethod(nameof(YieldThenResultAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private IRepository<TEntity> _inner;

    /// <summary>
    /// Creates the wrapper
    /// </summary>
    public static IRepository<TEntity> Over(IRepository<TEntity> inner)
    {
        var proxy = Create<IRepository<TEntity>, YieldingRepository<TEntity>>();
        ((YieldingRepository<TEntity>)(object)proxy)._inner = inner;
        return proxy;
    }

    protected override object Invoke(MethodInfo targetMethod, object[] args)
    {
        var returnType = targetMethod!.ReturnType;
        if (returnType == typeof(Task))
            return YieldThenAsync(() => (Task)targetMethod.Invoke(_inner, args));
        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            Func<object> call = () => targetMethod.Invoke(_inner, args);
            return _yieldThenResult.MakeGenericMethod(returnType.GetGenericArguments()[0]).Invoke(null, [call]);
        }

        return targetMethod.Invoke(_inner, args);
    }

    private static async Task YieldThenAsync(Func<Task> call)
    {
        await Task.Delay(1);
        await call();
    }

    private static async Task<TResult> YieldThenResultAsync<TResult>(Func<object> call)
    {
        await Task.Delay(1);
        return await (Task<TResult>)call();
    }
}
