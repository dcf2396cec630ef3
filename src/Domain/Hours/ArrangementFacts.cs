using GonPortal.Domain.Reference;

namespace GonPortal.Domain.Hours;

/// <summary>
/// What hour validation needs to know about a support arrangement, gathered by the caller so the
/// rules stay free of data access and independent of the arrangement entity.
/// </summary>
/// <param name="HoofdaanbiederId">The tenant that holds the area and owns the arrangement.</param>
/// <param name="AreaId">The client's area 1-4.</param>
/// <param name="Started">ACTIVE or ENDED: only started arrangements can have delivered care.</param>
/// <param name="EndDate">Last day of care (inclusive); null means open-ended.</param>
/// <param name="Versions">Executor per effective-dated version; the first covers from the start date.</param>
public sealed record ArrangementFacts(
    Guid Id,
    Guid HoofdaanbiederId,
    Guid ClientId,
    int AreaId,
    Product Product,
    Unit Unit,
    DateOnly StartDate,
    DateOnly? EndDate,
    bool Started,
    IReadOnlyList<ExecutorVersionFacts> Versions)
{
    /// <summary>Active on <paramref name="date"/>: started, start &lt;= date and (no end or date &lt;= end).</summary>
    public bool IsActiveOn(DateOnly date) => Started && StartDate <= date && (EndDate is null || date <= EndDate);

    /// <summary>Whether <paramref name="providerId"/> executes any version (else the arrangement is foreign to it).</summary>
    public bool IsExecutedBy(Guid providerId) => Versions.Any(v => v.ExecutorProviderId == providerId);

    /// <summary>The version in force on <paramref name="date"/>; null before the start date or when there are no versions.</summary>
    public ExecutorVersionFacts? VersionOn(DateOnly date)
    {
        if (date < StartDate)
        {
            return null;
        }
        var ordered = Versions.OrderBy(v => v.EffectiveFrom).ToList();
        var inForce = ordered.LastOrDefault(v => v.EffectiveFrom <= date);
        return inForce ?? ordered.FirstOrDefault();
    }
}
