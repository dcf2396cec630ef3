using System.Globalization;
using System.Numerics;

namespace GonPortal.Domain.Reporting;

/// <summary>
/// An exact fraction, always in lowest terms with a positive denominator. Settlement rules keep
/// per-day rates (v / 7, v * 12 / 365) and averages unrounded until display, because a decimal
/// would drift a hair below a half cent and then round the wrong way (settlement-rules.md,
/// Conventions). BigInteger, so sums over many arrangements never overflow (common.proto
/// Rational carries them as decimal strings for the same reason).
/// </summary>
public readonly struct Rational : IEquatable<Rational>, IComparable<Rational>
{
    private readonly BigInteger _denominator;

    /// <summary>Creates <paramref name="numerator"/> / <paramref name="denominator"/>, normalised.</summary>
    public Rational(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            throw new DivideByZeroException("A rational number cannot have denominator 0.");
        }
        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }
        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        Numerator = numerator / gcd;
        _denominator = denominator / gcd;
    }

    public static Rational Zero => default;

    public static Rational One => new(1, 1);

    /// <summary>Signed numerator, in lowest terms.</summary>
    public BigInteger Numerator { get; }

    /// <summary>Positive denominator, 1 for a whole number (also for <c>default</c>, which is 0).</summary>
    public BigInteger Denominator => _denominator.IsZero ? BigInteger.One : _denominator;

    public int Sign => Numerator.Sign;

    public bool IsZero => Numerator.IsZero;

    public bool IsInteger => Denominator.IsOne;

    public static implicit operator Rational(long value) => new(value, 1);

    public static implicit operator Rational(BigInteger value) => new(value, 1);

    public static Rational operator +(Rational a, Rational b) =>
        new(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    public static Rational operator -(Rational a, Rational b) =>
        new(a.Numerator * b.Denominator - b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    public static Rational operator -(Rational a) => new(-a.Numerator, a.Denominator);

    public static Rational operator *(Rational a, Rational b) =>
        new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    public static Rational operator /(Rational a, Rational b) =>
        b.IsZero ? throw new DivideByZeroException("Division of a rational number by 0.")
                 : new(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

    public static bool operator ==(Rational a, Rational b) => a.Equals(b);

    public static bool operator !=(Rational a, Rational b) => !a.Equals(b);

    public static bool operator <(Rational a, Rational b) => a.CompareTo(b) < 0;

    public static bool operator >(Rational a, Rational b) => a.CompareTo(b) > 0;

    public static bool operator <=(Rational a, Rational b) => a.CompareTo(b) <= 0;

    public static bool operator >=(Rational a, Rational b) => a.CompareTo(b) >= 0;

    public static Rational Max(Rational a, Rational b) => a >= b ? a : b;

    public static Rational Min(Rational a, Rational b) => a <= b ? a : b;

    public static Rational Sum(IEnumerable<Rational> values) => values.Aggregate(Zero, (s, v) => s + v);

    /// <summary>Rounds half away from zero to a whole number (e.g. to whole cents or whole basis points).</summary>
    public BigInteger RoundToInteger()
    {
        // |n| / d rounded half up is floor((2|n| + d) / 2d); the sign is put back afterwards.
        var magnitude = (2 * BigInteger.Abs(Numerator) + Denominator) / (2 * Denominator);
        return Numerator.Sign < 0 ? -magnitude : magnitude;
    }

    /// <summary>Rounds half away from zero to <paramref name="decimals"/> decimals, for display only.</summary>
    public decimal Round(int decimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        var scale = BigInteger.Pow(10, decimals);
        var scaled = (this * scale).RoundToInteger();
        return (decimal)scaled / (decimal)scale;
    }

    /// <summary>
    /// The value rounded half away from zero with exactly <paramref name="decimals"/> decimals and
    /// a "." separator, e.g. "-176.2857" (the Rational.rounded field of common.proto uses 4).
    /// </summary>
    public string ToRoundedString(int decimals = 4)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        var scaled = (this * BigInteger.Pow(10, decimals)).RoundToInteger();
        var digits = BigInteger.Abs(scaled).ToString(CultureInfo.InvariantCulture).PadLeft(decimals + 1, '0');
        var sign = scaled.Sign < 0 ? "-" : "";
        return decimals == 0
            ? sign + digits
            : sign + digits[..^decimals] + "." + digits[^decimals..];
    }

    public bool Equals(Rational other) => Numerator == other.Numerator && Denominator == other.Denominator;

    public override bool Equals(object? obj) => obj is Rational other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);

    public int CompareTo(Rational other) =>
        (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    /// <summary>"n/d", or "n" for a whole number.</summary>
    public override string ToString() =>
        IsInteger ? Numerator.ToString(CultureInfo.InvariantCulture)
                  : $"{Numerator.ToString(CultureInfo.InvariantCulture)}/{Denominator.ToString(CultureInfo.InvariantCulture)}";
}
