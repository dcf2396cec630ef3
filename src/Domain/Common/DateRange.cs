namespace GonPortal.Domain.Common;

/// <summary>An inclusive range of calendar dates; <see cref="End"/> null means open-ended.</summary>
public readonly record struct DateRange(DateOnly Start, DateOnly? End)
{
    public bool Contains(DateOnly date) => Start <= date && (End is null || date <= End);

    public bool Overlaps(DateRange other) =>
        Start <= (other.End ?? DateOnly.MaxValue) && other.Start <= (End ?? DateOnly.MaxValue);
}
