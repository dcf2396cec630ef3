using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using GonPortal.Contracts.V1;
using GonPortal.Portal.Formatting;
using GonPortal.Portal.ServerApi;

namespace GonPortal.Portal.Hours;

/// <summary>One line of an uploaded CSV file: the entry it holds, or the text key of why it could not be read.</summary>
public sealed record CsvLine(int LineNumber, string EntryKey, HourEntryDraft? Draft, string? ReadError);

/// <summary>
/// Reads the planner's hour CSV: <c>sleutel;cliënt;product;datum;aantal;toelichting</c> (comma also accepted; the
/// header line is skipped; quoted fields as CsvHelper reads them). A line names the care the way the portal shows it, by the client's name and the product,
/// and is matched to the one assignment of that client and product that runs on the date; the quantity is typed as
/// in the week grid (hours as <c>1,5</c> or <c>1:30</c>, dagdelen and etmalen as a count). Only the reading and the
/// matching happen here; every rule is checked by the Server.
/// </summary>
public static class HourCsv
{
    public const string Header = "sleutel;cliënt;product;datum;aantal;toelichting";

    private static readonly string[] DateFormats = ["dd-MM-yyyy", "d-M-yyyy", "yyyy-MM-dd"];

    /// <summary>
    /// The template: the header and one line per assignment running on <paramref name="today"/>, with the date and
    /// the quantity left open for the planner (lines left open are skipped on upload). Written by CsvHelper, so a
    /// name holding a ";" or a quote is quoted; the caller adds the BOM Dutch Excel needs to read "cliënt".
    /// </summary>
    public static string Template(IEnumerable<AssignmentView> assignments, DateOnly today, Func<Product, string> productName)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\r\n" };
        using (var csv = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";", NewLine = "\r\n" }))
        {
            foreach (var column in Header.Split(';'))
            {
                csv.WriteField(column);
            }
            csv.NextRecord();
            var number = 1;
            foreach (var a in assignments.Where(a => RunsOn(a.Arrangement, today)).OrderBy(a => a.ClientName, StringComparer.CurrentCulture))
            {
                string[] cells = [$"regel-{number++}", a.ClientName, productName(a.Arrangement.Product), "", "", ""];
                foreach (var cell in cells)
                {
                    csv.WriteField(cell);
                }
                csv.NextRecord();
            }
        }
        return text.ToString();
    }

    /// <summary>
    /// Reads the file with CsvHelper: a BOM is dropped, ";" or "," is taken from the first line (outside quotes, so a
    /// quoted "1,5" does not decide), quoted fields may hold the separator, a quote or a line break.
    /// </summary>
    public static IReadOnlyList<CsvLine> Read(string content, IReadOnlyList<AssignmentView> assignments, Func<string, Product?> productOf)
    {
        var lines = new List<CsvLine>();
        var first = true;
        var separator = Separator(content);
        foreach (var (number, cells) in Records(content, separator))
        {
            var isHeader = first && number == 1 && cells.Count > 0 && cells[0].Trim().StartsWith("sleutel", StringComparison.OrdinalIgnoreCase);
            first = false;
            if (isHeader || cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (ReadLine(number, cells.Select(c => c.Trim()).ToArray(), separator, assignments, productOf) is { } read)
            {
                lines.Add(read);
            }
        }

        return lines;
    }

    /// <summary>";" when the first line holds more semicolons than commas outside quotes, else ",".</summary>
    public static char Separator(string content)
    {
        var (semicolons, commas, quoted) = (0, 0, false);
        foreach (var c in content.TrimStart('\uFEFF'))
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\n' && semicolons + commas > 0)
            {
                break;
            }
            else if (!quoted && c == ';')
            {
                semicolons++;
            }
            else if (!quoted && c == ',')
            {
                commas++;
            }
        }
        return semicolons >= commas ? ';' : ',';
    }

    /// <summary>The records with the line each starts on: a record with a quoted line break is named by its first line.</summary>
    private static IEnumerable<(int Line, IReadOnlyList<string> Cells)> Records(string content, char separator)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = separator.ToString(),
            HasHeaderRecord = false,
            IgnoreBlankLines = true,
            BadDataFound = null,
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
        };
        using var reader = new StringReader(content.TrimStart('\uFEFF'));
        using var parser = new CsvParser(reader, config);
        while (parser.Read())
        {
            var raw = parser.RawRecord.TrimEnd('\r', '\n');
            yield return (parser.RawRow - raw.Count(c => c == '\n'), parser.Record ?? []);
        }
    }

    private static CsvLine? ReadLine(int number, string[] cells, char separator, IReadOnlyList<AssignmentView> assignments, Func<string, Product?> productOf)
    {
        var key = cells.ElementAtOrDefault(0) ?? string.Empty;
        if (cells.Length < 5)
        {
            return new CsvLine(number, key, null, "Csv.TeWeinigKolommen");
        }

        if (cells[3].Length == 0 && cells[4].Length == 0)
        {
            return null; // a template line the planner left open
        }

        if (key.Length == 0)
        {
            return new CsvLine(number, key, null, "Csv.Sleutel");
        }

        if (!DateOnly.TryParseExact(cells[3], DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new CsvLine(number, key, null, "Csv.Datum");
        }

        if (productOf(cells[2]) is not { } product)
        {
            return new CsvLine(number, key, null, "Csv.Product");
        }

        var matches = assignments
            .Where(a => a.Arrangement.Product == product && RunsOn(a.Arrangement, date)
                && string.Equals(a.ClientName.Trim(), cells[1], StringComparison.CurrentCultureIgnoreCase))
            .ToList();
        if (matches.Count == 0)
        {
            return new CsvLine(number, key, null, "Csv.GeenOndersteuning");
        }

        if (matches.Count > 1)
        {
            return new CsvLine(number, key, null, "Csv.MeerdereOndersteuningen");
        }

        var arrangement = matches[0].Arrangement;
        if (QuantityInput.Parse(cells[4], arrangement.Unit) is not { } quantity)
        {
            return new CsvLine(number, key, null, arrangement.Unit == Unit.Hour ? "Csv.Uren" : "Csv.Aantal");
        }

        // an unquoted note with the separator in it arrives as several fields: they are one note
        var note = cells.Length > 5 ? string.Join(separator, cells[5..]) : string.Empty;
        return new CsvLine(number, key, new HourEntryDraft(key, arrangement.Id, date, product, arrangement.Unit, quantity, note), null);
    }

    private static bool RunsOn(ArrangementView a, DateOnly day) =>
        a.State is ArrangementState.Active or ArrangementState.Ended
        && (a.StartDate ?? DateOnly.MaxValue) <= day && (a.EndDate ?? DateOnly.MaxValue) >= day;

    /// <summary>The product as people write it: its name in the portal, with or without spaces or case, or its code.</summary>
    public static Product? ProductOf(string text, IEnumerable<(Product Product, string Name)> names)
    {
        var wanted = Normalise(text);
        foreach (var (product, name) in names)
        {
            if (Normalise(name) == wanted)
            {
                return product;
            }
        }
        return wanted switch
        {
            "begeleiding" or "02" => Product.Begeleiding,
            "dagbesteding" or "07" => Product.Dagbesteding,
            "kortdurendverblijf" or "04" => Product.KortdurendVerblijf,
            _ => null,
        };
    }

    private static string Normalise(string text) =>
        new string(text.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
}
