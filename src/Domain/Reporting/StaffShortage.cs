namespace GonPortal.Domain.Reporting;

/// <summary>
/// The unmet hours <c>U</c> of the staff-shortage amount (settlement-rules.md §4): "no profit from
/// residents going without support". Summed per arrangement, so over-delivery on one arrangement
/// cannot offset unmet care on another.
/// </summary>
public static class StaffShortage
{
    /// <summary>
    /// U in hours over hour-unit arrangements: sum of max(0, allocated - delivered), with allocated
    /// and delivered both in minutes (the arrangement volume and hour entries carry minutes).
    /// </summary>
    public static Rational UnmetHours(IEnumerable<(Rational AllocatedMinutes, long ApprovedMinutes)> arrangements) =>
        Rational.Sum(arrangements.Select(a => VolumeFigures.ShortfallOf(a.AllocatedMinutes, a.ApprovedMinutes))) / 60;

    /// <summary>M = round(U * r) in cents, half away from zero; <paramref name="referenceRateCentsPerHour"/> is r(y).</summary>
    public static long AmountCents(Rational unmetHours, long referenceRateCentsPerHour) =>
        (long)(unmetHours * referenceRateCentsPerHour).RoundToInteger();
}
