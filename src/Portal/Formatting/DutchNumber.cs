using System.Globalization;
using System.Text.RegularExpressions;

namespace GonPortal.Portal.Formatting;

/// <summary>
/// The one reader of numbers people type in the portal (forms and the hour CSV). It reads what a Dutch person
/// means — "64,50", "€ 1.234,56", "1,5" or "1:30" hours — and refuses, with a sentence saying how to write it,
/// whatever could mean two things: "64.50", "1.500" and "1.5" are never guessed, because "1.500" is 1500 to one
/// person and 1,5 to another. A point is only read as a thousands separator when a comma part follows
/// ("1.500,00"), which leaves no doubt. Whole counts take no point or comma at all.
/// </summary>
public static partial class DutchNumber
{
    // Digits kept below 10^15 so cents, basis points and minutes fit a long without any overflow check.
    private const int MaxWholeDigits = 13;

    private static readonly string[] HourSuffixes = ["uur", "u"];

    /// <summary>Euros with at most two decimals as cents: "64,50" → 6450, "€ 1.234,56" → 123456, "€ 80,-" → 8000.</summary>
    public static NumberReading Money(string? text, bool allowNegative = false) => Read(text, NumberKind.Money, allowNegative);

    /// <summary>A percentage with at most two decimals as basis points: "4,96" → 496, "15 %" → 1500.</summary>
    public static NumberReading Percent(string? text, bool allowNegative = false) => Read(text, NumberKind.Percent, allowNegative);

    /// <summary>Hours as whole minutes: "1,5" → 90, "1:30" → 90, "2" → 120.</summary>
    public static NumberReading Hours(string? text, bool allowNegative = false) => Read(text, NumberKind.Hours, allowNegative);

    /// <summary>A whole count without separators: "12" → 12.</summary>
    public static NumberReading Count(string? text, bool allowNegative = false) => Read(text, NumberKind.Count, allowNegative);

    public static NumberReading Read(string? text, NumberKind kind, bool allowNegative = false)
    {
        var value = Normalise(text);
        if (value.Length == 0)
        {
            return NumberReading.Empty(NumberMessages.Empty(kind));
        }

        value = StripUnitSign(value, kind);
        var negative = false;
        if (value.StartsWith('-'))
        {
            negative = true;
            value = value[1..].TrimStart();
        }
        else if (value.StartsWith('+'))
        {
            value = value[1..].TrimStart();
        }

        if (negative && !allowNegative)
        {
            return NumberReading.Refused(NumberMessages.Negative(kind));
        }

        var reading = kind == NumberKind.Hours && value.Contains(':', StringComparison.Ordinal)
            ? ReadClock(value)
            : ReadDecimal(value, kind);
        return negative && reading.Value is { } read ? NumberReading.Read(-read) : reading;
    }

    /// <summary>Trims, and treats the non-breaking and narrow spaces that copying from documents brings as spaces.</summary>
    private static string Normalise(string? text) =>
        (text ?? string.Empty).Replace('\u00A0', ' ').Replace('\u202F', ' ').Replace('\u2212', '-').Trim();

    private static string StripUnitSign(string value, NumberKind kind)
    {
        if (kind == NumberKind.Money)
        {
            if (value.StartsWith('€'))
            {
                value = value[1..].TrimStart();
            }
            else if (value.StartsWith("-€", StringComparison.Ordinal) || value.StartsWith("- €", StringComparison.Ordinal))
            {
                value = "-" + value[(value.IndexOf('€', StringComparison.Ordinal) + 1)..].TrimStart();
            }

            // "€ 80,-" and "€ 80,--" are how Dutch writes whole euros.
            if (value.EndsWith(",--", StringComparison.Ordinal))
            {
                value = value[..^3];
            }
            else if (value.EndsWith(",-", StringComparison.Ordinal))
            {
                value = value[..^2];
            }
        }
        else if (kind == NumberKind.Percent && value.EndsWith('%'))
        {
            value = value[..^1].TrimEnd();
        }
        else if (kind == NumberKind.Hours)
        {
            // "1,5 uur" and "1,5u" say the unit the field already has.
            foreach (var suffix in HourSuffixes)
            {
                if (value.Length > suffix.Length && value.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                {
                    return value[..^suffix.Length].TrimEnd();
                }
            }
        }

        return value;
    }

    private static NumberReading ReadClock(string value)
    {
        var match = ClockPattern().Match(value);
        if (!match.Success)
        {
            return NumberReading.Refused(NumberMessages.Clock);
        }

        var minutes = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        if (minutes >= 60)
        {
            return NumberReading.Refused(NumberMessages.ClockMinutes);
        }

        var hours = match.Groups["h"].Value;
        return hours.Length > MaxWholeDigits
            ? NumberReading.Refused(NumberMessages.TooLarge)
            : NumberReading.Read((long.Parse(hours, CultureInfo.InvariantCulture) * 60) + minutes);
    }

    private static NumberReading ReadDecimal(string value, NumberKind kind)
    {
        if (value.Any(char.IsLetter) || !AllowedCharacters().IsMatch(value))
        {
            return NumberReading.Refused(NumberMessages.NotANumber(kind));
        }

        var comma = value.IndexOf(',', StringComparison.Ordinal);
        if (comma >= 0 && value.IndexOf(',', comma + 1) >= 0)
        {
            return NumberReading.Refused(NumberMessages.NotANumber(kind));
        }

        var whole = comma >= 0 ? value[..comma] : value;
        var fraction = comma >= 0 ? value[(comma + 1)..] : string.Empty;
        if (fraction.Contains('.', StringComparison.Ordinal) || (comma >= 0 && fraction.Length == 0))
        {
            return NumberReading.Refused(NumberMessages.NotANumber(kind));
        }

        if (whole.Contains('.', StringComparison.Ordinal))
        {
            // A point is read only as a thousands separator before a comma part, in groups of exactly three digits.
            if (kind == NumberKind.Count || comma < 0)
            {
                return NumberReading.Refused(NumberMessages.Ambiguous(kind));
            }

            if (!ThousandsPattern().IsMatch(whole))
            {
                return NumberReading.Refused(NumberMessages.Ambiguous(kind));
            }

            whole = whole.Replace(".", string.Empty, StringComparison.Ordinal);
        }

        if (whole.Length == 0)
        {
            whole = "0"; // ",5" is half
        }

        if (whole.Any(c => !char.IsAsciiDigit(c)) || fraction.Any(c => !char.IsAsciiDigit(c)))
        {
            return NumberReading.Refused(NumberMessages.NotANumber(kind));
        }

        if (whole.TrimStart('0').Length > MaxWholeDigits)
        {
            return NumberReading.Refused(NumberMessages.TooLarge);
        }

        return kind switch
        {
            NumberKind.Count => fraction.Length > 0
                ? NumberReading.Refused(NumberMessages.NotWhole)
                : NumberReading.Read(long.Parse(whole, CultureInfo.InvariantCulture)),
            NumberKind.Money => fraction.Length > 2
                ? NumberReading.Refused(NumberMessages.MoneyDecimals)
                : NumberReading.Read(Scaled(whole, fraction, 2)),
            NumberKind.Percent => fraction.Length > 2
                ? NumberReading.Refused(NumberMessages.PercentDecimals)
                : NumberReading.Read(Scaled(whole, fraction, 2)),
            _ => HoursAsMinutes(whole, fraction),
        };
    }

    /// <summary>"64" and "5" with two places → 6450.</summary>
    private static long Scaled(string whole, string fraction, int places) =>
        long.Parse(whole + fraction.PadRight(places, '0'), CultureInfo.InvariantCulture);

    private static NumberReading HoursAsMinutes(string whole, string fraction)
    {
        if (fraction.Length > 4)
        {
            return NumberReading.Refused(NumberMessages.HoursNotMinutes);
        }

        var hours = decimal.Parse(whole + "." + (fraction.Length == 0 ? "0" : fraction), CultureInfo.InvariantCulture);
        var minutes = hours * 60m;
        return minutes == decimal.Truncate(minutes)
            ? NumberReading.Read((long)minutes)
            : NumberReading.Refused(NumberMessages.HoursNotMinutes);
    }

    [GeneratedRegex(@"^[0-9.,]+$")]
    private static partial Regex AllowedCharacters();

    [GeneratedRegex(@"^[0-9]{1,3}(\.[0-9]{3})+$")]
    private static partial Regex ThousandsPattern();

    [GeneratedRegex(@"^(?<h>[0-9]+):(?<m>[0-9]{2})$")]
    private static partial Regex ClockPattern();
}
