using System.Globalization;
using GonPortal.Contracts.V1;
using GonPortal.Server.Grpc;
using DomainKind = GonPortal.Domain.Settlements.SettlementKind;
using DomainRational = GonPortal.Domain.Reporting.Rational;
using DomainRun = GonPortal.Domain.Settlements.SettlementRun;
using DomainTarget = GonPortal.Domain.Reporting.TargetAssessment;
using DomainTargetStatus = GonPortal.Domain.Reporting.TargetStatus;
using ProtoRun = GonPortal.Contracts.V1.SettlementRun;

namespace GonPortal.Server.Settlements;

/// <summary>
/// Runs, stored result revisions and their figures to the wire. A stored document lacks the
/// revision-specific fields; they come from the row. The result messages are made by
/// <see cref="SettlementDocumentMapping"/>.
/// </summary>
internal static class SettlementMapping
{
    /// <summary>A month of <see cref="Domain.Settlements.StatementCompleteness"/>, its subcontracts named by their onderaannemer.</summary>
    public static StatementMonth ToProto(Domain.Settlements.StatementMonthStatus m, IReadOnlyDictionary<Guid, string> onderaannemerNames) => new()
    {
        Month = m.Month,
        State = (StatementMonthState)(int)m.State,
        Subcontracts =
        {
            m.SubcontractsInForce.Select(id => new StatementMonthSubcontract
            {
                SubcontractId = id.ToString(), OnderaannemerName = onderaannemerNames.GetValueOrDefault(id, ""),
            }),
        },
        RunStartedAt = ProtoConvert.ToProto(m.RunStartedAt),
    };

    public static SettlementRunKind ToProto(DomainKind kind) => (SettlementRunKind)(int)kind;

    public static DomainKind? ToDomain(SettlementRunKind kind) =>
        kind is >= SettlementRunKind.SubcontractorStatements and <= SettlementRunKind.Reconciliation ? (DomainKind)(int)kind : null;

    /// <summary>A run as its caller should see it at <paramref name="now"/>: running with a silent worker is STALLED (<see cref="Domain.Settlements.SettlementRunHeartbeat"/>).</summary>
    public static ProtoRun ToProto(DomainRun r, DateTimeOffset now, TimeSpan lease, TimeSpan heartbeat) => new()
    {
        Id = r.Id.ToString(),
        Kind = ToProto(r.Kind),
        AreaId = r.AreaId,
        Year = r.Year,
        Month = r.Month,
        State = Domain.Settlements.SettlementRunHeartbeat.IsStalled(r, now, lease, heartbeat) ? SettlementRunState.Stalled : (SettlementRunState)(int)r.State,
        Trigger = (SettlementRunTrigger)(int)r.Trigger,
        RequestedBy = r.RequestedBy,
        CreatedAt = ProtoConvert.ToProto(r.CreatedAt),
        StartedAt = ProtoConvert.ToProto(r.StartedAt),
        FinishedAt = ProtoConvert.ToProto(r.FinishedAt),
        ProgressPercent = r.ProgressPercent,
        ProgressStage = r.ProgressStage,
        ItemsDone = r.ItemsDone,
        ItemsTotal = r.ItemsTotal,
        RulesVersion = r.RulesVersion,
        NewRevisionCount = r.NewRevisionCount,
        UnchangedCount = r.UnchangedCount,
        Revision = r.Revision,
        ErrorCode = r.ErrorCode,
        ErrorMessage = r.ErrorMessage,
        HeartbeatAt = ProtoConvert.ToProto(Domain.Settlements.SettlementRunHeartbeat.LastBeat(r, lease)),
    };

    public static SettlementRevision ToRevision(SettlementResult r, bool superseded) => new()
    {
        Kind = ToProto(r.Kind),
        AreaId = r.AreaId,
        Year = r.Year,
        Month = r.Month,
        // A reconciliation keys a holder of part of the year by its id there (§7); that is no subcontract.
        SubcontractId = r.SubcontractId == Guid.Empty || r.Kind != DomainKind.SubcontractorStatements ? "" : r.SubcontractId.ToString(),
        Revision = r.Revision,
        ResultId = r.Id.ToString(),
        SettlementRunId = r.SettlementRunId.ToString(),
        ComputedAt = ProtoConvert.ToProto(r.ComputedAt),
        AmountCents = r.AmountCents,
        Superseded = superseded,
    };

    public static SubcontractorStatement ToStatement(SettlementResult r, bool superseded, IReadOnlyDictionary<Guid, string> names)
    {
        var s = SettlementDocumentMapping.Statement(r);
        s.Id = r.Id.ToString();
        s.Revision = r.Revision;
        s.Superseded = superseded;
        s.SettlementRunId = r.SettlementRunId.ToString();
        s.ComputedAt = ProtoConvert.ToProto(r.ComputedAt);
        s.HoofdaanbiederName = names.GetValueOrDefault(r.TenantId, "");
        s.OnderaannemerName = r.OnderaannemerId is { } oa ? names.GetValueOrDefault(oa, "") : "";
        return s;
    }

    public static PgbSettlement ToPgb(SettlementResult r, bool superseded)
    {
        var p = SettlementDocumentMapping.Pgb(r);
        p.Id = r.Id.ToString();
        p.Revision = r.Revision;
        p.Superseded = superseded;
        p.SettlementRunId = r.SettlementRunId.ToString();
        p.ComputedAt = ProtoConvert.ToProto(r.ComputedAt);
        return p;
    }

    public static Reconciliation ToReconciliation(SettlementResult r, bool superseded, IReadOnlyDictionary<Guid, string> names)
    {
        var c = SettlementDocumentMapping.Reconciliation(r);
        c.Id = r.Id.ToString();
        c.Revision = r.Revision;
        c.Superseded = superseded;
        c.SettlementRunId = r.SettlementRunId.ToString();
        c.ComputedAt = ProtoConvert.ToProto(r.ComputedAt);
        c.HoofdaanbiederName = names.GetValueOrDefault(r.TenantId, "");
        return c;
    }

    public static StaffShortageLine ToProto(SettlementShortageLine l) => new()
    {
        ArrangementId = l.ArrangementId.ToString(),
        ClientId = l.ClientId.ToString(),
        Product = ProtoConvert.ToProto(l.Product),
        AllocatedHours = ToProto(RationalText.Parse(l.AllocatedHours)),
        DeliveredMinutes = l.DeliveredMinutes,
        DeliveredHours = ToProto(new DomainRational(l.DeliveredMinutes, 60)),
        UnmetHours = ToProto(RationalText.Parse(l.UnmetHours)),
    };

    public static Rational ToProto(DomainRational r) => new()
    {
        Numerator = r.Numerator.ToString(CultureInfo.InvariantCulture),
        Denominator = r.Denominator.ToString(CultureInfo.InvariantCulture),
        Rounded = r.ToRoundedString(4),
    };

    public static TargetAssessment ToProto(DomainTarget t) => new()
    {
        Numerator = t.Numerator,
        Denominator = t.Denominator,
        ShareBp = t.ShareBp,
        TargetBp = t.TargetBp,
        Status = t.Status switch
        {
            DomainTargetStatus.Met => TargetStatus.Met,
            DomainTargetStatus.Missed => TargetStatus.Missed,
            _ => TargetStatus.NotAssessed,
        },
    };
}
