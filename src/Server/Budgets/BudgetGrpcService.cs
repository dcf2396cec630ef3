using GonPortal.Contracts.V1;
using GonPortal.Domain.Common;
using GonPortal.Domain.Validation;
using GonPortal.Server.Data;
using GonPortal.Server.Grpc;
using GonPortal.Server.Idempotency;
using GonPortal.Server.Paging;
using GonPortal.Server.Tenancy;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using D = GonPortal.Domain.Budgets;

namespace GonPortal.Server.Budgets;

/// <summary>
/// Budget data (budgets.proto): validates each request, calls the handler of its figure and maps the
/// answer. The gemeente writes every figure except the year report, which the hoofdaanbieder holding
/// the area writes until the gemeente locks it. Figures other than the year report are gemeente data,
/// not tenant-owned: a hoofdaanbieder's reads are scoped by <see cref="BudgetAreaAccess"/>; year reports
/// are tenant-owned and the gemeente reads them through <see cref="CrossTenantAccess"/> (audited), as
/// are the statements and hours behind a budget position.
/// </summary>
[Authorize(Roles = $"{GonRoles.Gemeente},{GonRoles.Hoofdaanbieder}")]
public sealed class BudgetGrpcService(
    BudgetAreaAccess access, BudgetClock clock, BaseLumpsumHandler lumpsumFigures, IndexRateHandler indexRates,
    BudgetAdjustmentHandler adjustments, PgbInputHandler pgbInputs, PgbCsvImport pgbCsv, YearReportHandler yearReports,
    YearParameterHandler yearParameters, LumpsumLoader lumpsums, YearParametersStore parameters, PgbYearLoader pgbFigures,
    BudgetPositionQuery positions, IdempotentRequests idempotency, GonDbContext db, TenantContext tenant)
    : BudgetService.BudgetServiceBase
{
    [Authorize(Roles = GonRoles.Gemeente)]
    public override async Task<SetBaseLumpsumResponse> SetBaseLumpsum(SetBaseLumpsumRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var contractId = ProtoConvert.ToId(v, "area_contract_id", request.AreaContractId);
        D.BaseLumpsum.Check(v, request.AmountCents);
        v.ThrowIfAny();
        int? baseYear = request.HasBaseYear ? request.BaseYear : null;
        var (row, holder) = await lumpsumFigures.SetAsync(contractId!.Value, request.AmountCents, baseYear, context.CancellationToken);
        return new SetBaseLumpsumResponse { BaseLumpsum = BudgetMapping.ToProto(row, holder) };
    }

    public override async Task<ListBaseLumpsumsResponse> ListBaseLumpsums(ListBaseLumpsumsRequest request, ServerCallContext context)
    {
        var v = new Violations();
        D.BudgetKeys.AreaFilter(v, request.AreaId);
        v.ThrowIfAny();
        var rows = await lumpsumFigures.ListAsync(request.AreaId, context.CancellationToken);
        var response = new ListBaseLumpsumsResponse();
        response.BaseLumpsums.AddRange(rows.Select(x => BudgetMapping.ToProto(x.Row, x.HoofdaanbiederId)));
        return response;
    }

    [Authorize(Roles = GonRoles.Gemeente)]
    public override async Task<SetIndexRateResponse> SetIndexRate(SetIndexRateRequest request, ServerCallContext context)
    {
        var rate = await indexRates.SetAsync(request.Year, BudgetMapping.ToDomain(request.Kind), request.IndexBp, request.Source, context.CancellationToken);
        return new SetIndexRateResponse { IndexRate = BudgetMapping.ToProto(rate) };
    }

    public override async Task<ListIndexRatesResponse> ListIndexRates(ListIndexRatesRequest request, ServerCallContext context)
    {
        var response = new ListIndexRatesResponse();
        response.IndexRates.AddRange((await indexRates.ListAsync(request.YearFrom, request.YearTo, context.CancellationToken)).Select(BudgetMapping.ToProto));
        return response;
    }

    [Authorize(Roles = GonRoles.Gemeente)]
    public override async Task<CreateBudgetAdjustmentResponse> CreateBudgetAdjustment(CreateBudgetAdjustmentRequest request, ServerCallContext context)
    {
        var v = new Violations();
        Text.RequestId(v, "request_id", request.RequestId);
        v.ThrowIfAny();
        var ct = context.CancellationToken;
        return await idempotency.CreateOnceAsync(request, request.RequestId,
            () => Task.FromResult(adjustments.Add(request.AreaId, request.Year, request.AmountCents, BudgetMapping.ToDomain(request.Reason), request.Description)),
            async id => new CreateBudgetAdjustmentResponse { BudgetAdjustment = BudgetMapping.ToProto(await adjustments.GetAsync(id, ct)) },
            ct);
    }

    public override async Task<ListBudgetAdjustmentsResponse> ListBudgetAdjustments(ListBudgetAdjustmentsRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var page = Page.Parse(v, request.PageSize, request.PageToken);
        D.BudgetKeys.AreaFilter(v, request.AreaId);
        v.ThrowIfAny();
        var (items, next) = await adjustments.ListAsync(page, request.AreaId, request.Year, context.CancellationToken);
        var response = new ListBudgetAdjustmentsResponse { NextPageToken = next };
        response.BudgetAdjustments.AddRange(items.Select(BudgetMapping.ToProto));
        return response;
    }

    public override async Task<GetAreaBudgetResponse> GetAreaBudget(GetAreaBudgetRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        await RequireAreaYearAsync(request.AreaId, request.Year, ct);
        var lumpsum = await lumpsums.LoadAsync(request.AreaId, request.Year, ct);
        return new GetAreaBudgetResponse { AreaBudget = BudgetMapping.ToProto(lumpsum, access.IsHoofdaanbieder ? tenant.TenantId : null) };
    }

    public override async Task<GetBudgetPositionResponse> GetBudgetPosition(GetBudgetPositionRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var v = new Violations();
        AreaIdRules.Required(v, request.AreaId);
        D.BudgetKeys.Year(v, request.Year);
        v.Check(request.Month is < 0 or > 12, "month", "must be 1-12, or 0 for the last ended month");
        var named = request.HoofdaanbiederId.Length == 0 ? null : ProtoConvert.ToId(v, "hoofdaanbieder_id", request.HoofdaanbiederId);
        v.Check(named is not null && access.IsHoofdaanbieder && named != tenant.TenantId, "hoofdaanbieder_id", "must be empty: a hoofdaanbieder gets its own position");
        v.ThrowIfAny();
        await access.RequireHeldAsync(request.AreaId, request.Year, ct);
        var now = clock.Now();
        // A hoofdaanbieder's own position; the gemeente's of the holder it names, else the holder of the month (settlement-rules.md §7).
        var position = await positions.ComputeAsync(request.AreaId, request.Year, request.Month, AmsterdamCalendar.Today(now),
            access.IsHoofdaanbieder ? tenant.TenantId : named, ct);
        return new GetBudgetPositionResponse { BudgetPosition = BudgetMapping.ToProto(position, now) };
    }

    [Authorize(Roles = GonRoles.Gemeente)]
    public override async Task<SetPgbBaselineResponse> SetPgbBaseline(SetPgbBaselineRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var contractId = ProtoConvert.ToId(v, "area_contract_id", request.AreaContractId);
        var date = ProtoConvert.ToDate(v, "reference_date", request.ReferenceDate);
        v.Check(request.ReferenceDate is null, "reference_date", "is required");
        v.Check(request.ClientCount < 0, "client_count", "must be 0 or more");
        v.ThrowIfAny();
        var row = await pgbInputs.SetBaselineAsync(contractId!.Value, date!.Value, request.ClientCount, nameof(SetPgbBaseline), context.CancellationToken);
        return new SetPgbBaselineResponse { PgbBaseline = BudgetMapping.ToProto(row) };
    }

    [Authorize(Roles = GonRoles.Gemeente)]
    public override async Task<SetPgbMonthlyCountResponse> SetPgbMonthlyCount(SetPgbMonthlyCountRequest request, ServerCallContext context)
    {
        var v = new Violations();
        AreaIdRules.Required(v, request.AreaId);
        D.BudgetKeys.Year(v, request.Year);
        D.BudgetKeys.EndedMonth(v, request.Year, request.Month, clock.Today());
        v.Check(request.ClientCount < 0, "client_count", "must be 0 or more");
        v.ThrowIfAny();
        var row = await pgbInputs.SetMonthlyCountAsync(request.AreaId, request.Year, request.Month, request.ClientCount,
            nameof(SetPgbMonthlyCount), context.CancellationToken);
        return new SetPgbMonthlyCountResponse { PgbMonthlyCount = BudgetMapping.ToProto(row) };
    }

    [Authorize(Roles = GonRoles.Gemeente)]
    public override async Task<SetPgbAverageCostResponse> SetPgbAverageCost(SetPgbAverageCostRequest request, ServerCallContext context)
    {
        var v = new Violations();
        AreaIdRules.Required(v, request.AreaId);
        D.BudgetKeys.Year(v, request.Year);
        v.Check(request.AverageCostCents < 0, "average_cost_cents", "must be 0 or more (euro cents)");
        v.Check(request.AverageCostCents > D.BudgetLimits.MaxLumpsumCents, "average_cost_cents", "is implausibly large");
        v.ThrowIfAny();
        var row = await pgbInputs.SetAverageCostAsync(request.AreaId, request.Year, request.AverageCostCents, nameof(SetPgbAverageCost), context.CancellationToken);
        return new SetPgbAverageCostResponse { PgbAverageCost = BudgetMapping.ToProto(row) };
    }

    [Authorize(Roles = GonRoles.Gemeente)]
    public override async Task<ImportPgbCsvResponse> ImportPgbCsv(ImportPgbCsvRequest request, ServerCallContext context)
    {
        var v = new Violations();
        var kind = BudgetMapping.ToDomain(request.Kind);
        v.Check(kind is null, "kind", "must be PGB_CSV_KIND_MONTHLY_COUNTS, PGB_CSV_KIND_AVERAGE_COSTS or PGB_CSV_KIND_BASELINES");
        v.ThrowIfAny();
        var outcome = await pgbCsv.ImportAsync(kind!.Value, request.Csv.Memory, nameof(ImportPgbCsv), context.CancellationToken);
        if (outcome.Errors.Count > 0)
        {
            throw BudgetMapping.ToCsvImportFailure(outcome.Errors);
        }
        return new ImportPgbCsvResponse
        {
            RowCount = outcome.RowCount,
            CreatedCount = outcome.CreatedCount,
            UpdatedCount = outcome.UpdatedCount,
            UnchangedCount = outcome.UnchangedCount,
        };
    }

    public override async Task<GetPgbYearResponse> GetPgbYear(GetPgbYearRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        await RequireAreaYearAsync(request.AreaId, request.Year, ct);
        var (_, baseline, counts, cost) = await pgbFigures.LoadAsync(request.AreaId, request.Year, ct);
        var year = new PgbYear
        {
            AreaId = request.AreaId,
            Year = request.Year,
            Baseline = baseline is null ? null : BudgetMapping.ToProto(baseline),
            AverageCost = cost is null ? null : BudgetMapping.ToProto(cost),
        };
        year.MonthlyCounts.AddRange(counts.Select(BudgetMapping.ToProto));
        return new GetPgbYearResponse { PgbYear = year };
    }

    [Authorize(Roles = GonRoles.Hoofdaanbieder)]
    public override async Task<SubmitYearReportResponse> SubmitYearReport(SubmitYearReportRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var v = new Violations();
        AreaIdRules.Required(v, request.AreaId);
        D.BudgetKeys.Year(v, request.Year);
        D.BudgetKeys.NotFutureYear(v, request.Year, clock.Today());
        D.YearReport.Check(v, request.OwnDeliveryCostsCents, request.Note);
        v.ThrowIfAny();
        var report = await yearReports.SubmitAsync(request.AreaId, request.Year, request.OwnDeliveryCostsCents, request.Note, ct);
        return new SubmitYearReportResponse { YearReport = await ToProtoAsync(report, ct) };
    }

    public override async Task<GetYearReportResponse> GetYearReport(GetYearReportRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var v = new Violations();
        AreaIdRules.Required(v, request.AreaId);
        D.BudgetKeys.Year(v, request.Year);
        v.ThrowIfAny();
        var report = await yearReports.GetAsync(request.AreaId, request.Year, ct);
        return new GetYearReportResponse { YearReport = await ToProtoAsync(report, ct) };
    }

    public override async Task<ListYearReportsResponse> ListYearReports(ListYearReportsRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var v = new Violations();
        var page = Page.Parse(v, request.PageSize, request.PageToken);
        D.BudgetKeys.AreaFilter(v, request.AreaId);
        v.ThrowIfAny();
        var (items, next) = await yearReports.ListAsync(page, request.AreaId, request.Year, ct);
        var holders = await db.ProviderNamesAsync(items.Select(r => r.TenantId), ct);
        var response = new ListYearReportsResponse { NextPageToken = next };
        response.YearReports.AddRange(items.Select(r => BudgetMapping.ToProto(r, holders)));
        return response;
    }

    [Authorize(Roles = GonRoles.Gemeente)]
    public override async Task<LockYearResponse> LockYear(LockYearRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var v = new Violations();
        D.BudgetKeys.Year(v, request.Year);
        if (request.AreaId != 0)
        {
            AreaIdRules.Required(v, request.AreaId);
        }
        v.ThrowIfAny();
        var reports = await yearReports.LockAsync(request.AreaId, request.Year, ct);
        var holders = await db.ProviderNamesAsync(reports.Select(r => r.TenantId), ct);
        var response = new LockYearResponse();
        response.YearReports.AddRange(reports.Select(r => BudgetMapping.ToProto(r, holders)));
        return response;
    }

    [Authorize(Roles = GonRoles.Gemeente)]
    public override async Task<SetYearParametersResponse> SetYearParameters(SetYearParametersRequest request, ServerCallContext context) =>
        new()
        {
            YearParameters = BudgetMapping.ToProto(await yearParameters.SaveAsync(request.Year,
                (previous, by, now) => D.YearParameters.Save(request.Year, previous, request.ProfitCapBp, request.ReferenceHourlyRateCents,
                    request.PgbDeadBandBp, request.PgbCompensationShareBp, request.BasisShareTargetBp, request.InitiativeShareTargetBp,
                    request.SanctionBp, request.ChangeNote, by, now, request.ReferenceDagdeelRateCents, request.ReferenceEtmaalRateCents),
                context.CancellationToken)),
        };

    public override async Task<GetYearParametersResponse> GetYearParameters(GetYearParametersRequest request, ServerCallContext context)
    {
        var v = new Violations();
        D.BudgetKeys.Year(v, request.Year);
        v.ThrowIfAny();
        return new GetYearParametersResponse
        {
            YearParameters = BudgetMapping.ToProto(await parameters.InForceAsync(request.Year, context.CancellationToken)),
        };
    }

    public override async Task<ListYearParameterVersionsResponse> ListYearParameterVersions(ListYearParameterVersionsRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var v = new Violations();
        var page = Page.Parse(v, request.PageSize, request.PageToken);
        D.BudgetKeys.Year(v, request.Year);
        v.ThrowIfAny();
        var (items, next) = await page.ApplyAsync(parameters.Versions(request.Year), (q, t) => q.ToListAsync(t), ct);
        var response = new ListYearParameterVersionsResponse { NextPageToken = next };
        response.YearParameters.AddRange(items.Select(BudgetMapping.ToProto));
        return response;
    }

    /// <summary>INVALID_ARGUMENT for a bad area or year, then PERMISSION_DENIED for a hoofdaanbieder not holding the area in the year.</summary>
    private async Task RequireAreaYearAsync(int areaId, int year, CancellationToken ct)
    {
        var v = new Violations();
        AreaIdRules.Required(v, areaId);
        D.BudgetKeys.Year(v, year);
        v.ThrowIfAny();
        await access.RequireHeldAsync(areaId, year, ct);
    }

    private async Task<YearReport> ToProtoAsync(D.YearReport report, CancellationToken ct) =>
        BudgetMapping.ToProto(report, await db.ProviderNamesAsync([report.TenantId], ct));
}
