using GonPortal.Contracts.V1;

namespace GonPortal.Portal.ServerApi;

/// <summary>One line of a client's access report: who (person or system, organisation, role), when, what and why.</summary>
public sealed record ClientAccessView(
    string Id,
    DateTimeOffset? OccurredAt,
    string ActorName,
    string ActorSubject,
    string Organisation,
    Role ActorRole,
    string Method,
    string Resource,
    string Access,
    string Purpose);
