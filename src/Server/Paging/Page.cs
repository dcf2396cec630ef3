using System.Text;
using GonPortal.Domain.Validation;

namespace GonPortal.Server.Paging;

/// <summary>
/// page_size / page_token handling. The token is an opaque offset; callers must treat it as
/// opaque so it can become a keyset cursor later without a contract change. A list with order_by also writes its
/// order into the token (<see cref="Order"/>), so a token only continues the order it was made for.
/// </summary>
public readonly record struct Page(int Size, int Offset)
{
    /// <summary>The canonical order_by the tokens carry; empty for the list's own order.</summary>
    public string Order { get; init; } = "";

    public const int DefaultSize = 50;
    public const int MaxSize = 500;

    public static Page Parse(Violations v, int pageSize, string? pageToken) => Parse(v, pageSize, pageToken, "");

    /// <summary>
    /// <paramref name="order"/> is the request's canonical order_by ("" for the list's own order); a token made for
    /// another order is refused. Null when order_by itself was refused: the token is then not compared.
    /// </summary>
    public static Page Parse(Violations v, int pageSize, string? pageToken, string? order)
    {
        var size = pageSize == 0 ? DefaultSize : pageSize;
        v.Check(pageSize is < 0 or > MaxSize, "page_size", $"must be 0-{MaxSize} (0 means {DefaultSize})");
        var offset = 0;
        if (!string.IsNullOrEmpty(pageToken))
        {
            if (!TryDecode(pageToken, out offset, out var tokenOrder))
            {
                v.Add("page_token", "is not a token returned by this service");
            }
            else if (order is not null && tokenOrder != order)
            {
                v.Add("page_token", "was returned for another order_by; start again without a token");
            }
        }
        return new Page(size, offset) { Order = order ?? "" };
    }

    /// <summary>Fetches one more than asked to know whether a next page exists.</summary>
    public async Task<(List<T> Items, string NextToken)> ApplyAsync<T>(IQueryable<T> ordered, Func<IQueryable<T>, CancellationToken, Task<List<T>>> toList, CancellationToken ct)
    {
        var items = await toList(ordered.Skip(Offset).Take(Size + 1), ct);
        if (items.Count <= Size)
        {
            return (items, "");
        }
        items.RemoveAt(items.Count - 1);
        return (items, Encode(Offset + Size, Order));
    }

    /// <summary>
    /// For a list read elsewhere (Identity's admin API): <paramref name="fetched"/> holds up to Size + 1 items from
    /// Offset on; the extra one only tells that a next page exists.
    /// </summary>
    public (List<T> Items, string NextToken) Slice<T>(List<T> fetched)
    {
        if (fetched.Count <= Size)
        {
            return (fetched, "");
        }
        return (fetched.Take(Size).ToList(), Encode(Offset + Size, Order));
    }

    // Tokens of the list's own order keep their old spelling ("o:50"), so tokens handed out before order_by still work.
    private static string Encode(int offset, string order) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.IsNullOrEmpty(order) ? $"o:{offset}" : $"o:{offset};{order}"));

    private static bool TryDecode(string token, out int offset, out string order)
    {
        offset = 0;
        order = "";
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            var separator = text.IndexOf(';', StringComparison.Ordinal);
            var number = separator < 0 ? text : text[..separator];
            order = separator < 0 ? "" : text[(separator + 1)..];
            return number.StartsWith("o:", StringComparison.Ordinal)
                && int.TryParse(number[2..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out offset);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
