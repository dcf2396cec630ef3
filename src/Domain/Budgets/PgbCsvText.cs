using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace GonPortal.Domain.Budgets;

/// <summary>One record of a CSV file: the line it starts on (1-based) and its fields, unquoted.</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// The text layer of a PGB CSV file: size, UTF-8 (BOM allowed), and the records, read by CsvHelper so
/// quoted fields (a separator or a line break inside quotes) are one field. The separator is ";" or ",",
/// whichever the header holds more of outside quotes (Dutch spreadsheets write ";").
/// </summary>
public static class PgbCsvText
{
    /// <summary>1 MB: a year of counts for four areas is a few hundred bytes; anything near this is not a PGB file.</summary>
    public const int MaxBytes = 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes the bytes; null with a message when the file is empty, too large or not UTF-8.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, out string? problem)
    {
        problem = null;
        if (bytes.Length > MaxBytes)
        {
            problem = $"the file is {bytes.Length} bytes; at most {MaxBytes} (1 MB) are accepted";
            return null;
        }
        if (bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            bytes = bytes[Encoding.UTF8.Preamble.Length..];
        }
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            problem = "the file is not valid UTF-8";
            return null;
        }
        if (Validation.Text.IsBlank(text))
        {
            problem = "the file is empty; it needs a header row";
            return null;
        }
        if (Validation.Text.HasControlCharacters(text, multiLine: true))
        {
            var at = text.IndexOf(text.First(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'));
            problem = $"line {text[..at].Count(c => c == '\n') + 1} holds a control character (such as NUL); a CSV file holds text only";
            return null;
        }
        return text;
    }

    /// <summary>
    /// The records of the text, blank lines left out, each with the line it starts on. A record that spans
    /// lines (a quoted line break) counts from its first line, so a report names the line a person sees first.
    /// </summary>
    public static IReadOnlyList<CsvRecord> Records(string text) => Records(text, Separator(text));

    /// <inheritdoc cref="Records(string)"/>
    public static IReadOnlyList<CsvRecord> Records(string text, char separator)
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
        var records = new List<CsvRecord>();
        using var reader = new StringReader(text.TrimStart('\uFEFF'));
        using var parser = new CsvParser(reader, config);
        while (parser.Read())
        {
            var fields = parser.Record ?? [];
            var end = parser.RawRow;
            var start = end - CountLineBreaks(parser.RawRecord);
            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue; // a line of only separators, as spreadsheets leave at the end
            }
            records.Add(new CsvRecord(Math.Max(start, 1), fields));
        }
        return records;
    }

    /// <summary>
    /// ";" when the first line holds more semicolons than commas outside quotes, else ","; a quoted "1,5" or
    /// a name with a comma does not decide.
    /// </summary>
    public static char Separator(string text)
    {
        var semicolons = 0;
        var commas = 0;
        var quoted = false;
        foreach (var c in text.TrimStart('\uFEFF'))
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\n' or '\r')
            {
                if (semicolons + commas > 0)
                {
                    break;
                }
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
        return semicolons > commas ? ';' : ',';
    }

    /// <summary>Line breaks inside a record's raw text (its own ending excluded): a quoted field spanning lines.</summary>
    private static int CountLineBreaks(string raw)
    {
        var text = raw.TrimEnd('\r', '\n');
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
            {
                count++;
            }
        }
        return count;
    }
}
