using GonPortal.Domain.Reference;

namespace GonPortal.Domain.Hours;

/// <summary>
/// What an entry says, normalised: the part compared for idempotency (same key and same content is
/// a harmless resend) and mirrored by a reversal. Record equality is the comparison.
/// </summary>
/// <param name="ActivityNote">Trimmed; empty when none, so "no note" and "" compare equal.</param>
/// <param name="ReversesEntryId">Null for a regular entry.</param>
public sealed record HourEntryContent(
    Guid ArrangementId,
    DateOnly ServiceDate,
    Product Product,
    Unit Unit,
    int Quantity,
    string ActivityNote,
    Guid? ReversesEntryId)
{
    public static string NormaliseNote(string? note) => note?.Trim() ?? "";
}
