namespace GonPortal.Domain.Arrangements;

/// <summary>States of the toegang workflow (arrangements.proto ArrangementState).</summary>
public enum ArrangementState
{
    Requested = 1,
    Decided = 2,
    AwaitingWijApproval = 3,
    RejectedByWij = 4,
    AdvisedToGemeente = 5,
    DecisionIssued = 6,
    Active = 7,
    Ended = 8,
    Cancelled = 9,
}

/// <summary>How the client entered support.</summary>
public enum EntryChannel
{
    /// <summary>Through a referral by WIJ.</summary>
    WijReferral = 1,

    /// <summary>Directly into basis support run by a maatschappelijk initiatief, without WIJ.</summary>
    DirectInitiative = 2,

    /// <summary>Carried over from the previous contract by the gemeente's conversion; no referral, started ACTIVE.</summary>
    Conversion = 3,
}

/// <summary>Basis (no beschikking) or aanvullend (needs WIJ's approval and a beschikking).</summary>
public enum SupportType
{
    Basis = 1,
    Aanvullend = 2,
}

/// <summary>Who executes a version: the hoofdaanbieder's own staff or an onderaannemer.</summary>
public enum ExecutorKind
{
    Hoofdaanbieder = 1,
    Onderaannemer = 2,
}

/// <summary>Why an arrangement ended (arrangements.proto ArrangementEndReason).</summary>
public enum ArrangementEndReason
{
    GoalsReached = 1,
    WorkPath = 2,
    ContinuedInInitiative = 3,
    PeriodExpired = 4,
    MovedAway = 5,
    OtherCare = 6,
    Replaced = 7,
    ClientStopped = 8,
    Deceased = 9,
    Other = 10,
}

/// <summary>The kind of change a transition records, one per changing RPC.</summary>
public enum ArrangementAction
{
    Create = 1,
    Decide = 2,
    WijApprove = 3,
    WijReject = 4,
    RecordBeschikking = 5,
    Start = 6,
    ChangeTerms = 7,
    ChangeEndDate = 8,
    End = 9,
    Cancel = 10,

    /// <summary>Conversion at the start of a period: created ACTIVE; the reason holds the old system's source reference.</summary>
    Convert = 11,
}

/// <summary>Role of whoever made a change.</summary>
public enum ActorRole
{
    Hoofdaanbieder = 1,
    Onderaannemer = 2,
    Gemeente = 3,
    Wij = 4,
}

/// <summary>Who makes a change: subject, display name, organisation (tenant) and role, all from the access token.</summary>
public sealed record Actor(string Subject, string? Name, Guid OrganisationId, ActorRole Role);
