namespace GonPortal.Domain.Arrangements;

/// <summary>
/// What the hour-dependent checks of an arrangement need (arrangements.proto ChangeArrangementTerms,
/// ChangeArrangementEndDate, EndArrangement), gathered by the caller: per reporting provider, the
/// last service date of its hour entries on the arrangement that are not rejected (submitted or
/// approved, reversals included).
/// </summary>
public sealed record ReportedHours(IReadOnlyDictionary<Guid, DateOnly> LastDayByReporter)
{
    /// <summary>No entries (yet).</summary>
    public static ReportedHours None { get; } = new(new Dictionary<Guid, DateOnly>());

    /// <summary>The last day with a non-rejected entry by anyone; null when there is none.</summary>
    public DateOnly? LastDay => LastDayByReporter.Count == 0 ? null : LastDayByReporter.Values.Max();

    /// <summary>The last day with a non-rejected entry of <paramref name="provider"/>; null when there is none.</summary>
    public DateOnly? LastDayOf(Guid provider) => LastDayByReporter.TryGetValue(provider, out var day) ? day : null;
}
