using System.Numerics;
using GonPortal.Domain.Reporting;

namespace GonPortal.Domain.Settlements;

/// <summary>
/// Shared conventions of the financial rules (settlement-rules.md, Conventions): money in whole
/// cents, intermediates exact, round() half away from zero, floor() toward minus infinity.
/// </summary>
public static class SettlementRules
{
    /// <summary>
    /// The version of settlement-rules.md these formulas implement; every result records it. Results
    /// stored under "1" keep it (their documents are never rewritten); runs from now on record "1.1".
    /// </summary>
    public const string RulesVersion = "1.1";

    /// <summary>Fractions (index, caps, shares) carry at most this many decimals (0.0496 = 4.96 %).</summary>
    public const int FractionDecimals = 4;

    /// <summary>
    /// The decimal <paramref name="value"/> as an exact rational. Throws when it has more than 4
    /// significant decimals (trailing zeros do not count: 0.03000 is fine).
    /// </summary>
    public static Rational Fraction(decimal value, string name)
    {
        var scaled = value * 10_000m;
        if (scaled != decimal.Truncate(scaled))
        {
            throw new ArgumentOutOfRangeException(name, value, $"A fraction has at most {FractionDecimals} decimal places.");
        }
        return new Rational(new BigInteger(scaled), 10_000);
    }

    /// <summary>round(): half away from zero to whole cents.</summary>
    public static long RoundCents(Rational value) => checked((long)value.RoundToInteger());

    /// <summary>floor(): toward minus infinity.</summary>
    public static long FloorDiv(long numerator, long denominator)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(denominator);
        var quotient = numerator / denominator;
        return numerator % denominator < 0 ? quotient - 1 : quotient;
    }
}
