using System.Runtime.CompilerServices;
using GonPortal.Server.Paging;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.Exports;

/// <summary>
/// Reads an ordered query in chunks, so an export holds one chunk of rows at a time and the connection is free between
/// chunks for the audit entries of what is about to be sent (one DbContext cannot save while a reader is open).
/// Each chunk after the first starts after the last row sent (a keyset cursor on the list's own order, read from the
/// query by <see cref="KeysetOrder{T}"/>), so the database never sorts and skips the rows before it (on an index of
/// the order it seeks to the cursor): offset chunks cost grew with the square of the rows (docs/benchmarks.md).
/// Rows stored or removed during a long export never shift a chunk boundary: a row is sent once or not at all.
/// </summary>
internal static class ExportChunks
{
    public const int Size = 1_000;

    public static IAsyncEnumerable<List<T>> ReadAsync<T>(IQueryable<T> ordered, CancellationToken ct) => ReadAsync(ordered, Size, ct);

    /// <summary><paramref name="size"/> other than <see cref="Size"/> is for tests: a small table spans many chunks.</summary>
    public static async IAsyncEnumerable<List<T>> ReadAsync<T>(IQueryable<T> ordered, int size, [EnumeratorCancellation] CancellationToken ct)
    {
        var order = KeysetOrder<T>.Of(ordered);
        var next = ordered;
        while (true)
        {
            var chunk = await next.Take(size).ToListAsync(ct);
            if (chunk.Count > 0)
            {
                yield return chunk;
            }
            if (chunk.Count < size)
            {
                yield break;
            }
            next = order.After(await order.KeysOfAsync(chunk[^1], ct));
        }
    }
}
