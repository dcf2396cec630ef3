namespace GonPortal.Domain.Reporting;

/// <summary>
/// The allocation of one version within a period, kept per version so that a report per executing
/// provider can split an arrangement at version boundaries and every figure can be explained.
/// </summary>
/// <param name="From">First active day of the version in the period; null when <paramref name="ActiveDays"/> is 0.</param>
/// <param name="To">Last active day of the version in the period; null when <paramref name="ActiveDays"/> is 0.</param>
/// <param name="DailyRate">The version's volume per day, exact.</param>
/// <param name="Allocated"><paramref name="DailyRate"/> * <paramref name="ActiveDays"/>, exact.</param>
public sealed record VersionAllocation(
    VolumeVersion Version,
    DateOnly? From,
    DateOnly? To,
    int ActiveDays,
    Rational DailyRate,
    Rational Allocated);
