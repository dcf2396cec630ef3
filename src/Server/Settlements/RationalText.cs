using System.Globalization;
using System.Numerics;
using GonPortal.Domain.Reporting;

namespace GonPortal.Server.Settlements;

/// <summary>The exact text form of a <see cref="Rational"/> in rows and explanation documents: "n/d", invariant.</summary>
public static class RationalText
{
    public static string Format(Rational r) =>
        $"{r.Numerator.ToString(CultureInfo.InvariantCulture)}/{r.Denominator.ToString(CultureInfo.InvariantCulture)}";

    public static Rational Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length != 2)
        {
            throw new FormatException($"\"{text}\" is not a rational \"n/d\".");
        }
        return new Rational(BigInteger.Parse(parts[0], CultureInfo.InvariantCulture), BigInteger.Parse(parts[1], CultureInfo.InvariantCulture));
    }
}
