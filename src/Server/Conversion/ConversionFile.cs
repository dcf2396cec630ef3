using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using GonPortal.Domain.Common;

namespace GonPortal.Server.Conversion;

/// <summary>One data line of a conversion file: its line number and its cells by (lower-case) column name.</summary>
public sealed record ConversionRow(int Line, IReadOnlyDictionary<string, string> Cells)
{
    public string Cell(string column) => Cells.TryGetValue(column, out var value) ? value : "";
}

/// <summary>
/// Reads a conversion file with CsvHelper: UTF-8 (optional BOM), ";" as Dutch spreadsheets write it
/// or ",", decided by the header line. A file that cannot be read as a whole throws
/// <see cref="DomainValidationException"/> on <c>csv</c>; each line's content is judged later, per line.
/// </summary>
public static class ConversionFile
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MaxLines = 50_000;

    /// <summary>Header names (Dutch, as in the template) the file must have.</summary>
    public static readonly IReadOnlyList<string> RequiredColumns =
        [ConversionColumns.SourceReference, ConversionColumns.Bsn, ConversionColumns.Surname, ConversionColumns.DateOfBirth, ConversionColumns.Postcode,
         ConversionColumns.Area, ConversionColumns.Product, ConversionColumns.Unit, ConversionColumns.SupportType, ConversionColumns.Volume,
         ConversionColumns.Frequency, ConversionColumns.StartDate];

    public static readonly IReadOnlyList<string> OptionalColumns =
        [ConversionColumns.Initials, ConversionColumns.GivenNames, ConversionColumns.SurnamePrefix, ConversionColumns.EndDate,
         ConversionColumns.BeschikkingNumber, ConversionColumns.BeschikkingDecisionDate, ConversionColumns.BeschikkingValidFrom,
         ConversionColumns.BeschikkingValidTo, ConversionColumns.ExecutorKvk];

    public static IReadOnlyList<ConversionRow> Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0)
        {
            Fail("is empty");
        }
        if (bytes.Length > MaxBytes)
        {
            Fail($"must be at most {MaxBytes / 1024 / 1024} MB");
        }
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            Fail("must be UTF-8 text");
            throw; // unreachable: Fail throws
        }
        if (Domain.Validation.Text.HasControlCharacters(text, multiLine: true))
        {
            Fail("must be text without control characters (such as NUL)");
        }
        var headerLine = text.Split('\n', 2)[0];
        var delimiter = headerLine.Count(c => c == ';') >= headerLine.Count(c => c == ',') ? ";" : ",";
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter,
            HasHeaderRecord = true,
            TrimOptions = TrimOptions.Trim,
            IgnoreBlankLines = true,
            BadDataFound = null,
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
        };
        using var reader = new StringReader(text);
        using var csv = new CsvReader(reader, config);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null)
        {
            Fail("has no header line");
        }
        var header = csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var missing = RequiredColumns.Where(c => !header.Contains(c)).ToList();
        var unknown = header.Where(h => h.Length > 0 && !RequiredColumns.Contains(h) && !OptionalColumns.Contains(h)).ToList();
        if (missing.Count > 0 || unknown.Count > 0 || header.Distinct().Count() != header.Count)
        {
            Fail($"the header must name each of {string.Join(delimiter, RequiredColumns)} once" +
                (unknown.Count > 0 ? $"; unknown column(s): {string.Join(", ", unknown)}" : "") +
                (missing.Count > 0 ? $"; missing: {string.Join(", ", missing)}" : ""));
        }
        var rows = new List<ConversionRow>();
        while (csv.Read())
        {
            var record = csv.Parser.Record ?? [];
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue; // a line of only separators, as spreadsheets leave at the end
            }
            if (rows.Count == MaxLines)
            {
                Fail($"must have at most {MaxLines} lines");
            }
            var cells = new Dictionary<string, string>();
            for (var i = 0; i < header.Count && i < record.Length; i++)
            {
                cells[header[i]] = record[i].Trim();
            }
            rows.Add(new ConversionRow(csv.Parser.RawRow, cells));
        }
        if (rows.Count == 0)
        {
            Fail("has a header but no lines");
        }
        return rows;
    }

    private static void Fail(string description) => throw new DomainValidationException([new FieldViolation("csv", description)]);
}
