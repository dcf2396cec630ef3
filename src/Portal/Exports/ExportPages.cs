using System.Runtime.CompilerServices;
using GonPortal.Portal.ServerApi;

namespace GonPortal.Portal.Exports;

/// <summary>A page of the export could not be read; the Dutch message of the Server call that failed.</summary>
public sealed class ExportFailedException(ApiFailure failure) : Exception(failure.Message)
{
    public ApiFailure Failure { get; } = failure;
}

/// <summary>
/// The whole filtered set for an export: every page of a list call with the same filters, at the Server's largest
/// page size, yielded as it arrives so only one page is held at a time.
/// </summary>
public static class ExportPages
{
    /// <summary>The Server's largest page (Paging/Page.MaxSize).</summary>
    public const int PageSize = 500;

    public static async IAsyncEnumerable<T> AllAsync<T>(Func<string, int, CancellationToken, Task<ServerResult<Page<T>>>> load,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var token = string.Empty;
        do
        {
            var result = await load(token, PageSize, cancellationToken);
            if (result.Failure is { } failure)
            {
                throw new ExportFailedException(failure);
            }
            foreach (var item in result.Value!.Items)
            {
                yield return item;
            }
            token = result.Value.NextPageToken;
        }
        while (!string.IsNullOrEmpty(token));
    }
}
