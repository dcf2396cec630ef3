namespace GonPortal.Portal.Exports;

/// <summary>
/// The rows a page already holds (a list call that returns the whole set), in the order shown, as the sequence a
/// <c>TableExport</c> reads: the download is exactly the table on screen, filters and sort included.
/// </summary>
public static class ShownRows
{
    public static async IAsyncEnumerable<T> Of<T>(IEnumerable<T>? rows)
    {
        await Task.CompletedTask; // the rows are in memory; the export takes an async sequence
        foreach (var row in rows ?? [])
        {
            yield return row;
        }
    }
}
