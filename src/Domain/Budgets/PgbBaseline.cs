using GonPortal.Domain.Validation;

namespace GonPortal.Domain.Budgets;

/// <summary>
/// P0(a): the number of clients with a GON-scope PGB on the reference date of an area contract
/// (settlement-rules.md §2). One per area contract.
/// </summary>
public sealed class PgbBaseline
{
    private PgbBaseline() { }

    public Guid AreaContractId { get; private set; }
    public int AreaId { get; private set; }
    public DateOnly ReferenceDate { get; private set; }
    public int ClientCount { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";

    public static PgbBaseline Create(Guid areaContractId, int areaId, DateOnly? referenceDate, int clientCount, string by, DateTimeOffset now)
    {
        Validate(referenceDate, clientCount);
        return new PgbBaseline
        {
            AreaContractId = areaContractId, AreaId = areaId, ReferenceDate = referenceDate!.Value,
            ClientCount = clientCount, UpdatedAt = now, UpdatedBy = by,
        };
    }

    /// <summary>Returns true when anything changed.</summary>
    public bool Change(DateOnly? referenceDate, int clientCount, string by, DateTimeOffset now)
    {
        Validate(referenceDate, clientCount);
        if (referenceDate == ReferenceDate && clientCount == ClientCount)
        {
            return false;
        }
        ReferenceDate = referenceDate!.Value;
        ClientCount = clientCount;
        UpdatedAt = now;
        UpdatedBy = by;
        return true;
    }

    private static void Validate(DateOnly? referenceDate, int clientCount)
    {
        var v = new Violations();
        Check(v, referenceDate, clientCount);
        v.ThrowIfAny();
    }

    /// <summary>Adds the violations of the fields to <paramref name="v"/>, so a request reports every bad field at once.</summary>
    public static void Check(Violations v, DateOnly? referenceDate, int clientCount)
    {
        v.Check(referenceDate is null, "reference_date", "must be a valid date");
        v.Check(clientCount < 0, "client_count", "must be 0 or more");
    }
}
