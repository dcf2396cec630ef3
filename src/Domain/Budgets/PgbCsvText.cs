using System.Text;

namespace GonPortal.Domain.Budgets;

/// <summary>
/// The text layer of a PGB CSV file: size, UTF-8 (BOM allowed), lines, and the separator, which the
/// header decides. No quoting: the files hold integers, ids and dates only.
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

    /// <summary>The lines with their 1-based numbers; "\r\n" and "\n" both end a line.</summary>
    public static IReadOnlyList<(int Number, string Text)> Lines(string text) =>
        text.Split('\n').Select((line, i) => (i + 1, line.TrimEnd('\r'))).ToList();

    /// <summary>";" when the header holds one and no ","; else ",".</summary>
    public static char Separator(string header) => header.Contains(';') && !header.Contains(',') ? ';' : ',';
}
