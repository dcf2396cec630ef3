using GonPortal.Contracts.V1;

namespace GonPortal.Portal.ServerApi;

/// <summary>A stored hour entry.</summary>
public sealed record HourEntryView(
    string Id,
    string EntryKey,
    string ArrangementId,
    string ClientId,
    int AreaId,
    DateOnly? ServiceDate,
    Product Product,
    Unit Unit,
    int Quantity,
    string ActivityNote,
    string ReportedBy,
    HourEntryStatus Status,
    string ReviewNote,
    string ClientName = "",
    ExecutorKind ReporterKind = ExecutorKind.Unspecified,
    string ReversesEntryId = "",
    string ReversedByEntryId = "")
{
    public bool IsReversal => ReversesEntryId.Length > 0;

    public bool IsReversed => ReversedByEntryId.Length > 0;
}

/// <summary>An entry to send, built from the week grid or a CSV line.</summary>
public sealed record HourEntryDraft(
    string EntryKey,
    string ArrangementId,
    DateOnly ServiceDate,
    Product Product,
    Unit Unit,
    int Quantity,
    string ActivityNote,
    string ReversesEntryId = "");

/// <summary>Why the Server did not take one entry (index in the batch or stream).</summary>
public sealed record HourRejectionView(int Index, string EntryKey, HourEntryRejectionReason Reason, string Field, string Message);

/// <summary>The outcome of sending entries: stored counts, or the rejected entries.</summary>
public sealed record HourSubmission(int Created, int Existing, IReadOnlyList<HourRejectionView> Rejections)
{
    public bool AllAccepted => Rejections.Count == 0;
}

/// <summary>Filters of the hour review queue, as chosen on the page.</summary>
public sealed record HourFilter(HourEntryStatus Status, string? ReporterId, DateOnly? From, DateOnly? To, string? ArrangementId = null);

/// <summary>A page of the review queue with the number of entries that match over all pages.</summary>
public sealed record HourReviewPage(IReadOnlyList<HourEntryView> Items, string NextPageToken, int Total);

/// <summary>
/// Which entries a review by filter touches (only submitted ones on the hoofdaanbieder's own arrangements):
/// reporter (its own id for own staff), arrangement, and a month (Year 0 for any).
/// </summary>
public sealed record HourReviewScope(string? ReporterId, string? ArrangementId, int Year, int Month);

/// <summary>An arrangement's volume in a month, in its unit: allocated (exact), approved and still submitted.</summary>
public sealed record ArrangementMonthVolume(decimal Allocated, long Approved, long Submitted, Unit Unit);
