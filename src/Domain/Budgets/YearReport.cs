using GonPortal.Domain.Common;
using GonPortal.Domain.Validation;

namespace GonPortal.Domain.Budgets;

/// <summary>
/// Jaarverantwoording: the hoofdaanbieder's year report of its own delivery costs O for one area
/// (settlement-rules.md §4). Owned by that hoofdaanbieder; it may replace the report until the
/// gemeente locks the year, after which the figure is what the reconciliation uses. An area that
/// changes hands in a year has a report of each holder, each over its own holding period (§7).
/// </summary>
public sealed class YearReport : ITenantOwned
{
    /// <summary>Free text limit of the explanation.</summary>
    public const int MaxNoteLength = 4000;

    private YearReport() { }

    public int AreaId { get; private set; }
    public int Year { get; private set; }

    /// <summary>The hoofdaanbieder holding the area in the year.</summary>
    public Guid TenantId { get; private set; }

    public long OwnDeliveryCostsCents { get; private set; }
    public string Note { get; private set; } = "";
    public DateTimeOffset SubmittedAt { get; private set; }
    public string SubmittedBy { get; private set; } = "";
    public DateTimeOffset? LockedAt { get; private set; }
    public string? LockedBy { get; private set; }

    public bool IsLocked => LockedAt is not null;

    public static YearReport Submit(int areaId, int year, Guid hoofdaanbiederId, long ownCostsCents, string? note, string by, DateTimeOffset now)
    {
        var report = new YearReport { AreaId = areaId, Year = year, TenantId = hoofdaanbiederId };
        report.Replace(ownCostsCents, note, by, now);
        return report;
    }

    /// <summary>Replaces the figure and note; refused once locked.</summary>
    public void Replace(long ownCostsCents, string? note, string by, DateTimeOffset now)
    {
        if (IsLocked)
        {
            throw new InvalidStateException($"The year report of area {AreaId} for {Year} is locked by the gemeente and can no longer be changed.",
                ErrorReasons.YearReportLocked, new Dictionary<string, string> { ["area_id"] = $"{AreaId}", ["year"] = $"{Year}" });
        }
        var text = note?.Trim() ?? "";
        var v = new Violations();
        Check(v, ownCostsCents, note);
        v.ThrowIfAny();
        OwnDeliveryCostsCents = ownCostsCents;
        Note = text;
        SubmittedAt = now;
        SubmittedBy = by;
    }

    /// <summary>Adds the violations of the fields to <paramref name="v"/>, so a request reports every bad field at once.</summary>
    public static void Check(Violations v, long ownCostsCents, string? note)
    {
        v.Check(ownCostsCents < 0, "own_delivery_costs_cents", "must be 0 or more (euro cents)");
        v.Check(ownCostsCents > BudgetLimits.MaxLumpsumCents, "own_delivery_costs_cents", "is implausibly large");
        v.Check((note?.Trim().Length ?? 0) > MaxNoteLength, "note", $"must be at most {MaxNoteLength} characters");
    }

    /// <summary>True when submitting these values again would change nothing.</summary>
    public bool Holds(long ownCostsCents, string? note) => OwnDeliveryCostsCents == ownCostsCents && Note == (note?.Trim() ?? "");

    /// <summary>Locks the report; locking a locked report changes nothing. Returns true when it was locked now.</summary>
    public bool Lock(string by, DateTimeOffset now)
    {
        if (IsLocked)
        {
            return false;
        }
        LockedAt = now;
        LockedBy = by;
        return true;
    }
}
