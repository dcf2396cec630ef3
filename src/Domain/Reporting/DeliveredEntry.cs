using GonPortal.Domain.Hours;

namespace GonPortal.Domain.Reporting;

/// <summary>The part of a stored hour entry that delivered volume depends on.</summary>
/// <param name="Quantity">In the unit: minutes for the hour unit, a count otherwise; negative for a reversal.</param>
public sealed record DeliveredEntry(DateOnly ServiceDate, long Quantity, HourEntryStatus Status);
