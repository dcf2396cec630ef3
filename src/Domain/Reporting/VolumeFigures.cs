namespace GonPortal.Domain.Reporting;

/// <summary>
/// Allocated versus delivered volume of one report row, in the row's unit (reporting.proto
/// VolumeFigures). The shortfall of a row that groups arrangements is summed per arrangement first,
/// so a surplus on one arrangement never hides a shortfall on another.
/// </summary>
/// <param name="Allocated">Allocated volume, exact.</param>
/// <param name="Approved">Delivered: approved quantities, reversals included.</param>
/// <param name="Submitted">Awaiting review; not delivered.</param>
/// <param name="Shortfall">Sum over arrangements of max(0, allocated - approved), exact.</param>
public sealed record VolumeFigures(Rational Allocated, long Approved, long Submitted, Rational Shortfall)
{
    /// <summary>Delivered as a share of allocated in basis points, rounded half away from zero; 0 when nothing was allocated.</summary>
    public int DeliveredShareBp => Allocated.IsZero ? 0 : (int)(new Rational(Approved * 10_000L, 1) / Allocated).RoundToInteger();

    /// <summary>Figures of one arrangement.</summary>
    public static VolumeFigures ForArrangement(Rational allocated, long approved, long submitted) =>
        new(allocated, approved, submitted, ShortfallOf(allocated, approved));

    /// <summary>Figures of a row grouping arrangements (or version slices): every figure is summed, the shortfall per part.</summary>
    public static VolumeFigures Sum(IEnumerable<VolumeFigures> parts)
    {
        var list = parts.ToList();
        return new VolumeFigures(
            Rational.Sum(list.Select(p => p.Allocated)),
            list.Sum(p => p.Approved),
            list.Sum(p => p.Submitted),
            Rational.Sum(list.Select(p => p.Shortfall)));
    }

    /// <summary>max(0, allocated - delivered): unmet volume of one arrangement.</summary>
    public static Rational ShortfallOf(Rational allocated, Rational delivered) => Rational.Max(Rational.Zero, allocated - delivered);
}
