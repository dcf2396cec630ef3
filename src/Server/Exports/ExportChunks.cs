using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.Exports;

/// <summary>
/// Reads an ordered query in chunks, so an export holds one chunk of rows at a time and the connection is free between
/// chunks for the audit entries of what is about to be sent (one DbContext cannot save while a reader is open).
/// Chunks are offset pages of the list's own order, like the list RPC's pages: rows stored or removed during a long
/// export can shift a page boundary (one row seen twice or missed), as paging through the list would.
/// </summary>
internal static class ExportChunks
{
    public const int Size = 1_000;

    public static async IAsyncEnumerable<List<T>> ReadAsync<T>(IQueryable<T> ordered, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        for (var offset = 0; ; offset += Size)
        {
            var chunk = await ordered.Skip(offset).Take(Size).ToListAsync(ct);
            if (chunk.Count > 0)
            {
                yield return chunk;
            }
            if (chunk.Count < Size)
            {
                yield break;
            }
        }
    }
}
