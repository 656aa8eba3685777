using System.Linq.Expressions;

namespace System.Linq;

//compile-time stand-in: the shop runs nopCommerce's own (linq2db) implementation; these answer over LINQ to objects
public static class AsyncIQueryableExtensions
{
    public static Task<List<TSource>> ToListAsync<TSource>(this IQueryable<TSource> source) => Task.FromResult(source.ToList());

    public static Task<int> CountAsync<TSource>(this IQueryable<TSource> source, Expression<Func<TSource, bool>> predicate = null) =>
        Task.FromResult(predicate == null ? source.Count() : source.Count(predicate));
}
