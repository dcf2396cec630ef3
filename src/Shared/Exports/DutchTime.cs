namespace GonPortal.Exports;

/// <summary>
/// Moments are shown as a person in Groningen reads a clock: Dutch local time, summer time included. The one place the
/// time zone is named: the exports, the portal's formatting (DutchFormat) and its documents (DocumentDates) use it.
/// </summary>
#if GON_EXPORTS_INTERNAL
internal
#else
public
#endif
static class DutchTime
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <summary>The wall-clock time in the Netherlands at <paramref name="moment"/>, without an offset (a spreadsheet has none).</summary>
    public static DateTime Local(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Amsterdam).DateTime;
}
