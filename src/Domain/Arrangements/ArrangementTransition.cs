using GonPortal.Domain.Common;

namespace GonPortal.Domain.Arrangements;

/// <summary>
/// One recorded change of an arrangement: who, when, from which state to which, and why.
/// Append-only; owned by the arrangement's tenant (the hoofdaanbieder) whoever made the change.
/// </summary>
public sealed class ArrangementTransition : ITenantOwned
{
    private ArrangementTransition() { }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid ArrangementId { get; private set; }

    /// <summary>1 for the creation, then 2, 3, ...</summary>
    public int Sequence { get; private set; }

    public ArrangementAction Action { get; private set; }

    /// <summary>Null for the creation.</summary>
    public ArrangementState? FromState { get; private set; }

    public ArrangementState ToState { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public string ActorSubject { get; private set; } = "";
    public string? ActorName { get; private set; }
    public Guid ActorOrganisationId { get; private set; }
    public ActorRole ActorRole { get; private set; }
    public string? Reason { get; private set; }

    /// <summary>Decide only: the decision as made.</summary>
    public DecisionSnapshot? Decision { get; private set; }

    /// <summary>ChangeTerms only: the number of the new version.</summary>
    public int? VersionNumber { get; private set; }

    /// <summary>RecordBeschikking only: the number of the recorded beschikking.</summary>
    public string? BeschikkingNumber { get; private set; }

    /// <summary>Start and End: the actual date; ChangeEndDate: the new end date (null = open-ended).</summary>
    public DateOnly? Date { get; private set; }

    public ArrangementEndReason? EndReason { get; private set; }

    internal static ArrangementTransition Create(Arrangement a, int sequence, ArrangementAction action, ArrangementState? from, Actor actor,
        DateTimeOffset now, string? reason) => new()
        {
            Id = Guid.NewGuid(),
            TenantId = a.TenantId,
            ArrangementId = a.Id,
            Sequence = sequence,
            Action = action,
            FromState = from,
            ToState = a.State,
            OccurredAt = now,
            ActorSubject = actor.Subject,
            ActorName = actor.Name,
            ActorOrganisationId = actor.OrganisationId,
            ActorRole = actor.Role,
            Reason = reason,
        };

    internal ArrangementTransition With(DecisionSnapshot? decision = null, int? version = null, string? beschikking = null,
        DateOnly? date = null, ArrangementEndReason? endReason = null)
    {
        Decision = decision;
        VersionNumber = version;
        BeschikkingNumber = beschikking;
        Date = date;
        EndReason = endReason;
        return this;
    }
}
