using GonPortal.Domain.Arrangements;
using GonPortal.Domain.Hours;
using GonPortal.Domain.Referrals;
using GonPortal.Domain.Subcontracts;
using GonPortal.HostContracts;
using GonPortal.Server.Data;
using GonPortal.Server.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.WorkQueue;

/// <summary>The kinds of waiting work ("Te doen"); the order within a role is the order shown.</summary>
public enum WorkKind
{
    ReferralsToHandle,
    ArrangementsToDecide,
    ArrangementsToStart,
    HoursToReview,
    SubcontractsAwaitingConsent,
    WijApprovalsDue,
    BeschikkingenToRecord,
}

/// <summary>
/// Counts the caller's waiting work with the same tenant rules as the lists the work is done on:
/// each party condition below is the one that list loads with, and the gemeente counts across
/// tenants through <see cref="CrossTenantAccess"/> (one audited read per call, like its lists).
/// </summary>
public sealed class WorkQueueQuery(GonDbContext db, TenantContext tenant, CrossTenantAccess crossTenant)
{
    public async Task<IReadOnlyList<(WorkKind Kind, int Count)>> CountAsync(CancellationToken ct)
    {
        var me = tenant.TenantId;
        switch (tenant.Role)
        {
            case GonRoles.Hoofdaanbieder:
                return
                [
                    (WorkKind.ReferralsToHandle, await db.Referrals.CountAsync(r => r.HoofdaanbiederId == me && r.State == ReferralState.Referred, ct)),
                    (WorkKind.ArrangementsToDecide, await db.Arrangements.CountAsync(a => a.TenantId == me && a.State == ArrangementState.Requested, ct)),
                    (WorkKind.ArrangementsToStart, await db.Arrangements.CountAsync(
                        a => a.TenantId == me && (a.State == ArrangementState.Decided || a.State == ArrangementState.DecisionIssued), ct)),
                    (WorkKind.HoursToReview, await db.HourEntries.CountAsync(e => e.TenantId == me && e.Status == HourEntryStatus.Submitted, ct)),
                    (WorkKind.SubcontractsAwaitingConsent, await db.Subcontracts.CountAsync(s => s.TenantId == me && s.State == SubcontractState.Proposed, ct)),
                ];
            case GonRoles.Wij:
                return
                [
                    (WorkKind.WijApprovalsDue, await db.Arrangements.CountAsync(a => a.WijOrganisationId == me && a.State == ArrangementState.AwaitingWijApproval, ct)),
                ];
            case GonRoles.Gemeente:
                var arrangements = await crossTenant.ReadAsync<Arrangement>("Work queue: counts of arrangements and subcontracts", ct);
                return
                [
                    (WorkKind.BeschikkingenToRecord, await arrangements.CountAsync(a => a.State == ArrangementState.AdvisedToGemeente, ct)),
                    (WorkKind.SubcontractsAwaitingConsent, await crossTenant.AlongsideRead<Subcontract>().CountAsync(s => s.State == SubcontractState.Proposed, ct)),
                ];
            default:
                return [];
        }
    }
}
