using GonPortal.Server.Budgets;
using GonPortal.Server.Grpc;
using GonPortal.Server.Settlements;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using D = GonPortal.Domain.Budgets;
using V1 = GonPortal.Contracts.V1;

namespace GonPortal.Server.Budgets;

/// <summary>Budget figures between domain and wire.</summary>
public static class BudgetMapping
{
    public static D.IndexKind? ToDomain(V1.IndexKind k) => k switch
    {
        V1.IndexKind.Prognosis => D.IndexKind.Prognosis,
        V1.IndexKind.Definitive => D.IndexKind.Definitive,
        _ => null,
    };

    public static V1.IndexKind ToProto(D.IndexKind k) => k == D.IndexKind.Definitive ? V1.IndexKind.Definitive : V1.IndexKind.Prognosis;

    public static D.BudgetAdjustmentReason? ToDomain(V1.BudgetAdjustmentReason r) => r switch
    {
        V1.BudgetAdjustmentReason.Ageing => D.BudgetAdjustmentReason.Ageing,
        V1.BudgetAdjustmentReason.PgbZinShift => D.BudgetAdjustmentReason.PgbZinShift,
        V1.BudgetAdjustmentReason.PolicyChange => D.BudgetAdjustmentReason.PolicyChange,
        V1.BudgetAdjustmentReason.Other => D.BudgetAdjustmentReason.Other,
        _ => null,
    };

    public static V1.BudgetAdjustmentReason ToProto(D.BudgetAdjustmentReason r) => r switch
    {
        D.BudgetAdjustmentReason.Ageing => V1.BudgetAdjustmentReason.Ageing,
        D.BudgetAdjustmentReason.PgbZinShift => V1.BudgetAdjustmentReason.PgbZinShift,
        D.BudgetAdjustmentReason.PolicyChange => V1.BudgetAdjustmentReason.PolicyChange,
        _ => V1.BudgetAdjustmentReason.Other,
    };

    public static D.PgbCsvKind? ToDomain(V1.PgbCsvKind k) => k switch
    {
        V1.PgbCsvKind.MonthlyCounts => D.PgbCsvKind.MonthlyCounts,
        V1.PgbCsvKind.AverageCosts => D.PgbCsvKind.AverageCosts,
        V1.PgbCsvKind.Baselines => D.PgbCsvKind.Baselines,
        _ => null,
    };

    public static V1.BaseLumpsum ToProto(D.BaseLumpsum b, Guid hoofdaanbiederId) => new()
    {
        AreaContractId = b.AreaContractId.ToString(),
        AreaId = b.AreaId,
        HoofdaanbiederId = hoofdaanbiederId.ToString(),
        BaseYear = b.BaseYear,
        AmountCents = b.AmountCents,
        UpdatedAt = ProtoConvert.ToProto(b.UpdatedAt),
        UpdatedBy = b.UpdatedBy,
    };

    public static V1.IndexRate ToProto(D.IndexRate i)
    {
        var rate = new V1.IndexRate
        {
            Year = i.Year,
            EffectiveBp = i.EffectiveBp,
            EffectiveKind = ToProto(i.EffectiveKind),
            PrognosisSource = i.PrognosisSource,
            DefinitiveSource = i.DefinitiveSource,
            UpdatedAt = ProtoConvert.ToProto(i.UpdatedAt),
            UpdatedBy = i.UpdatedBy,
        };
        if (i.PrognosisBp is { } p)
        {
            rate.PrognosisBp = p;
        }
        if (i.DefinitiveBp is { } d)
        {
            rate.DefinitiveBp = d;
        }
        return rate;
    }

    public static V1.BudgetAdjustment ToProto(D.BudgetAdjustment a) => new()
    {
        Id = a.Id.ToString(),
        AreaId = a.AreaId,
        Year = a.Year,
        AmountCents = a.AmountCents,
        Reason = ToProto(a.Reason),
        Description = a.Description,
        CreatedAt = ProtoConvert.ToProto(a.CreatedAt),
        CreatedBy = a.CreatedBy,
    };

    /// <summary><paramref name="onlyHolder"/>: a hoofdaanbieder caller, who sees only its own advances and share of a year the area changes hands.</summary>
    public static V1.AreaBudget ToProto(AreaLumpsum l, Guid? onlyHolder = null)
    {
        var r = l.Result;
        var calculation = new V1.LumpsumCalculation
        {
            AreaId = r.AreaId,
            Year = r.Year,
            AreaContractId = l.Contract.Id.ToString(),
            BaseYear = r.BaseYear,
            BaseLumpsumCents = r.BaseLumpsumCents,
            LumpsumCents = r.LumpsumCents,
            AdjustmentsTotalCents = r.AdjustmentsTotalCents,
            TotalLumpsumCents = r.TotalCents,
        };
        calculation.Chain.AddRange(r.Chain.Select(s => new V1.IndexedLumpsum
        {
            Year = s.Year,
            // The index as entered had at most 4 decimals, so this is exact.
            IndexBp = (int)(s.Index * D.BudgetLimits.OneBp),
            IndexKind = s.IndexIsDefinitive ? V1.IndexKind.Definitive : V1.IndexKind.Prognosis,
            LumpsumCents = s.LumpsumCents,
        }));
        calculation.AdjustmentIds.AddRange(l.Adjustments.Select(a => a.Id.ToString()));
        var budget = new V1.AreaBudget
        {
            AreaId = r.AreaId,
            Year = r.Year,
            HoofdaanbiederId = l.HoofdaanbiederId.ToString(),
            HoofdaanbiederName = l.HoofdaanbiederName,
            Calculation = calculation,
        };
        if (!l.ChangesHands)
        {
            budget.MonthlyAdvances.AddRange(r.MonthlyAdvances.Select((amount, i) => new V1.MonthlyAdvance { Month = i + 1, AmountCents = amount }));
            return budget;
        }
        // The area changes hands in the year (settlement-rules.md §7): advances per holder; a hoofdaanbieder sees only its own.
        var shares = l.Shares(0).Where(s => onlyHolder is null || s.HoofdaanbiederId == onlyHolder).ToList();
        if (onlyHolder is { } me)
        {
            budget.HoofdaanbiederId = me.ToString();
            budget.HoofdaanbiederName = l.HolderNames.GetValueOrDefault(me, "");
        }
        budget.MonthlyAdvances.AddRange(Enumerable.Range(1, 12).Where(m => shares.Any(s => s.Holds(m)))
            .Select(m => new V1.MonthlyAdvance { Month = m, AmountCents = shares.Sum(s => s.AdvanceOf(m)) }));
        budget.HolderShares.AddRange(shares.Select(s =>
        {
            var share = new V1.AreaHolderShare
            {
                HoofdaanbiederId = s.HoofdaanbiederId.ToString(),
                HoofdaanbiederName = l.HolderNames.GetValueOrDefault(s.HoofdaanbiederId, ""),
                HeldFrom = ProtoConvert.ToProto(s.From),
                HeldTo = ProtoConvert.ToProto(s.To),
                DaysHeld = s.Days,
                LumpsumShareCents = s.LumpsumShareCents,
            };
            share.MonthlyAdvances.AddRange(s.Advances.Select(a => new V1.MonthlyAdvance { Month = a.Month, AmountCents = a.AmountCents }));
            return share;
        }));
        return budget;
    }

    public static V1.PgbBaseline ToProto(D.PgbBaseline b) => new()
    {
        AreaContractId = b.AreaContractId.ToString(),
        AreaId = b.AreaId,
        ReferenceDate = ProtoConvert.ToProto(b.ReferenceDate),
        ClientCount = b.ClientCount,
        UpdatedAt = ProtoConvert.ToProto(b.UpdatedAt),
        UpdatedBy = b.UpdatedBy,
    };

    public static V1.PgbMonthlyCount ToProto(D.PgbMonthlyCount c) => new()
    {
        AreaId = c.AreaId,
        Year = c.Year,
        Month = c.Month,
        ClientCount = c.ClientCount,
        UpdatedAt = ProtoConvert.ToProto(c.UpdatedAt),
        UpdatedBy = c.UpdatedBy,
    };

    public static V1.PgbAverageCost ToProto(D.PgbAverageCost c) => new()
    {
        AreaId = c.AreaId,
        Year = c.Year,
        AverageCostCents = c.AverageCostCents,
        UpdatedAt = ProtoConvert.ToProto(c.UpdatedAt),
        UpdatedBy = c.UpdatedBy,
    };

    public static V1.YearReport ToProto(D.YearReport r, IReadOnlyDictionary<Guid, string> names) => new()
    {
        AreaId = r.AreaId,
        Year = r.Year,
        HoofdaanbiederId = r.TenantId.ToString(),
        HoofdaanbiederName = names.GetValueOrDefault(r.TenantId, ""),
        OwnDeliveryCostsCents = r.OwnDeliveryCostsCents,
        Note = r.Note,
        SubmittedAt = ProtoConvert.ToProto(r.SubmittedAt),
        SubmittedBy = r.SubmittedBy,
        Locked = r.IsLocked,
        LockedAt = ProtoConvert.ToProto(r.LockedAt),
        LockedBy = r.LockedBy ?? "",
    };

    public static V1.YearParameters ToProto(D.YearParameters p) => ToProto(ParametersUsed.Of(p));

    /// <summary>A parameter version as a settlement used it; the live row goes through the same snapshot, so the wire form is written once.</summary>
    internal static V1.YearParameters ToProto(ParametersUsed p) => new()
    {
        Year = p.Year,
        Version = p.Version,
        ProfitCapBp = p.ProfitCapBp,
        ReferenceHourlyRateCents = p.ReferenceHourlyRateCents,
        PgbDeadBandBp = p.PgbDeadBandBp,
        PgbCompensationShareBp = p.PgbCompensationShareBp,
        BasisShareTargetBp = p.BasisShareTargetBp,
        InitiativeShareTargetBp = p.InitiativeShareTargetBp,
        SanctionBp = p.SanctionBp,
        ChangeNote = p.ChangeNote,
        CreatedAt = ProtoConvert.ToProto(p.CreatedAt),
        CreatedBy = p.CreatedBy,
        ReferenceDagdeelRateCents = p.ReferenceDagdeelRateCents,
        ReferenceEtmaalRateCents = p.ReferenceEtmaalRateCents,
    };

    public static V1.BudgetPosition ToProto(HolderBudgetPosition h, DateTimeOffset computedAt)
    {
        var position = ToProto(h.Position, computedAt);
        var share = h.Position.Input.Holder;
        position.HoofdaanbiederId = h.HoofdaanbiederId.ToString();
        position.FirstHeldMonth = h.Position.Input.FirstMonth;
        position.LastHeldMonth = share is { IsWholeYear: false } s ? s.LastMonth : 12;
        position.LumpsumShareCents = share is { IsWholeYear: false } l ? l.LumpsumShareCents : h.Position.Input.Lumpsum.TotalCents;
        position.PgbShareCents = share is { IsWholeYear: false } g ? g.PgbShareCents : h.Position.Input.PgbSettlementCents;
        return position;
    }

    public static V1.BudgetPosition ToProto(D.BudgetPositionResult r, DateTimeOffset computedAt) => new()
    {
        AreaId = r.Input.AreaId,
        Year = r.Input.Year,
        Month = r.Input.Month,
        TotalLumpsumCents = r.Input.Lumpsum.TotalCents,
        AdvancesToDateCents = r.AdvancesToDateCents,
        SubcontractorCostsToDateCents = r.ToDate.SubcontractorCents,
        MonthsWithStatements = r.Input.MonthsWithStatements,
        OwnApprovedMinutesToDate = r.ToDate.OwnMinutes,
        OwnApprovedDagdelenToDate = r.ToDate.OwnDagdelen,
        OwnApprovedEtmalenToDate = r.ToDate.OwnEtmalen,
        OwnHourCostsToDateCents = r.ToDate.OwnHourCents,
        OwnDagdeelCostsToDateCents = r.ToDate.OwnDagdeelCents,
        OwnEtmaalCostsToDateCents = r.ToDate.OwnEtmaalCents,
        OwnCostsEstimateToDateCents = r.OwnCostsEstimateCents,
        ReferenceHourlyRateCents = r.Input.Rates.HourlyCents,
        ReferenceDagdeelRateCents = r.Input.Rates.DagdeelCents,
        ReferenceEtmaalRateCents = r.Input.Rates.EtmaalCents,
        CostsToDateCents = r.CostsToDateCents,
        BalanceToDateCents = r.BalanceToDateCents,
        CompleteMonths = { r.CompleteMonths },
        ProjectionAvailable = r.ProjectedCostsYearEndCents is not null,
        ProjectedCostsYearEndCents = r.ProjectedCostsYearEndCents ?? 0,
        PgbSettlementCents = r.Input.PgbSettlementCents,
        PgbSettlementFinal = r.Input.PgbSettlementFinal,
        ProjectedResultYearEndCents = r.ProjectedResultYearEndCents ?? 0,
        ComputedAt = ProtoConvert.ToProto(computedAt),
    };

    /// <summary>
    /// The INVALID_ARGUMENT of a failed ImportPgbCsv: every invalid row in a gon.v1.CsvImportErrors
    /// detail, plus a google.rpc.BadRequest on the field "csv" so generic clients of our error model
    /// still see which field was wrong.
    /// </summary>
    public static RpcException ToCsvImportFailure(IReadOnlyList<D.PgbCsvError> errors)
    {
        var rows = new V1.CsvImportErrors();
        rows.Errors.AddRange(errors.Select(e => new V1.CsvRowError { Line = e.Line, Column = e.Column, Message = e.Message }));
        var badRequest = new BadRequest
        {
            FieldViolations =
            {
                new BadRequest.Types.FieldViolation
                {
                    Field = "csv",
                    Description = $"{errors.Count} invalid row(s); nothing was stored. First: line {errors[0].Line}: {errors[0].Message}",
                    Reason = ErrorModel.FieldViolationReasons.Invalid,
                },
            },
        };
        return ErrorModel.ErrorStatus.Build(StatusCode.InvalidArgument, Domain.Common.ErrorReasons.CsvImportErrors,
            "The CSV file is invalid; nothing was stored. See the CsvImportErrors detail.",
            new Dictionary<string, string> { ["count"] = $"{errors.Count}", ["first_line"] = $"{errors[0].Line}" }, badRequest, rows);
    }
}
