namespace GonPortal.Domain.Validation;

/// <summary>Rules for free text and identifiers shared by several requests.</summary>
public static class Text
{
    /// <summary>Client idempotency keys: 1-100 printable characters.</summary>
    public static void RequestId(Violations v, string field, string? value)
    {
        if (IsBlank(value))
        {
            v.Add(field, "is required: a client-chosen idempotency key of 1-100 characters");
        }
        else if (!IsValidRequestId(value))
        {
            v.Add(field, "must be 1-100 printable characters");
        }
    }

    /// <summary>A key that may be stored, looked up or sent back: 1-100 printable characters.</summary>
    public static bool IsValidRequestId([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? value) =>
        !IsBlank(value) && value.Length <= 100 && !value.Any(char.IsControl);

    public const string ControlCharacterRule = "must not contain control characters";

    /// <summary>
    /// Blank text counts as empty: nothing, or only white space and invisible format characters (zero-width
    /// space, byte-order mark), which a person cannot tell from nothing.
    /// </summary>
    public static bool IsBlank([System.Diagnostics.CodeAnalysis.NotNullWhen(false)] string? value) => value is null || value.All(c => char.IsWhiteSpace(c) || IsInvisible(c));

    /// <summary>
    /// Control characters (NUL, escape, DEL, C1...) never belong in text a person reads or a system matches on;
    /// genuinely multi-line free text (notes, reasons) may hold line breaks and tabs, nothing else.
    /// </summary>
    public static bool HasControlCharacters(string? value, bool multiLine) =>
        value is not null && value.Any(c => char.IsControl(c) && !(multiLine && c is '\n' or '\r' or '\t'));

    /// <summary>Refuses control characters (see <see cref="HasControlCharacters"/>); returns whether the rule held.</summary>
    public static bool NoControlCharacters(Violations v, string field, string? value, bool multiLine = false) =>
        v.Check(HasControlCharacters(value, multiLine), field,
            multiLine ? $"{ControlCharacterRule} other than line breaks and tabs" : ControlCharacterRule);

    /// <summary>Required text of bounded length, trimmed; blank counts as missing.</summary>
    public static void Required(Violations v, string field, string? value, int min, int max)
    {
        var trimmed = IsBlank(value) ? "" : value!.Trim();
        if (trimmed.Length == 0)
        {
            v.Add(field, "is required");
        }
        else if (trimmed.Length < min || trimmed.Length > max)
        {
            v.Add(field, $"must be {min}-{max} characters");
        }
    }

    /// <summary>Optional text of bounded length.</summary>
    public static void Optional(Violations v, string field, string? value, int max)
    {
        if (value is not null && value.Trim().Length > max)
        {
            v.Add(field, $"must be at most {max} characters");
        }
    }

    private static bool IsInvisible(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';

    public static bool IsDigits(string value, int length) => value.Length == length && value.All(char.IsAsciiDigit);
}
