using System.Text.RegularExpressions;

namespace GonPortal.Server.ErrorModel;

/// <summary>
/// Gives each field violation a coarse machine-readable class (google.rpc.BadRequest.FieldViolation.reason),
/// read from the rule's English description in this one place so the many rules in the domain stay
/// plain sentences. A client words the class in its own language and uses the values (e.g. the
/// maximum length) that the class extracts; an unknown description is <c>INVALID</c>.
/// </summary>
public static partial class FieldViolationReasons
{
    public const string Required = "REQUIRED";
    public const string InvalidDate = "INVALID_DATE";
    public const string NotInFuture = "NOT_IN_FUTURE";
    public const string DateOrder = "DATE_ORDER";
    public const string TextLength = "TEXT_LENGTH";
    public const string Negative = "NEGATIVE";
    public const string OutOfRange = "OUT_OF_RANGE";
    public const string Duplicate = "DUPLICATE";
    public const string NotAllowed = "NOT_ALLOWED";
    public const string InvalidBsn = "INVALID_BSN";
    public const string ControlCharacters = "CONTROL_CHARACTERS";
    public const string Malformed = "MALFORMED";
    public const string Invalid = "INVALID";

    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    public static (string Reason, IReadOnlyDictionary<string, string> Values) Classify(string description)
    {
        var d = description.Trim();
        if (Length().Match(d) is { Success: true } m)
        {
            var values = new Dictionary<string, string> { ["max"] = m.Groups["max"].Value };
            if (m.Groups["min"].Success)
            {
                values["min"] = m.Groups["min"].Value;
            }
            return (TextLength, values);
        }
        if (Items().Match(d) is { Success: true } items)
        {
            return (OutOfRange, new Dictionary<string, string> { ["max"] = items.Groups["max"].Value });
        }
        return (d switch
        {
            _ when d.StartsWith(Domain.Validation.Text.ControlCharacterRule, StringComparison.Ordinal) => ControlCharacters,
            _ when d == RequestShape.UndefinedEnumRule => OutOfRange,
            _ when d.Contains("valid date", StringComparison.OrdinalIgnoreCase) => InvalidDate,
            _ when d.StartsWith("is required", StringComparison.OrdinalIgnoreCase) || d.Contains(" is required", StringComparison.Ordinal) => Required,
            _ when d.Contains("BSN", StringComparison.Ordinal) && d.Contains("valid", StringComparison.Ordinal) => InvalidBsn,
            _ when d.Contains("in the future", StringComparison.Ordinal) || d.Contains("has not ended", StringComparison.Ordinal)
                || d.Contains("has not begun", StringComparison.Ordinal) => NotInFuture,
            _ when d.StartsWith("must not be before", StringComparison.Ordinal) || d.StartsWith("must not be after", StringComparison.Ordinal) => DateOrder,
            _ when d.StartsWith("must be 0 or more", StringComparison.Ordinal) => Negative,
            _ when d.Contains("twice", StringComparison.Ordinal) || d.Contains("already", StringComparison.Ordinal)
                || d.Contains("also on line", StringComparison.Ordinal) => Duplicate,
            _ when d.Contains("not allowed", StringComparison.Ordinal) || d.StartsWith("only", StringComparison.Ordinal)
                || d.Contains("does not hold", StringComparison.Ordinal) || d.Contains("does not cover", StringComparison.Ordinal)
                || d.StartsWith("the subcontract", StringComparison.Ordinal) => NotAllowed,
            _ when d.Contains("implausibly", StringComparison.Ordinal) || d.StartsWith("must be a year", StringComparison.Ordinal)
                || d.Contains("at most", StringComparison.Ordinal) || d.Contains("at least", StringComparison.Ordinal)
                || d.Contains("between", StringComparison.Ordinal) || d.Contains("positive", StringComparison.Ordinal)
                || d.Contains("greater than", StringComparison.Ordinal) => OutOfRange,
            _ => Invalid,
        }, None);
    }

    [GeneratedRegex(@"^must be (?:at most (?<max>\d+)|(?<min>\d+)-(?<max>\d+)) characters")]
    private static partial Regex Length();

    [GeneratedRegex(@"^must hold at most (?<max>\d+) items")]
    private static partial Regex Items();
}
