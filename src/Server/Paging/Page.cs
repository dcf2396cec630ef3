using System.Text;
using GonPortal.Domain.Validation;

namespace GonPortal.Server.Paging;

/// <summary>
/// page_size / page_token handling. The token is an opaque offset; callers must treat it as
/// opaque so it can become a keyset cursor later without a contract change.
/// </summary>
public readonly record struct Page(int Size, int Offset)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 500;

    public static Page Parse(Violations v, int pageSize, string? pageToken)
    {
        var size = pageSize == 0 ? DefaultSize : pageSize;
        v.Check(pageSize is < 0 or > MaxSize, "page_size", $"must be 0-{MaxSize} (0 means {DefaultSize})");
        var offset = 0;
        if (!string.IsNullOrEmpty(pageToken) && !TryDecode(pageToken, out offset))
        {
            v.Add("page_token", "is not a token returned by this service");
        }
        return new Page(size, offset);
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
        return (items, Encode(Offset + Size));
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
        return (fetched.Take(Size).ToList(), Encode(Offset + Size));
    }

    private static string Encode(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"o:{offset}"));

    private static bool TryDecode(string token, out int offset)
    {
        offset = 0;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            return text.StartsWith("o:", StringComparison.Ordinal) && int.TryParse(text[2..], out offset) && offset >= 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
