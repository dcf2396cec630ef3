namespace GonPortal.Domain.Hours;

/// <summary>Judges a single hour entry on its own (a batch of one).</summary>
public static class HourEntryValidator
{
    public static HourEntryOutcome Validate(HourEntryContext context, HourEntryCheck check) =>
        new HourEntryBatch(context).Add(check);
}
