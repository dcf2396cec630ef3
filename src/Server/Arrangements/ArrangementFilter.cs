using GonPortal.Domain.Reference;
using DomainState = GonPortal.Domain.Arrangements.ArrangementState;
using DomainSupportType = GonPortal.Domain.Arrangements.SupportType;

namespace GonPortal.Server.Arrangements;

/// <summary>ListArrangements' filters after validation; null (or area 0) means "any".</summary>
public sealed record ArrangementFilter(
    DomainState? State,
    int AreaId,
    Guid? ClientId,
    Guid? ReferralId,
    DomainSupportType? SupportType,
    Product? Product,
    Guid? ExecutorProviderId,
    Guid? SubcontractId,
    DateOnly? ActiveOn);
