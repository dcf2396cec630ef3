using GonPortal.Domain.Validation;

namespace GonPortal.Domain.Budgets;

/// <summary>p(a, y, m): active GON-scope PGB clients of an area at the end of a month (settlement-rules.md §2).</summary>
public sealed class PgbMonthlyCount
{
    private PgbMonthlyCount() { }

    public int AreaId { get; private set; }
    public int Year { get; private set; }
    public int Month { get; private set; }
    public int ClientCount { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";

    public static PgbMonthlyCount Create(int areaId, int year, int month, int clientCount, string by, DateTimeOffset now)
    {
        Validate(clientCount);
        return new PgbMonthlyCount { AreaId = areaId, Year = year, Month = month, ClientCount = clientCount, UpdatedAt = now, UpdatedBy = by };
    }

    /// <summary>Returns true when the count changed.</summary>
    public bool Change(int clientCount, string by, DateTimeOffset now)
    {
        Validate(clientCount);
        if (clientCount == ClientCount)
        {
            return false;
        }
        ClientCount = clientCount;
        UpdatedAt = now;
        UpdatedBy = by;
        return true;
    }

    private static void Validate(int clientCount)
    {
        var v = new Violations();
        v.Check(clientCount < 0, "client_count", "must be 0 or more");
        v.ThrowIfAny();
    }
}
