using GonPortal.Portal.Formatting;

namespace GonPortal.Portal.Documents;

/// <summary>Dates as a document writes them out: "5 december 2026", and a moment in Dutch time "5 december 2026 om 14:05".</summary>
public static class DocumentDates
{
    public static string Long(DateOnly date) => date.ToString("d MMMM yyyy", DutchFormat.Culture);

    public static string Moment(DateTimeOffset? moment) => moment is { } m
        ? DutchTime.Local(m).ToString("d MMMM yyyy 'om' HH:mm", DutchFormat.Culture)
        : "—";

    /// <summary>"1 december 2026 tot en met 31 december 2026".</summary>
    public static string Span(DateOnly first, DateOnly last) => $"{Long(first)} tot en met {Long(last)}";

    public static string MonthSpan(int year, int month) =>
        Span(new DateOnly(year, month, 1), new DateOnly(year, month, DateTime.DaysInMonth(year, month)));

    public static string YearSpan(int year) => Span(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
}
