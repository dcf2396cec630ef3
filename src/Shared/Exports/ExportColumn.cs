namespace GonPortal.Exports;

// Compiled into the Portal (public: its pages and tests use them) and the Server (internal: a test project that
// references both hosts would otherwise see every type twice).

/// <summary>What a column holds, so a CSV writes it as Dutch Excel reads it and a workbook stores a real number or date.</summary>
#if GON_EXPORTS_INTERNAL
internal
#else
public
#endif
enum ExportKind
{
    Text,
    /// <summary>A whole number (a count).</summary>
    Integer,
    /// <summary>Euro cents (a long), written as euros with two decimals.</summary>
    Money,
    /// <summary>Minutes (an int), written as hours with two decimals.</summary>
    Hours,
    /// <summary>A <see cref="DateOnly"/>.</summary>
    Date,
    /// <summary>A moment (<see cref="DateTimeOffset"/>), written in Dutch local time to the minute.</summary>
    DateTime,
    /// <summary>A fraction (a decimal or double: 0.125 is 12,5 %), written as a percentage.</summary>
    Percentage,
}

/// <summary>One column of a table export: its Dutch header, what it holds and how to read it from a row.</summary>
#if GON_EXPORTS_INTERNAL
internal
#else
public
#endif
sealed record ExportColumn<T>(string Header, ExportKind Kind, Func<T, object?> Value);

/// <summary>The exported file types.</summary>
#if GON_EXPORTS_INTERNAL
internal
#else
public
#endif
enum ExportFormat
{
    Csv,
    Xlsx,
}
