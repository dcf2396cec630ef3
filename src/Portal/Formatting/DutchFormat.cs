using System.Globalization;

namespace GonPortal.Portal.Formatting;

/// <summary>
/// nl-NL formats for what the API sends: cents as "€ 1.234,56", dates as "31-12-2027", basis points as
/// "15,0 %", minutes as hours "1,5". Presentation only: the figures themselves come from the Server.
/// </summary>
public static class DutchFormat
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>Whole euro cents as "€ 1.234,56" (negative: "€ -1.234,56").</summary>
    public static string Money(long cents) =>
        "€ " + (cents / 100m).ToString("#,0.00", Culture);

    /// <summary>A date as "31-12-2027"; <paramref name="whenEmpty"/> when unset.</summary>
    public static string Date(DateOnly? date, string whenEmpty = "—") =>
        date?.ToString("dd-MM-yyyy", Culture) ?? whenEmpty;

    /// <summary>A moment in Dutch time as "31-12-2027 14:05".</summary>
    public static string DateTime(DateTimeOffset? moment, string whenEmpty = "—") =>
        moment is { } m ? DutchTime.Local(m).ToString("dd-MM-yyyy HH:mm", Culture) : whenEmpty;

    /// <summary>Basis points as a percentage with one decimal: 1500 → "15,0 %".</summary>
    public static string Percent(int basisPoints) =>
        (basisPoints / 100m).ToString("0.0", Culture) + " %";

    /// <summary>Basis points as a percentage with two decimals: 496 → "4,96 %".</summary>
    public static string PercentExact(int basisPoints) =>
        (basisPoints / 100m).ToString("0.00", Culture) + " %";

    /// <summary>A number with Dutch separators and at most <paramref name="decimals"/> decimals.</summary>
    public static string Number(decimal value, int decimals = 1) =>
        value.ToString("#,0." + new string('#', decimals), Culture);

    /// <summary>Minutes as hours with a decimal comma: 90 → "1,5".</summary>
    public static string Hours(decimal minutes) => Number(minutes / 60m, 1);

    /// <summary>An amount typed in euros ("1.234,56", "12,5", "€ 80") as cents; null when <see cref="DutchNumber"/> refuses it.</summary>
    public static long? ParseEuroCents(string? text) => DutchNumber.Money(text, allowNegative: true).Value;

    /// <summary>A percentage typed with at most two decimals ("3", "4,96", "15 %") as basis points; null when it is not one.</summary>
    public static int? ParseBasisPoints(string? text) =>
        DutchNumber.Percent(text, allowNegative: true).Value is { } bp and >= int.MinValue and <= int.MaxValue ? (int)bp : null;

    /// <summary>Basis points as a percentage to type over: 496 → "4,96", 300 → "3".</summary>
    public static string BasisPointsInput(int basisPoints) => (basisPoints / 100m).ToString("0.##", Culture);

    /// <summary>Cents as an amount to type over: 6250 → "62,50".</summary>
    public static string EuroInput(long cents) => (cents / 100m).ToString("0.00", Culture);

    /// <summary>A whole number typed without separators ("1234"); null when <see cref="DutchNumber"/> refuses it.</summary>
    public static long? ParseWhole(string? text) => DutchNumber.Count(text, allowNegative: true).Value;

    /// <summary>The Dutch name of a month 1-12: "januari".</summary>
    public static string MonthName(int month) =>
        month is >= 1 and <= 12 ? Culture.DateTimeFormat.GetMonthName(month) : "—";

    /// <summary>A month of a year: "januari 2027".</summary>
    public static string Month(int year, int month) => $"{MonthName(month)} {year}";

    /// <summary>
    /// A volume as typed: for the unit hour a number of hours ("1,5" or "1:30") as whole minutes (90), otherwise a
    /// whole count. Null when it is not one; <see cref="DutchNumber.Read"/> gives the reason.
    /// </summary>
    public static int? ParseVolume(string? text, bool hours) =>
        DutchNumber.Read(text, hours ? NumberKind.Hours : NumberKind.Count).Value is { } v and <= int.MaxValue ? (int)v : null;

    /// <summary>A volume to type over: minutes as hours for the unit hour ("1,5"), otherwise the count.</summary>
    public static string VolumeInput(int volume, bool hours) =>
        hours ? (volume / 60m).ToString("0.####", Culture) : volume.ToString(Culture);
}
