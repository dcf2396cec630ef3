using System.Linq.Expressions;
using GonPortal.Domain.Validation;

namespace GonPortal.Server.Paging;

/// <summary>
/// The fields a list may be ordered by (order_by), each one or more keys, with the id as the last key so equal keys
/// still give one order and pages stay disjoint. Without order_by the list keeps its own order. Text keys that people
/// read (names) are given lower-cased by the list, so case does not count on either database (see Paging/README.md
/// for what still differs between SQLite and PostgreSQL).
/// </summary>
public sealed class SortFields<T>(Func<IQueryable<T>, IOrderedQueryable<T>> defaultOrder, Expression<Func<T, Guid>> id)
{
    private readonly Dictionary<string, IReadOnlyList<ISortKey>> fields = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names => fields.Keys;

    public SortFields<T> Add<TKey>(string name, Expression<Func<T, TKey>> key)
    {
        fields[name] = [new SortKey<TKey>(_ => key)];
        return this;
    }

    public SortFields<T> Add<TKey1, TKey2>(string name, Expression<Func<T, TKey1>> first, Expression<Func<T, TKey2>> second)
    {
        fields[name] = [new SortKey<TKey1>(_ => first), new SortKey<TKey2>(_ => second)];
        return this;
    }

    /// <summary>A text field whose key lies in another set (a client's or provider's name), read through the list's <see cref="ListSources"/>.</summary>
    public SortFields<T> AddJoined(string name, Func<ListSources, Expression<Func<T, string>>> key)
    {
        fields[name] = [new SortKey<string>(s => key(Required(s, name)))];
        return this;
    }

    public SortFields<T> AddJoined(string name, Func<ListSources, Expression<Func<T, string>>> first, Func<ListSources, Expression<Func<T, string>>> second)
    {
        fields[name] = [new SortKey<string>(s => first(Required(s, name))), new SortKey<string>(s => second(Required(s, name)))];
        return this;
    }

    /// <summary>Reads order_by and page_token together: a token only continues the order it was made for.</summary>
    public (OrderBy? Order, Page Page) Parse(Violations v, string? orderBy, int pageSize, string? pageToken)
    {
        var before = v.Items.Count;
        var order = OrderBy.Parse(v, orderBy, Names);
        var valid = v.Items.Count == before;
        var page = Page.Parse(v, pageSize, pageToken, valid ? order?.Canonical ?? "" : null);
        return (order, page);
    }

    /// <summary>
    /// <paramref name="sources"/> is needed only by fields that look into other sets; a list that offers such a field
    /// passes them (a missing one is a programming error, not the caller's).
    /// </summary>
    public IOrderedQueryable<T> Apply(IQueryable<T> query, OrderBy? order, ListSources? sources = null)
    {
        if (order is null)
        {
            return defaultOrder(query);
        }
        var keys = fields[order.Field];
        var ordered = keys[0].First(query, order.Descending, sources);
        foreach (var key in keys.Skip(1))
        {
            ordered = key.Then(ordered, order.Descending, sources);
        }
        return order.Descending ? ordered.ThenByDescending(id) : ordered.ThenBy(id);
    }

    private static ListSources Required(ListSources? sources, string name) =>
        sources ?? throw new InvalidOperationException($"order_by {name} needs the list's sources; pass them to Apply.");

    private interface ISortKey
    {
        IOrderedQueryable<T> First(IQueryable<T> query, bool descending, ListSources? sources);

        IOrderedQueryable<T> Then(IOrderedQueryable<T> query, bool descending, ListSources? sources);
    }

    private sealed class SortKey<TKey>(Func<ListSources?, Expression<Func<T, TKey>>> key) : ISortKey
    {
        public IOrderedQueryable<T> First(IQueryable<T> query, bool descending, ListSources? sources) =>
            descending ? query.OrderByDescending(Key(sources)) : query.OrderBy(Key(sources));

        public IOrderedQueryable<T> Then(IOrderedQueryable<T> query, bool descending, ListSources? sources) =>
            descending ? query.ThenByDescending(Key(sources)) : query.ThenBy(Key(sources));

        private Expression<Func<T, TKey>> Key(ListSources? sources) => key(sources);
    }
}
