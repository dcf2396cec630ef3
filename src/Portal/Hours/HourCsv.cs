using System.Globalization;
using GonPortal.Contracts.V1;
using GonPortal.Portal.Formatting;
using GonPortal.Portal.ServerApi;

namespace GonPortal.Portal.Hours;

/// <summary>One line of an uploaded CSV file: the entry it holds, or why it could not be read.</summary>
public sealed record CsvLine(int LineNumber, string EntryKey, HourEntryDraft? Draft, string? ReadError);

/// <summary>
/// Reads the portal's hour CSV: <c>sleutel;regeling;datum;product;eenheid;aantal;toelichting</c> (comma also
/// accepted; a header line is skipped). Only the reading happens here; every rule is checked by the Server.
/// </summary>
public static class HourCsv
{
    public const string Header = "sleutel;regeling;datum;product;eenheid;aantal;toelichting";

    private static readonly string[] DateFormats = ["dd-MM-yyyy", "d-M-yyyy", "yyyy-MM-dd"];

    public static IReadOnlyList<CsvLine> Read(string content)
    {
        var lines = new List<CsvLine>();
        var number = 0;
        foreach (var raw in content.Split('\n'))
        {
            number++;
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0 || (number == 1 && line.StartsWith("sleutel", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            lines.Add(ReadLine(number, line));
        }

        return lines;
    }

    private static CsvLine ReadLine(int number, string line)
    {
        var separator = line.Contains(';', StringComparison.Ordinal) ? ';' : ',';
        var cells = line.Split(separator).Select(c => c.Trim().Trim('"')).ToArray();
        var key = cells.ElementAtOrDefault(0) ?? string.Empty;
        if (cells.Length < 6)
        {
            return new CsvLine(number, key, null, "Csv.TeWeinigKolommen");
        }

        if (!DateOnly.TryParseExact(cells[2], DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new CsvLine(number, key, null, "Csv.Datum");
        }

        if (ProductOf(cells[3]) is not { } product)
        {
            return new CsvLine(number, key, null, "Csv.Product");
        }

        if (UnitOf(cells[4]) is not { } unit)
        {
            return new CsvLine(number, key, null, "Csv.Eenheid");
        }

        // The portal's one number reader: "1.500" or "1,5" is refused rather than guessed.
        if (DutchNumber.Count(cells[5], allowNegative: true).Value is not { } read || read is > int.MaxValue or < int.MinValue)
        {
            return new CsvLine(number, key, null, "Csv.Aantal");
        }

        var quantity = (int)read;

        var note = cells.Length > 6 ? string.Join(separator, cells[6..]) : string.Empty;
        return new CsvLine(number, key, new HourEntryDraft(key, cells[1], date, product, unit, quantity, note), null);
    }

    private static Product? ProductOf(string text) => text.ToLowerInvariant() switch
    {
        "begeleiding" or "02" => Product.Begeleiding,
        "dagbesteding" or "07" => Product.Dagbesteding,
        "kortdurend_verblijf" or "kortdurend verblijf" or "04" => Product.KortdurendVerblijf,
        _ => null,
    };

    private static Unit? UnitOf(string text) => text.ToLowerInvariant() switch
    {
        "uur" or "minuten" => Unit.Hour,
        "dagdeel" => Unit.Dagdeel,
        "etmaal" => Unit.Etmaal,
        _ => null,
    };
}
