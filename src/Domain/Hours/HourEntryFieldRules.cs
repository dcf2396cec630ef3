using GonPortal.Domain.Validation;

namespace GonPortal.Domain.Hours;

/// <summary>
/// Field-level checks of one input (reason <see cref="HourEntryRejectionReason.InvalidField"/>),
/// independent of any stored data, so a malformed entry is refused before anything is looked at.
/// </summary>
internal static class HourEntryFieldRules
{
    public const int MaxNoteLength = 500;

    public static IEnumerable<HourEntryRejection> Check(HourEntryInput input)
    {
        if (input.Unreadable is { } unreadable)
        {
            // The message itself did not parse: nothing else about it can be judged.
            return [new HourEntryRejection(HourEntryRejectionReason.InvalidField, unreadable.Field, unreadable.Description)];
        }
        var v = new Violations();
        Text.RequestId(v, "entry_key", input.EntryKey);
        v.Check(!Guid.TryParse(input.ArrangementId, out _), "arrangement_id", "is required and must be a UUID");
        v.Check(input.ServiceDate is null, "service_date", "is required and must be a valid date");
        v.Check(input.Product is null, "product", "is required");
        v.Check(input.Unit is null, "unit", "is required");
        Quantity(v, input);
        Text.Optional(v, "activity_note", input.ActivityNote, MaxNoteLength);
        Text.NoControlCharacters(v, "activity_note", input.ActivityNote, multiLine: true);
        v.Check(input.IsReversal && !Guid.TryParse(input.ReversesEntryId, out _), "reverses_entry_id", "must be a UUID when set");
        return v.Items.Select(i => new HourEntryRejection(HourEntryRejectionReason.InvalidField, i.Field, i.Description));
    }

    private static void Quantity(Violations v, HourEntryInput input)
    {
        var q = input.Quantity;
        if (q == 0)
        {
            v.Add("quantity", "must not be 0");
            return;
        }
        if (input.IsReversal && q > 0)
        {
            v.Add("quantity", "a reversal carries the negated quantity of the entry it reverses, so it must be negative");
            return;
        }
        if (!input.IsReversal && q < 0)
        {
            v.Add("quantity", "must be positive; a negative quantity is only allowed in a reversal (reverses_entry_id)");
            return;
        }
        if (input.Unit is { } unit && Math.Abs((long)q) > HourQuantityLimits.MaxPerEntry(unit))
        {
            var max = HourQuantityLimits.MaxPerEntry(unit);
            var what = unit == Reference.Unit.Hour ? "minutes" : "a count";
            v.Add("quantity", input.IsReversal ? $"must be {what} of -{max} to -1 for {unit}" : $"must be {what} of 1 to {max} for {unit}");
        }
    }
}
