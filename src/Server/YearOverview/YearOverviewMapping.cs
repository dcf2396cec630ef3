using GonPortal.Server.Budgets;
using GonPortal.Server.Grpc;
using GonPortal.Server.Settlements;
using V1 = GonPortal.Contracts.V1;

namespace GonPortal.Server.YearOverview;

/// <summary>
/// The year overview to the wire, through the mappings of the RPCs each figure comes from (BudgetMapping,
/// SettlementMapping), so a figure reads the same here as there.
/// </summary>
internal static class YearOverviewMapping
{
    public static V1.GetYearOverviewResponse ToProto(YearOverviewFacts facts)
    {
        var response = new V1.GetYearOverviewResponse { Year = facts.Year, ComputedAt = ProtoConvert.ToProto(facts.ComputedAt) };
        response.Areas.AddRange(facts.Areas.Select(a => ToProto(a, facts)));
        return response;
    }

    private static V1.AreaYearOverview ToProto(AreaYearFacts a, YearOverviewFacts facts)
    {
        var message = new V1.AreaYearOverview
        {
            AreaId = a.Area.Id,
            AreaName = a.Area.Name,
            LumpsumState = a.State switch
            {
                LumpsumState.Computed => V1.YearOverviewLumpsumState.Computed,
                LumpsumState.NoAreaContract => V1.YearOverviewLumpsumState.NoAreaContract,
                _ => V1.YearOverviewLumpsumState.InputMissing,
            },
            LumpsumMissingInput = a.MissingInput,
            AreaBudget = a.Lumpsum is null ? null : BudgetMapping.ToProto(a.Lumpsum),
            EndedMonths = facts.EndedMonths,
            PgbSettlement = a.Pgb is null ? null : SettlementMapping.ToPgb(a.Pgb, superseded: false),
            StatementsTotalCents = a.StatementsCents,
            StatementCount = a.StatementCount,
        };
        message.Holders.AddRange(a.Holders.Select(h => ToProto(h, a, facts)));
        message.AdvancesPaidCents = message.Holders.Sum(h => h.AdvancesPaidCents);
        message.AdvancesPlannedCents = message.Holders.Sum(h => h.AdvancesPlannedCents);
        return message;
    }

    private static V1.HolderYearOverview ToProto(HolderYearFacts h, AreaYearFacts area, YearOverviewFacts facts)
    {
        var id = h.Period.HoofdaanbiederId;
        var message = new V1.HolderYearOverview
        {
            HoofdaanbiederId = id.ToString(),
            HoofdaanbiederName = facts.HolderNames.GetValueOrDefault(id, ""),
            PgbShareCents = h.PgbShareCents,
            StatementsCents = h.StatementsCents,
            YearReport = h.Report is null ? null : BudgetMapping.ToProto(h.Report, facts.HolderNames),
        };
        if (h.Share is { } s)
        {
            message.Share = new V1.AreaHolderShare
            {
                HoofdaanbiederId = id.ToString(),
                HoofdaanbiederName = message.HoofdaanbiederName,
                HeldFrom = ProtoConvert.ToProto(s.From),
                HeldTo = ProtoConvert.ToProto(s.To),
                DaysHeld = s.Days,
                LumpsumShareCents = s.LumpsumShareCents,
            };
            message.Share.MonthlyAdvances.AddRange(s.Advances.Select(x => new V1.MonthlyAdvance { Month = x.Month, AmountCents = x.AmountCents }));
            message.AdvancesPaidCents = s.Advances.Where(x => x.Month <= facts.EndedMonths).Sum(x => x.AmountCents);
            message.AdvancesPlannedCents = s.LumpsumShareCents - message.AdvancesPaidCents;
        }
        if (h.Reconciliation is { } r)
        {
            message.Reconciliation = SettlementMapping.ToReconciliation(r, superseded: false, facts.HolderNames);
            foreach (var used in message.Reconciliation.StatementsUsed)
            {
                if (Guid.TryParse(used.SubcontractId, out var subcontract))
                {
                    used.OnderaannemerName = facts.OnderaannemerNamesBySubcontract.GetValueOrDefault(subcontract, "");
                }
            }
        }
        return message;
    }
}
