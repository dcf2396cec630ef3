using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.Paging;

/// <summary>
/// A keyset cursor over an ordered query: the keys are read from the query's own OrderBy/ThenBy chain (what
/// <see cref="SortFields{T}"/> or a list's own order applied, the id last), so the cursor cannot drift from the order
/// it continues. <see cref="After"/> is the same query limited to the rows after a given row, in that order: on an
/// index of the keys the database seeks to the row instead of sorting and skipping everything before it.
/// The keys must not be NULL (SortFields coalesces the ones that may be; see Paging/README.md) and the last must be
/// unique (the id), so "after" is exact.
/// </summary>
internal sealed class KeysetOrder<T>
{
    private sealed record Key(LambdaExpression Lambda, bool Descending)
    {
        private Delegate? _compiled;

        /// <summary>The key computed in memory from a loaded row (compiled on first use).</summary>
        public object? Of(T row) => (_compiled ??= Lambda.Compile()).DynamicInvoke(row);
    }

    private readonly IQueryable<T> _ordered;
    private readonly Expression _source;
    private readonly IReadOnlyList<Key> _keys;

    private KeysetOrder(IQueryable<T> ordered, Expression source, IReadOnlyList<Key> keys) => (_ordered, _source, _keys) = (ordered, source, keys);

    /// <summary>The keys of <paramref name="ordered"/>'s outermost OrderBy … ThenBy chain.</summary>
    public static KeysetOrder<T> Of(IQueryable<T> ordered)
    {
        var keys = new List<Key>();
        var expression = ordered.Expression;
        while (expression is MethodCallExpression call && call.Method.DeclaringType == typeof(Queryable)
            && call.Method.Name is nameof(Queryable.OrderBy) or nameof(Queryable.OrderByDescending) or nameof(Queryable.ThenBy) or nameof(Queryable.ThenByDescending))
        {
            var lambda = (LambdaExpression)(call.Arguments[1] is UnaryExpression { NodeType: ExpressionType.Quote } quote ? quote.Operand : call.Arguments[1]);
            keys.Insert(0, new Key(lambda, call.Method.Name.EndsWith("Descending", StringComparison.Ordinal)));
            expression = call.Arguments[0];
            if (call.Method.Name.StartsWith(nameof(Queryable.OrderBy), StringComparison.Ordinal))
            {
                return keys[^1].Lambda.ReturnType == typeof(Guid)
                    ? new KeysetOrder<T>(ordered, expression, keys)
                    : throw new InvalidOperationException("A keyset order ends on the id (a Guid), so equal keys still give one order.");
            }
        }
        throw new InvalidOperationException("A keyset cursor needs a query that ends in OrderBy … ThenBy.");
    }

    /// <summary>
    /// The key values of <paramref name="row"/> as the database computes them (lower() on SQLite folds ASCII only, so
    /// C# would not always give the same text); from the row itself when it has been removed meanwhile.
    /// </summary>
    public async Task<object[]> KeysOfAsync(T row, CancellationToken ct)
    {
        // All keys in one query of the row, found by its id (the last key, a plain column). Only when the row has been
        // removed are they computed in memory: a key read through another set (a client's name) would then be one
        // more query per key.
        var parameter = Expression.Parameter(typeof(T), "x");
        var isRow = Expression.Lambda<Func<T, bool>>(Expression.Equal(Body(_keys[^1], parameter), Boxed(_keys[^1].Of(row)!, typeof(Guid))), parameter);
        var keys = Expression.Lambda<Func<T, object[]>>(
            Expression.NewArrayInit(typeof(object), _keys.Select(k => Expression.Convert(Body(k, parameter), typeof(object)))), parameter);
        var stored = await _ordered.Provider.CreateQuery<T>(_source).Where(isRow).Select(keys).Take(1).ToListAsync(ct);
        var values = stored.Count == 1 ? stored[0] : _keys.Select(k => k.Of(row)!).ToArray();
        for (var i = 0; i < _keys.Count - 1; i++)
        {
            if (values[i] is null)
            {
                throw new InvalidOperationException($"Order key {i + 1} is NULL; a keyset order's keys are coalesced (Paging/README.md).");
            }
        }
        return values;
    }

    /// <summary>The ordered query limited to the rows after the row with these key values.</summary>
    public IQueryable<T> After(object[] values)
    {
        // (k1 > v1) or (k1 = v1 and k2 > v2) or …, led by k1 >= v1 so an index on the first key can seek.
        var parameter = Expression.Parameter(typeof(T), "x");
        Expression? any = null;
        Expression? equalSoFar = null;
        for (var i = 0; i < _keys.Count; i++)
        {
            var key = Body(_keys[i], parameter);
            var value = Boxed(values[i], key.Type);
            var step = Beyond(key, value, _keys[i].Descending);
            step = equalSoFar is null ? step : Expression.AndAlso(equalSoFar, step);
            any = any is null ? step : Expression.OrElse(any, step);
            var equal = Expression.Equal(key, value);
            equalSoFar = equalSoFar is null ? equal : Expression.AndAlso(equalSoFar, equal);
        }
        var first = Body(_keys[0], parameter);
        var lead = Expression.OrElse(Beyond(first, Boxed(values[0], first.Type), _keys[0].Descending), Expression.Equal(first, Boxed(values[0], first.Type)));
        var predicate = Expression.Lambda<Func<T, bool>>(Expression.AndAlso(lead, any!), parameter);
        var filtered = Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(T)], _source, Expression.Quote(predicate));
        return _ordered.Provider.CreateQuery<T>(new Replace(_source, filtered).Visit(_ordered.Expression)!);
    }

    /// <summary>key &gt; value (ascending) or key &lt; value (descending), in a form EF translates for text and ids too.</summary>
    private static Expression Beyond(Expression key, Expression value, bool descending)
    {
        if (key.Type == typeof(string) || key.Type == typeof(Guid))
        {
            // string.Compare(a, b) > 0 and a.CompareTo(b) > 0 are what EF turns into a > b
            var compare = key.Type == typeof(string)
                ? Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, key, value)
                : Expression.Call(key, typeof(Guid).GetMethod(nameof(Guid.CompareTo), [typeof(Guid)])!, value);
            return descending ? Expression.LessThan(compare, Expression.Constant(0)) : Expression.GreaterThan(compare, Expression.Constant(0));
        }
        return descending ? Expression.LessThan(key, value) : Expression.GreaterThan(key, value);
    }

    private static Expression Body(Key key, ParameterExpression parameter) => new Replace(key.Lambda.Parameters[0], parameter).Visit(key.Lambda.Body)!;

    /// <summary>A value EF sends as a query parameter (a field of a captured object), so every chunk is one cached query.</summary>
    private static Expression Boxed(object value, Type type)
    {
        var box = Activator.CreateInstance(typeof(StrongBox<>).MakeGenericType(type), value)!;
        return Expression.Field(Expression.Constant(box), nameof(StrongBox<object>.Value));
    }

    private sealed class Replace(Expression from, Expression to) : ExpressionVisitor
    {
        public override Expression? Visit(Expression? node) => node == from ? to : base.Visit(node);
    }
}
