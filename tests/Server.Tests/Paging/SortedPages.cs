using GonPortal.Server.Tests.Infrastructure;

namespace GonPortal.Server.Tests.Paging;

/// <summary>One page of a list call: its rows and the next token.</summary>
public delegate Task<(IReadOnlyList<T> Items, string Next)> ListPage<T>(string orderBy, string pageToken, int pageSize);

/// <summary>Walks a list sorted through order_by and checks what every sorted list must hold.</summary>
public static class SortedPages
{
    public static async Task<List<T>> WalkAsync<T>(ListPage<T> list, string orderBy, int pageSize)
    {
        var rows = new List<T>();
        var token = "";
        var pages = 0;
        do
        {
            var (items, next) = await list(orderBy, token, pageSize);
            Assert.True(items.Count <= pageSize);
            rows.AddRange(items);
            token = next;
            Assert.True(++pages < 1000, "the pages never end");
        }
        while (token != "");
        return rows;
    }

    /// <summary>
    /// Ascending and descending over small pages: no row twice, every row of the list's own order once, descending
    /// exactly the reverse of ascending (the id breaks ties the same way round), "asc" the same as no direction.
    /// Returns the ascending rows for the caller's checks of the keys.
    /// </summary>
    public static async Task<List<T>> CheckAsync<T>(ListPage<T> list, string field, Func<T, string> id, int atLeast, int pageSize)
    {
        var unsorted = await WalkAsync(list, "", pageSize);
        var ascending = await WalkAsync(list, field, pageSize);
        var descending = await WalkAsync(list, field + " desc", pageSize);
        Assert.True(ascending.Count >= atLeast, $"expected at least {atLeast} rows to sort on {field}, got {ascending.Count}");
        Assert.Equal(ascending.Count, ascending.Select(id).Distinct().Count());
        Assert.Equal(unsorted.Select(id).Order(), ascending.Select(id).Order());
        Assert.Equal(ascending.Select(id).Reverse(), descending.Select(id));
        Assert.Equal(ascending.Select(id), (await WalkAsync(list, field + " asc", pageSize)).Select(id));
        return ascending;
    }

    /// <summary>Each key is at least the one before it (keys of the same type: strings ordinal, which matches both test databases for ASCII).</summary>
    public static void AssertAscending<T, TKey>(IReadOnlyList<T> rows, Func<T, TKey> key) where TKey : IComparable<TKey>
    {
        for (var i = 1; i < rows.Count; i++)
        {
            Assert.True(Compare(key(rows[i - 1]), key(rows[i])) <= 0, $"row {i} ({key(rows[i])}) comes before row {i - 1} ({key(rows[i - 1])})");
        }
    }

    private static int Compare<TKey>(TKey a, TKey b) where TKey : IComparable<TKey> =>
        a is string x && b is string y ? string.CompareOrdinal(x, y) : a.CompareTo(b);

    /// <summary>A bad order_by, and a token carried over to another order, answer INVALID_ARGUMENT naming the field.</summary>
    public static async Task CheckRefusalsAsync<T>(ListPage<T> list, string field)
    {
        await RpcAssert.InvalidFields(() => list("shoe_size", "", 1), "order_by");
        await RpcAssert.InvalidFields(() => list($"{field} sideways", "", 1), "order_by");
        await RpcAssert.InvalidFields(() => list($"{field} desc extra", "", 1), "order_by");
        await RpcAssert.InvalidFields(() => list(field.ToUpperInvariant(), "", 1), "order_by");
        var (_, next) = await list(field, "", 1);
        Assert.NotEqual("", next);
        await RpcAssert.InvalidFields(() => list(field + " desc", next, 1), "page_token");
        await RpcAssert.InvalidFields(() => list("", next, 1), "page_token");
        Assert.NotEmpty((await list(field, next, 1)).Items);
    }
}
