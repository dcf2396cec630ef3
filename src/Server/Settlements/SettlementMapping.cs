using GonPortal.Contracts.V1;
using GonPortal.Server.Grpc;
using GonPortal.Server.Settlements;
using DomainRun = GonPortal.Domain.Settlements.SettlementRun;
using ProtoRun = GonPortal.Contracts.V1.SettlementRun;

namespace GonPortal.Server.Settlements;

/// <summary>Runs and stored result revisions to the wire. A stored document lacks the revision-specific fields; they come from the row.</summary>
internal static class SettlementMapping
{
    public static ProtoRun ToProto(DomainRun r) => new()
    {
        Id = r.Id.ToString(),
        Kind = SettlementProto.ToProto(r.Kind),
        AreaId = r.AreaId,
        Year = r.Year,
        Month = r.Month,
        State = (SettlementRunState)(int)r.State,
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
    };

    public static SettlementRevision ToRevision(SettlementResult r, bool superseded) => new()
    {
        Kind = SettlementProto.ToProto(r.Kind),
        AreaId = r.AreaId,
        Year = r.Year,
        Month = r.Month,
        SubcontractId = r.SubcontractId == Guid.Empty ? "" : r.SubcontractId.ToString(),
        Revision = r.Revision,
        ResultId = r.Id.ToString(),
        SettlementRunId = r.SettlementRunId.ToString(),
        ComputedAt = ProtoConvert.ToProto(r.ComputedAt),
        AmountCents = r.AmountCents,
        Superseded = superseded,
    };

    public static SubcontractorStatement ToStatement(SettlementResult r, bool superseded, IReadOnlyDictionary<Guid, string> names)
    {
        var s = SubcontractorStatement.Parser.ParseJson(r.Document);
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
        var p = PgbSettlement.Parser.ParseJson(r.Document);
        p.Id = r.Id.ToString();
        p.Revision = r.Revision;
        p.Superseded = superseded;
        p.SettlementRunId = r.SettlementRunId.ToString();
        p.ComputedAt = ProtoConvert.ToProto(r.ComputedAt);
        return p;
    }

    public static Reconciliation ToReconciliation(SettlementResult r, bool superseded, IReadOnlyDictionary<Guid, string> names)
    {
        var c = Reconciliation.Parser.ParseJson(r.Document);
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
        AllocatedHours = SettlementProto.ToProto(SettlementProto.FromText(l.AllocatedHours)),
        DeliveredMinutes = l.DeliveredMinutes,
        DeliveredHours = SettlementProto.ToProto(new Domain.Reporting.Rational(l.DeliveredMinutes, 60)),
        UnmetHours = SettlementProto.ToProto(SettlementProto.FromText(l.UnmetHours)),
    };
}
