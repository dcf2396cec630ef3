using GonPortal.Contracts.V1;

namespace GonPortal.Portal.ServerApi;

/// <summary>A share against its target (basis share or initiative share).</summary>
public sealed record ShareView(int Numerator, int Denominator, int ShareBp, int TargetBp, TargetStatus Status);

/// <summary>The two shares of an area on a date.</summary>
public sealed record AreaSharesView(int AreaId, DateOnly? Date, int Year, ShareView Basis, ShareView Initiative, bool IsYearEnd);

/// <summary>Allocated versus delivered volume for one product and unit in a month.</summary>
public sealed record ProductVolumeView(
    Product Product,
    Unit Unit,
    int ArrangementCount,
    decimal Allocated,
    long Approved,
    long Submitted,
    decimal Shortfall,
    int DeliveredShareBp);

/// <summary>Allocated versus delivered volume per executing provider in a month.</summary>
public sealed record ProviderVolumeView(
    string Provider,
    ExecutorKind ExecutorKind,
    Product Product,
    Unit Unit,
    int ArrangementCount,
    decimal Allocated,
    long Approved,
    int DeliveredShareBp);

/// <summary>A recorded cross-tenant access.</summary>
public sealed record AuditEntryView(
    string Id,
    DateTimeOffset? OccurredAt,
    string Actor,
    Role ActorRole,
    string Method,
    string Resource,
    string Access,
    string Purpose,
    string ClientId = "");
