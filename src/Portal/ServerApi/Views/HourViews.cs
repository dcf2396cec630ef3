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
    string ReviewNote);

/// <summary>An entry to send, built from the week grid or a CSV line.</summary>
public sealed record HourEntryDraft(
    string EntryKey,
    string ArrangementId,
    DateOnly ServiceDate,
    Product Product,
    Unit Unit,
    int Quantity,
    string ActivityNote);

/// <summary>Why the Server did not take one entry (index in the batch or stream).</summary>
public sealed record HourRejectionView(int Index, string EntryKey, HourEntryRejectionReason Reason, string Field, string Message);

/// <summary>The outcome of sending entries: stored counts, or the rejected entries.</summary>
public sealed record HourSubmission(int Created, int Existing, IReadOnlyList<HourRejectionView> Rejections)
{
    public bool AllAccepted => Rejections.Count == 0;
}

/// <summary>Filters of the hour review queue, as chosen on the page.</summary>
public sealed record HourFilter(HourEntryStatus Status, string? ReporterId, DateOnly? From, DateOnly? To);
