using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace GonPortal.Exports;

/// <summary>
/// Writes a table as CSV the way Dutch Excel opens it: UTF-8 with a BOM, ";" between fields, decimal comma, no
/// thousands separator (Excel would read "1.234" as text), dates as dd-MM-yyyy. Rows are written as they arrive, so a
/// 200,000-row export holds one page of rows at a time, not the file.
/// </summary>
#if GON_EXPORTS_INTERNAL
internal
#else
public
#endif
static class CsvTableExport
{
    public static readonly Encoding Utf8WithBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public static async Task<int> WriteAsync<T>(Stream output, IReadOnlyList<ExportColumn<T>> columns, IAsyncEnumerable<T> rows,
        CancellationToken cancellationToken = default)
    {
        await using var writer = new StreamWriter(output, Utf8WithBom, bufferSize: 64 * 1024, leaveOpen: true);
        await using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = ";",
            NewLine = "\r\n",
            // With NewLine set, CsvHelper quotes only a field holding the whole "\r\n": a note typed on two lines
            // ("\n" alone) would end the row in the middle. Any line break is quoted, as Excel and RFC 4180 expect.
            ShouldQuote = args => ConfigurationFunctions.ShouldQuote(args) || args.Field.AsSpan().IndexOfAny('\r', '\n') >= 0,
        });
        foreach (var column in columns)
        {
            csv.WriteField(column.Header);
        }
        await csv.NextRecordAsync();
        var count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            foreach (var column in columns)
            {
                csv.WriteField(Text(column.Kind, column.Value(row)));
            }
            await csv.NextRecordAsync();
            count++;
        }
        await csv.FlushAsync();
        return count;
    }

    /// <summary>A cell as Dutch Excel reads it back into the same number or date.</summary>
    public static string Text(ExportKind kind, object? value) => (kind, value) switch
    {
        (_, null) => string.Empty,
        (ExportKind.Money, long cents) => (cents / 100m).ToString("0.00", Dutch),
        (ExportKind.Money, int cents) => (cents / 100m).ToString("0.00", Dutch),
        (ExportKind.Hours, int minutes) => (minutes / 60m).ToString("0.00", Dutch),
        (ExportKind.Integer, IFormattable number) => number.ToString("0", Dutch),
        (ExportKind.Date, DateOnly date) => date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture),
        (ExportKind.DateTime, DateTimeOffset moment) => DutchTime.Local(moment).ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture),
        (ExportKind.Percentage, IConvertible fraction) => (fraction.ToDecimal(CultureInfo.InvariantCulture) * 100m).ToString("0.##", Dutch) + "%",
        (ExportKind.Text, _) => Neutralised(value.ToString() ?? string.Empty),
        (_, IFormattable other) => other.ToString(null, Dutch),
        _ => Neutralised(value.ToString() ?? string.Empty),
    };

    /// <summary>
    /// Excel runs a field that starts with = + - @ (or a tab or carriage return before one) as a formula: a client's
    /// name typed as "=HYPERLINK(...)" would become a live link in the controller's sheet. Such text gets a leading
    /// apostrophe, which Excel shows as plain text (OWASP's advice for CSV injection).
    /// </summary>
    public static string Neutralised(string text) =>
        text.Length > 0 && "=+-@\t\r".Contains(text[0]) ? "'" + text : text;

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");
}
