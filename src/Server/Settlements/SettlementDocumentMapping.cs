using GonPortal.Domain.Reporting;
using GonPortal.Domain.Settlements;
using GonPortal.Server.Budgets;
using GonPortal.Server.Grpc;
using V1 = GonPortal.Contracts.V1;

namespace GonPortal.Server.Settlements;

/// <summary>
/// A stored result document to its wire message, without the revision-specific fields. Rows stored
/// before the explanation existed hold the message itself as protobuf JSON and are parsed as such;
/// all others hold an <see cref="ExplanationJson"/> document, mapped here field by field into the
/// message those rows would have held.
/// </summary>
internal static class SettlementDocumentMapping
{
    public static V1.SubcontractorStatement Statement(SettlementResult row)
    {
        if (row.DocumentFormat == SettlementDocumentFormat.ProtoJson)
        {
            return V1.SubcontractorStatement.Parser.ParseJson(row.Document);
        }
        var e = ExplanationJson.Deserialize<StatementExplanation>(row.Document);
        var s = e.Statement;
        var message = new V1.SubcontractorStatement
        {
            SubcontractId = s.SubcontractId.ToString(),
            HoofdaanbiederId = e.HoofdaanbiederId.ToString(),
            OnderaannemerId = e.OnderaannemerId.ToString(),
            Year = s.Year,
            Month = s.Month,
            TotalCents = s.TotalCents,
            RulesVersion = s.RulesVersion,
        };
        message.Lines.AddRange(s.Lines.Select(l => new V1.StatementLine
        {
            AreaId = l.AreaId,
            Product = ProtoConvert.ToProto(l.Product),
            Unit = ProtoConvert.ToProto(l.Unit),
            RateCents = l.RateCents,
            Quantity = l.Quantity,
            AmountCents = l.AmountCents,
            EntryCount = l.EntryCount,
        }));
        return message;
    }

    public static V1.PgbSettlement Pgb(SettlementResult row)
    {
        if (row.DocumentFormat == SettlementDocumentFormat.ProtoJson)
        {
            return V1.PgbSettlement.Parser.ParseJson(row.Document);
        }
        var e = ExplanationJson.Deserialize<PgbExplanation>(row.Document);
        var s = e.Settlement;
        var message = new V1.PgbSettlement
        {
            Kind = SettlementMapping.ToProto(row.Kind),
            AreaId = s.AreaId,
            Year = s.Year,
            RulesVersion = s.RulesVersion,
            Parameters = BudgetMapping.ToProto(e.Parameters),
            AreaContractId = e.AreaContractId.ToString(),
            BaselineClientCount = s.BaselineCount,
            BaselineReferenceDate = ProtoConvert.ToProto(e.BaselineReferenceDate),
            MonthsUsed = s.MonthsUsed,
            MonthlyCountSum = s.CountSum,
            AverageClientCount = SettlementMapping.ToProto(s.AverageCount),
            Difference = SettlementMapping.ToProto(s.Difference),
            PgbDeadBandBp = e.Parameters.PgbDeadBandBp,
            DeadBandClients = SettlementMapping.ToProto(s.DeadBandWidth),
            DifferenceAfterDeadBand = SettlementMapping.ToProto(s.EffectiveDifference),
            AverageCostCents = s.AverageCostCents,
            PgbCompensationShareBp = e.Parameters.PgbCompensationShareBp,
            PgbAmountCents = s.SettlementCents,
        };
        message.MonthlyCounts.AddRange(e.MonthlyCounts.Select(c => new V1.PgbMonthlyCount
        {
            AreaId = s.AreaId,
            Year = s.Year,
            Month = c.Month,
            ClientCount = c.ClientCount,
            UpdatedAt = ProtoConvert.ToProto(c.UpdatedAt),
            UpdatedBy = c.UpdatedBy,
        }));
        return message;
    }

    public static V1.Reconciliation Reconciliation(SettlementResult row)
    {
        if (row.DocumentFormat == SettlementDocumentFormat.ProtoJson)
        {
            return V1.Reconciliation.Parser.ParseJson(row.Document);
        }
        var e = ExplanationJson.Deserialize<ReconciliationExplanation>(row.Document);
        var r = e.Reconciliation;
        var basis = r.Targets.Single(t => t.Target == SettlementTarget.BasisShare);
        var initiative = r.Targets.Single(t => t.Target == SettlementTarget.InitiativeShare);
        var message = new V1.Reconciliation
        {
            AreaId = r.AreaId,
            Year = r.Year,
            HoofdaanbiederId = r.HoofdaanbiederId.ToString(),
            RulesVersion = r.RulesVersion,
            Parameters = BudgetMapping.ToProto(e.Parameters),
            Lumpsum = Lumpsum(r.Lumpsum, e),
            TotalLumpsumCents = r.LumpsumTotalCents,
            PgbSettlementId = e.PgbSettlementId.ToString(),
            PgbSettlementRevision = e.PgbSettlementRevision,
            PgbAmountCents = r.PgbCents,
            RevenueCents = r.RevenueCents,
            SubcontractorCostsCents = r.SubcontractorCostsCents,
            OwnDeliveryCostsCents = r.OwnCostsCents,
            YearReportLocked = e.YearReportLocked,
            YearReportSubmittedAt = ProtoConvert.ToProto(e.YearReportSubmittedAt),
            CostsCents = r.CostsCents,
            ResultCents = r.ResultCents,
            ProfitCapBp = e.Parameters.ProfitCapBp,
            ProfitCapCents = r.ProfitCapCents,
            HourArrangementCount = r.ShortageLines.Count,
            AllocatedHours = SettlementMapping.ToProto(Rational.Sum(r.ShortageLines.Select(l => l.AllocatedHours))),
            DeliveredHours = SettlementMapping.ToProto(Rational.Sum(r.ShortageLines.Select(l => l.DeliveredHours))),
            UnmetHours = SettlementMapping.ToProto(r.UnmetHours),
            ReferenceHourlyRateCents = r.ReferenceRateCentsPerHour,
            StaffShortageCents = r.ShortageCents,
            StaffShortageReclaimCents = r.ReclaimedShortageCents,
            ExcessProfitCents = r.ExcessProfitCents,
            TargetDate = ProtoConvert.ToProto(e.TargetDate),
            BasisShare = SettlementMapping.ToProto(basis.Assessment),
            InitiativeShare = SettlementMapping.ToProto(initiative.Assessment),
            SanctionBp = e.Parameters.SanctionBp,
            BasisShareSanctionCents = basis.SanctionCents,
            InitiativeShareSanctionCents = initiative.SanctionCents,
            SanctionsCents = r.SanctionsCents,
            RepaymentCents = r.PayBackCents,
        };
        if (r.Holder is { } h)
        {
            message.HolderShare = new V1.AreaHolderShare
            {
                HoofdaanbiederId = h.HoofdaanbiederId.ToString(),
                HeldFrom = ProtoConvert.ToProto(h.From),
                HeldTo = ProtoConvert.ToProto(h.To),
                DaysHeld = h.Days,
                LumpsumShareCents = h.LumpsumShareCents,
            };
            message.HolderShare.MonthlyAdvances.AddRange(h.Advances.Select(a => new V1.MonthlyAdvance { Month = a.Month, AmountCents = a.AmountCents }));
            message.AreaPgbAmountCents = r.Pgb.SettlementCents;
        }
        message.StatementsUsed.AddRange(e.StatementsUsed.Select(s => new V1.StatementUse
        {
            SubcontractorStatementId = s.ResultId.ToString(),
            SubcontractId = s.SubcontractId.ToString(),
            Month = s.Month,
            Revision = s.Revision,
            AreaAmountCents = s.AreaAmountCents,
        }));
        return message;
    }

    private static V1.LumpsumCalculation Lumpsum(LumpsumResult l, ReconciliationExplanation e)
    {
        var message = new V1.LumpsumCalculation
        {
            AreaId = l.AreaId,
            Year = l.Year,
            AreaContractId = e.AreaContractId.ToString(),
            BaseYear = l.BaseYear,
            BaseLumpsumCents = l.BaseLumpsumCents,
            LumpsumCents = l.LumpsumCents,
            AdjustmentsTotalCents = l.AdjustmentsTotalCents,
            TotalLumpsumCents = l.TotalCents,
        };
        message.Chain.AddRange(l.Chain.Select(step => new V1.IndexedLumpsum
        {
            Year = step.Year,
            IndexBp = (int)(step.Index * 10_000m),
            IndexKind = step.IndexIsDefinitive ? V1.IndexKind.Definitive : V1.IndexKind.Prognosis,
            LumpsumCents = step.LumpsumCents,
        }));
        message.AdjustmentIds.AddRange(e.AdjustmentIds.Select(id => id.ToString()));
        return message;
    }
}
