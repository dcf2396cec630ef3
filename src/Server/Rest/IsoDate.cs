using System.Globalization;
using System.Text.Json.Nodes;

namespace GonPortal.Server.Rest;

/// <summary>
/// A calendar date on the REST interface: ISO 8601 extended form "yyyy-MM-dd" only (the national API design rules),
/// four-digit year, two-digit month and day, a date that exists. The JSON object form is google.type.Date's proto JSON.
/// </summary>
public static class IsoDate
{
    public const string Pattern = "yyyy-MM-dd";

    /// <summary>English, like every violation description; <c>FieldViolationReasons</c> classes it INVALID_DATE.</summary>
    public const string InvalidDescription = "is not a valid date; expected yyyy-MM-dd, e.g. 2027-03-01";

    public static bool TryParse(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static JsonObject ToObject(DateOnly date) => new()
    {
        ["year"] = date.Year,
        ["month"] = date.Month,
        ["day"] = date.Day,
    };

    /// <summary>"yyyy-MM-dd" for a Date object that is a real date; null for a partial or impossible one (left as it is).</summary>
    public static string? Format(JsonObject date)
    {
        var year = Part(date, "year");
        var month = Part(date, "month");
        var day = Part(date, "day");
        return year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            && date.Count == 3
            ? new DateOnly(year, month, day).ToString(Pattern, CultureInfo.InvariantCulture)
            : null;
    }

    private static int Part(JsonObject date, string name) =>
        date.TryGetPropertyValue(name, out var node) && node is JsonValue value && value.TryGetValue<int>(out var number) ? number : 0;
}
