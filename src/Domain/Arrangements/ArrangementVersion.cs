using GonPortal.Domain.Reference;
using GonPortal.Domain.Reporting;

namespace GonPortal.Domain.Arrangements;

/// <summary>
/// One effective-dated version of an arrangement's terms. It applies from <see cref="EffectiveFrom"/>
/// until the day before the next version (the last one runs to the arrangement's end date).
/// Versions are appended, never changed, once the arrangement is DECISION_ISSUED or ACTIVE.
/// </summary>
public sealed class ArrangementVersion
{
    private ArrangementVersion() { }

    public Guid Id { get; private set; }

    /// <summary>1 for the decided terms, then 2, 3, ...</summary>
    public int Number { get; private set; }

    public DateOnly EffectiveFrom { get; private set; }

    /// <summary>In <see cref="Unit"/>: minutes for hours, a count for dagdeel and etmaal.</summary>
    public int Volume { get; private set; }

    /// <summary>The arrangement's unit (it never changes between versions).</summary>
    public Unit Unit { get; private set; }

    public VolumeFrequency Frequency { get; private set; }
    public ExecutorKind ExecutorKind { get; private set; }

    /// <summary>The consented subcontract when an onderaannemer executes; null for own staff.</summary>
    public Guid? SubcontractId { get; private set; }

    /// <summary>The hoofdaanbieder itself, or the subcontract's onderaannemer.</summary>
    public Guid ExecutorProviderId { get; private set; }

    /// <summary>Delivered through a maatschappelijk initiatief (basis only).</summary>
    public bool ViaInitiative { get; private set; }

    public string? InitiativeName { get; private set; }

    /// <summary>Why the terms changed; null for version 1.</summary>
    public string? Note { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";

    internal static ArrangementVersion Create(int number, DateOnly from, Unit unit, ValidTerms terms, string? note, string by, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        Number = number,
        EffectiveFrom = from,
        Volume = terms.Volume,
        Unit = unit,
        Frequency = terms.Frequency,
        ExecutorKind = terms.ExecutorKind,
        SubcontractId = terms.SubcontractId,
        ExecutorProviderId = terms.ExecutorProviderId,
        ViaInitiative = terms.ViaInitiative,
        InitiativeName = terms.InitiativeName,
        Note = note,
        CreatedAt = now,
        CreatedBy = by,
    };

    /// <summary>Version 1 moves with the actual start date.</summary>
    internal void MoveStart(DateOnly from) => EffectiveFrom = from;
}

/// <summary>A beschikking recorded by the gemeente (aanvullend only). The last one recorded is in force.</summary>
public sealed class Beschikking
{
    private Beschikking() { }

    public Guid Id { get; private set; }
    public string Number { get; private set; } = "";
    public DateOnly DecisionDate { get; private set; }
    public DateOnly ValidFrom { get; private set; }

    /// <summary>Last day covered (inclusive); null means open-ended (onbepaalde tijd).</summary>
    public DateOnly? ValidTo { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
    public string RecordedBy { get; private set; } = "";

    internal static Beschikking Create(string number, DateOnly decisionDate, DateOnly validFrom, DateOnly? validTo, string by, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        Number = number,
        DecisionDate = decisionDate,
        ValidFrom = validFrom,
        ValidTo = validTo,
        RecordedAt = now,
        RecordedBy = by,
    };

    internal bool SameContent(DateOnly decisionDate, DateOnly validFrom, DateOnly? validTo) =>
        DecisionDate == decisionDate && ValidFrom == validFrom && ValidTo == validTo;
}
