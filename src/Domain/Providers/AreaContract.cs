using GonPortal.Domain.Common;
using GonPortal.Domain.Reference;
using GonPortal.Domain.Validation;

namespace GonPortal.Domain.Providers;

/// <summary>
/// Gebiedscontract: the hoofdaanbieder responsible for one area during a contract period.
/// Policy: one hoofdaanbieder per area per period, and a hoofdaanbieder holds at most two areas.
/// An area changes hands on the first of a month (settlement-rules.md §7), so a period starts on the
/// first day of a month; a period starting inside a year is settled per holder by days held.
/// </summary>
public sealed class AreaContract
{
    /// <summary>Tender rule (aanbesteding): one hoofdaanbieder may hold at most two areas.</summary>
    public const int MaxAreasPerHoofdaanbieder = 2;

    private AreaContract() { }

    public Guid Id { get; private set; }
    public int AreaId { get; private set; }
    public Guid HoofdaanbiederId { get; private set; }
    public DateOnly PeriodStart { get; private set; }
    public DateOnly PeriodEnd { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public DateRange Period => new(PeriodStart, PeriodEnd);

    /// <summary>
    /// Validates a new contract against the provider and the contracts already recorded
    /// (<paramref name="existing"/> should hold at least every contract of the same area and of the same hoofdaanbieder).
    /// </summary>
    public static AreaContract Create(Guid id, int areaId, Provider? hoofdaanbieder, DateOnly? start, DateOnly? end,
        IReadOnlyCollection<AreaContract> existing, DateTimeOffset now)
    {
        var v = new Violations();
        AreaIdRules.Required(v, areaId);
        if (hoofdaanbieder is null)
        {
            v.Add("hoofdaanbieder_id", "must be the id of a registered provider");
        }
        else
        {
            v.Check(hoofdaanbieder.Kind != ProviderKind.Hoofdaanbieder, "hoofdaanbieder_id", "must be a provider registered as hoofdaanbieder");
        }
        v.Check(start is null, "period_start", "is required and must be a valid date");
        v.Check(end is null, "period_end", "is required and must be a valid date");
        v.Check(start is { Day: not 1 }, "period_start", "must be the first day of a month: an area changes hands on the first of a month");
        if (start is not null && end is not null && end < start)
        {
            v.Add("period_end", "must not be before period_start");
        }
        v.ThrowIfAny();

        var period = new DateRange(start!.Value, end!.Value);
        if (existing.Any(c => c.AreaId == areaId && c.Period.Overlaps(period)))
        {
            v.Add("period_start", "another contract of this area overlaps this period: an area has one hoofdaanbieder per period");
        }
        var otherAreas = existing.Where(c => c.HoofdaanbiederId == hoofdaanbieder!.Id && c.AreaId != areaId && c.Period.Overlaps(period))
            .Select(c => c.AreaId).Distinct().Count();
        if (otherAreas >= MaxAreasPerHoofdaanbieder)
        {
            v.Add("hoofdaanbieder_id", $"already holds {MaxAreasPerHoofdaanbieder} areas in this period; a hoofdaanbieder may hold at most {MaxAreasPerHoofdaanbieder}");
        }
        v.ThrowIfAny();

        return new AreaContract
        {
            Id = id,
            AreaId = areaId,
            HoofdaanbiederId = hoofdaanbieder!.Id,
            PeriodStart = period.Start,
            PeriodEnd = end.Value,
            CreatedAt = now,
        };
    }
}
