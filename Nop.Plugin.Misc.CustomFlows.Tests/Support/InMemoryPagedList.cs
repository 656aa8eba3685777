using Nop.Core;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Support;

/// <summary>
/// A page of items with the paging arithmetic of nopCommerce's PagedList
/// </summary>
/// <typeparam name="T">Item type</typeparam>
public class InMemoryPagedList<T> : List<T>, IPagedList<T>
{
    /// <summary>
    /// Creates a page
    /// </summary>
    /// <param name="items">Items of this page</param>
    /// <param name="pageIndex">Zero-based page index</param>
    /// <param name="pageSize">Page size (at least 1)</param>
    /// <param name="totalCount">Number of items on all pages</param>
    public InMemoryPagedList(IEnumerable<T> items, int pageIndex, int pageSize, int totalCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);

        PageIndex = pageIndex;
        PageSize = pageSize;
        TotalCount = totalCount;
        TotalPages = totalCount / pageSize + (totalCount % pageSize > 0 ? 1 : 0);
        AddRange(items);
    }

    /// <inheritdoc />
    public int PageIndex { get; }

    /// <inheritdoc />
    public int PageSize { get; }

    /// <inheritdoc />
    public int TotalCount { get; }

    /// <inheritdoc />
    public int TotalPages { get; }

    /// <inheritdoc />
    public bool HasPreviousPage => PageIndex > 0;

    /// <inheritdoc />
    public bool HasNextPage => PageIndex + 1 < TotalPages;
}
