using GonPortal.Domain.Common;
using GonPortal.Domain.Reference;

namespace GonPortal.Domain.Hours;

/// <summary>
/// An hour entry as the reporting organisation sent it (hours.proto HourEntryInput), before any
/// check. Ids stay text so a malformed id is reported as an invalid field; an unset product or unit
/// is null.
/// </summary>
/// <param name="EntryKey">Idempotency key chosen by the reporter, 1-100 printable characters.</param>
/// <param name="Quantity">Minutes for the hour unit, a count for dagdeel and etmaal; negative for a reversal.</param>
/// <param name="ReversesEntryId">Set only for a reversal: the id of the approved entry it reverses.</param>
/// <param name="Unreadable">Set when the entry's message did not parse (e.g. invalid UTF-8): the field where
/// that was found, and why; such an entry is rejected as an invalid field and nothing else is judged.</param>
public sealed record HourEntryInput(
    string? EntryKey,
    string? ArrangementId,
    DateOnly? ServiceDate,
    Product? Product,
    Unit? Unit,
    int Quantity,
    string? ActivityNote = null,
    string? ReversesEntryId = null,
    FieldViolation? Unreadable = null)
{
    /// <summary>Whether the entry claims to be a reversal (a non-empty reverses_entry_id).</summary>
    public bool IsReversal => !string.IsNullOrWhiteSpace(ReversesEntryId);

    /// <summary>The normalised content, or null while a field it needs is missing or malformed.</summary>
    public HourEntryContent? TryGetContent()
    {
        if (Unreadable is not null || !Guid.TryParse(ArrangementId, out var arrangementId)
            || ServiceDate is not { } date || Product is not { } product || Unit is not { } unit)
        {
            return null;
        }
        Guid? reverses = null;
        if (IsReversal)
        {
            if (!Guid.TryParse(ReversesEntryId, out var r))
            {
                return null;
            }
            reverses = r;
        }
        return new HourEntryContent(arrangementId, date, product, unit, Quantity, HourEntryContent.NormaliseNote(ActivityNote), reverses);
    }
}
