namespace GonPortal.Domain.Reporting;

/// <summary>
/// A share of clients compared with its target (common.proto TargetAssessment). The status is
/// decided on the exact fraction, so 3 of 20 against 15 % is met; the basis points are for display.
/// </summary>
/// <param name="TargetBp">Target in basis points: 1500 = 0.15 = 15 %.</param>
public sealed record TargetAssessment(int Numerator, int Denominator, int TargetBp, TargetStatus Status)
{
    /// <summary>The exact share; null when not assessed.</summary>
    public Rational? Share => Denominator == 0 ? null : new Rational(Numerator, Denominator);

    /// <summary>The share in basis points, rounded half away from zero; 0 when not assessed.</summary>
    public int ShareBp => Share is { } s ? (int)(s * 10_000).RoundToInteger() : 0;

    /// <summary>The share rounded half away from zero to 4 decimals, e.g. "0.1500"; null when not assessed.</summary>
    public string? ShareRounded => Share?.ToRoundedString(4);

    /// <summary>
    /// Compares numerator / denominator with <paramref name="targetBp"/> / 10000 exactly:
    /// met when numerator * 10000 >= target * denominator.
    /// </summary>
    public static TargetAssessment Assess(int numerator, int denominator, int targetBp)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(numerator);
        ArgumentOutOfRangeException.ThrowIfNegative(denominator);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(numerator, denominator);
        ArgumentOutOfRangeException.ThrowIfNegative(targetBp);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(targetBp, 10_000);

        var status = denominator == 0 ? TargetStatus.NotAssessed
            : (long)numerator * 10_000 >= (long)targetBp * denominator ? TargetStatus.Met
            : TargetStatus.Missed;
        return new TargetAssessment(numerator, denominator, targetBp, status);
    }
}
