using GonPortal.Contracts.V1;
using GonPortal.Domain.Common;
using GonPortal.Domain.Hours;
using GonPortal.Domain.Validation;
using GonPortal.Server.Budgets;
using GonPortal.Server.Data;
using GonPortal.Server.ErrorModel;
using GonPortal.Server.Grpc;
using GonPortal.Server.Idempotency;
using GonPortal.Server.Paging;
using GonPortal.Server.Tenancy;
using GonPortal.ServiceDefaults;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using D = GonPortal.Domain.Budgets;

namespace GonPortal.Server.Budgets;

/// <summary>
/// Budget data (budgets.proto). The gemeente writes every figure except the year report, which the
/// hoofdaanbieder holding the area writes until the gemeente locks it. Figures other than the year
/// report are gemeente data, not tenant-owned: a hoofdaanbieder's reads are scoped by
/// <see cref="BudgetAreaAccess"/>; year reports are tenant-owned and the gemeente reads them through
/// <see cref="CrossTenantAccess"/> (audited), as are the statements and hours behind a budget position.
/// </summary>
[Authorize(Roles = $"{GonRoles.Gemeente},{GonRoles.Hoofdaanbieder}")]
public sealed class BudgetGrpcService(
    GonDbContext db, TenantContext tenant, CallInfo call, CrossTenantAccess crossTenant, IdempotentRequests idempotency, TimeProvider clock,
    BudgetAreaAccess access, LumpsumLoader lumpsums, YearParametersStore parameters, PgbFigureWriter pgb, PgbYearLoader pgbFigures, BudgetPositionQuery positions,
    TenantBlindLookups lookups)
    : BudgetService.BudgetServiceBase
{
    [Authorize(Roles = GonRoles.Gemeente)]
    public override async Task<SetBaseLumpsumResponse> SetBaseLumpsum(SetBaseLumpsumRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var v = new Violations();
        var contractId = ProtoConvert.ToId(v, "area_contract_id", request.AreaContractId);
        D.BaseLumpsum.Check(v, request.AmountCents);
        v.ThrowIfAny();
        var contract = await db.AreaContracts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == contractId, ct)
            ?? throw new NotFoundException("Area contract");
        var now = Now();
        var row = await db.BaseLumpsums.FindAsync([contract.Id], ct);
        if (row is null)
        {
            row = D.BaseLumpsum.Create(contract.Id, contract.AreaId, contract.PeriodStart.Year, request.AmountCents, tenant.Subject, now);
            db.BaseLumpsums.Add(row);
            Record(D.BudgetFigure.BaseLumpsum, contract.AreaId, 0, contract.Id, null, $"{request.AmountCents}", now);
        }
        else
        {
            var old = row.AmountCents;
            if (row.Change(request.AmountCents, tenant.Subject, now))
            {
                Record(D.BudgetFigure.BaseLumpsum, contract.AreaId, 0, contract.Id, $"{old}", $"{request.AmountCents}", now);
            }
        }
        await BudgetSave.SaveAsync(db, ct);
        return new SetBaseLumpsumResponse { BaseLumpsum = BudgetMapping.ToProto(row, contract.HoofdaanbiederId) };
    }

    public override async Task<ListBaseLumpsumsResponse> ListBaseLumpsums(ListBaseLumpsumsRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var v = new Violations();
        D.BudgetKeys.AreaFilter(v, request.AreaId);
        v.ThrowIfAny();
        await access.RequireEverHeldAsync(request.AreaId, ct);
        var query = from b in db.BaseLumpsums.AsNoTracking()
                    join c in db.AreaContracts.AsNoTracking() on b.AreaContractId equals c.Id
                    select new { b, c.HoofdaanbiederId };
        if (access.IsHoofdaanbieder)
        {
            query = query.Where(x => x.HoofdaanbiederId == tenant.TenantId);
        }
        if (request.AreaId != 0)
        {
            query = query.Where(x => x.b.AreaId == request.AreaId);
        }
        var rows = await query.OrderBy(x => x.b.AreaId).ThenBy(x => x.b.BaseYear).ToListAsync(ct);
        var response = new ListBaseLumpsumsResponse();
        response.BaseLumpsums.AddRange(rows.Select(x => BudgetMapping.ToProto(x.b, x.HoofdaanbiederId)));
        return response;
    }

    [Authorize(Roles = GonRoles.Gemeente)]
    public override async Task<SetIndexRateResponse> SetIndexRate(SetIndexRateRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var kind = BudgetMapping.ToDomain(request.Kind);
        D.IndexRate.Validate(request.Year, kind, request.IndexBp, request.Source);
        var now = Now();
        var rate = await db.IndexRates.FindAsync([request.Year], ct);
        if (rate is null)
        {
            rate = D.IndexRate.Create(request.Year, tenant.Subject, now);
            db.IndexRates.Add(rate);
        }
        var old = kind == D.IndexKind.Prognosis ? IndexValue(rate.PrognosisBp, rate.PrognosisSource) : IndexValue(rate.DefinitiveBp, rate.DefinitiveSource);
        if (rate.Set(kind!.Value, request.IndexBp, request.Source, tenant.Subject, now))
        {
            var figure = kind == D.IndexKind.Prognosis ? D.BudgetFigure.IndexPrognosis : D.BudgetFigure.IndexDefinitive;
            Record(figure, 0, request.Year, null, old, IndexValue(request.IndexBp, request.Source?.Trim() ?? ""), now);
        }
        await BudgetSave.SaveAsync(db, ct);
        return new SetIndexRateResponse { IndexRate = BudgetMapping.ToProto(rate) };
    }

    public override async Task<ListIndexRatesResponse> ListIndexRates(ListIndexRatesRequest request, ServerCallContext context)
    {
        var query = db.IndexRates.AsNoTracking();
        if (request.YearFrom != 0)
        {
            query = query.Where(i => i.Year >= request.YearFrom);
        }
        if (request.YearTo != 0)
        {
            query = query.Where(i => i.Year <= request.YearTo);
        }
        var response = new ListIndexRatesResponse();
        response.IndexRates.AddRange((await query.OrderBy(i => i.Year).ToListAsync(context.CancellationToken)).Select(BudgetMapping.ToProto));
        return response;
    }

    [Authorize(Roles = GonRoles.Gemeente)]
    public override async Task<CreateBudgetAdjustmentResponse> CreateBudgetAdjustment(CreateBudgetAdjustmentRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var v = new Violations();
        Text.RequestId(v, "request_id", request.RequestId);
        v.ThrowIfAny();
        return await idempotency.CreateOnceAsync(request, request.RequestId,
            () =>
            {
                var now = Now();
                var adjustment = D.BudgetAdjustment.Create(Guid.CreateVersion7(now), request.AreaId, request.Year, request.AmountCents,
                    BudgetMapping.ToDomain(request.Reason), request.Description, tenant.Subject, now);
                db.BudgetAdjustments.Add(adjustment);
                return Task.FromResult(adjustment.Id);
            },
            async id => new CreateBudgetAdjustmentResponse
            {
                BudgetAdjustment = BudgetMapping.ToProto(await db.BudgetAdjustments.AsNoTracking().SingleAsync(a => a.Id == id, ct)),
            },
            ct);
    }

    public override async Task<ListBudgetAdjustmentsResponse> ListBudgetAdjustments(ListBudgetAdjustmentsRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var v = new Violations();
        var page = Page.Parse(v, request.PageSize, request.PageToken);
        D.BudgetKeys.AreaFilter(v, request.AreaId);
        v.ThrowIfAny();
        await access.RequireEverHeldAsync(request.AreaId, ct);
        var query = db.BudgetAdjustments.AsNoTracking();
        if (access.IsHoofdaanbieder)
        {
            // Only the years in which the caller holds the area.
            var tenantId = tenant.TenantId;
            query = query.Where(a => db.AreaContracts.Any(c => c.HoofdaanbiederId == tenantId && c.AreaId == a.AreaId
                && c.PeriodStart.Year <= a.Year && c.PeriodEnd.Year >= a.Year));
        }
        if (request.AreaId != 0)
        {
            query = query.Where(a => a.AreaId == request.AreaId);
        }
        if (request.Year != 0)
        {
            query = query.Where(a => a.Year == request.Year);
        }
        var (items, next) = await page.ApplyAsync(query.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id), (q, t) => q.ToListAsync(t), ct);
        var response = new ListBudgetAdjustmentsResponse { NextPageToken = next };
        response.BudgetAdjustments.AddRange(items.Select(BudgetMapping.ToProto));
        return response;
    }

    public override async Task<GetAreaBudgetResponse> GetAreaBudget(GetAreaBudgetRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        await RequireAreaYearAsync(request.AreaId, request.Year, ct);
        var lumpsum = await lumpsums.LoadAsync(request.AreaId, request.Year, ct);
        return new GetAreaBudgetResponse { AreaBudget = BudgetMapping.ToProto(lumpsum) };
    }

    public override async Task<GetBudgetPositionResponse> GetBudgetPosition(GetBudgetPositionRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var v = new Violations();
        D.BudgetKeys.Area(v, request.AreaId);
        D.BudgetKeys.Year(v, request.Year);
        v.Check(request.Month is < 0 or > 12, "month", "must be 1-12, or 0 for the last ended month");
        v.ThrowIfAny();
        await access.RequireHeldAsync(request.AreaId, request.Year, ct);
        var now = Now();
        var position = await positions.ComputeAsync(request.AreaId, request.Year, request.Month, AmsterdamCalendar.Today(now), ct);
        return new GetBudgetPositionResponse { BudgetPosition = BudgetMapping.ToProto(position, now) };
    }

    [Authorize(Roles = GonRoles.Gemeente)]
    public override async Task<SetPgbBaselineResponse> SetPgbBaseline(SetPgbBaselineRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var v = new Violations();
        var contractId = ProtoConvert.ToId(v, "area_contract_id", request.AreaContractId);
        var date = ProtoConvert.ToDate(v, "reference_date", request.ReferenceDate);
        v.Check(request.ReferenceDate is null, "reference_date", "is required");
        v.Check(request.ClientCount < 0, "client_count", "must be 0 or more");
        v.ThrowIfAny();
        var contract = await db.AreaContracts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == contractId, ct)
            ?? throw new NotFoundException("Area contract");
        var (row, _) = await pgb.BaselineAsync(contract.Id, contract.AreaId, date!.Value, request.ClientCount, nameof(SetPgbBaseline), Now(), ct);
        await BudgetSave.SaveAsync(db, ct);
        return new SetPgbBaselineResponse { PgbBaseline = BudgetMapping.ToProto(row) };
    }

    [Authorize(Roles = GonRoles.Gemeente)]
    public override async Task<SetPgbMonthlyCountResponse> SetPgbMonthlyCount(SetPgbMonthlyCountRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var v = new Violations();
        D.BudgetKeys.Area(v, request.AreaId);
        D.BudgetKeys.Year(v, request.Year);
        D.BudgetKeys.EndedMonth(v, request.Year, request.Month, Today());
        v.Check(request.ClientCount < 0, "client_count", "must be 0 or more");
        v.ThrowIfAny();
        var (row, _) = await pgb.MonthlyCountAsync(request.AreaId, request.Year, request.Month, request.ClientCount,
            nameof(SetPgbMonthlyCount), Now(), ct);
        await BudgetSave.SaveAsync(db, ct);
        return new SetPgbMonthlyCountResponse { PgbMonthlyCount = BudgetMapping.ToProto(row) };
    }

    [Authorize(Roles = GonRoles.Gemeente)]
    public override async Task<SetPgbAverageCostResponse> SetPgbAverageCost(SetPgbAverageCostRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var v = new Violations();
        D.BudgetKeys.Area(v, request.AreaId);
        D.BudgetKeys.Year(v, request.Year);
        v.Check(request.AverageCostCents < 0, "average_cost_cents", "must be 0 or more (euro cents)");
        v.Check(request.AverageCostCents > D.BudgetLimits.MaxLumpsumCents, "average_cost_cents", "is implausibly large");
        v.ThrowIfAny();
        var (row, _) = await pgb.AverageCostAsync(request.AreaId, request.Year, request.AverageCostCents, nameof(SetPgbAverageCost), Now(), ct);
        await BudgetSave.SaveAsync(db, ct);
        return new SetPgbAverageCostResponse { PgbAverageCost = BudgetMapping.ToProto(row) };
    }

    [Authorize(Roles = GonRoles.Gemeente)]
    public override async Task<ImportPgbCsvResponse> ImportPgbCsv(ImportPgbCsvRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var v = new Violations();
        var kind = BudgetMapping.ToDomain(request.Kind);
        v.Check(kind is null, "kind", "must be PGB_CSV_KIND_MONTHLY_COUNTS, PGB_CSV_KIND_AVERAGE_COSTS or PGB_CSV_KIND_BASELINES");
        v.ThrowIfAny();
        var file = D.PgbCsvParser.Parse(kind!.Value, request.Csv.Span, Today());
        var errors = file.Errors.ToList();
        var contracts = new Dictionary<Guid, int>();
        if (file.IsValid && kind == D.PgbCsvKind.Baselines)
        {
            // Whether a contract exists is the one check the domain parser cannot make.
            var ids = file.Baselines.Select(b => b.AreaContractId).ToList();
            contracts = await db.AreaContracts.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.AreaId, ct);
            errors.AddRange(file.Baselines.Where(b => !contracts.ContainsKey(b.AreaContractId))
                .Select(b => new D.PgbCsvError(b.Line, "area_contract_id", $"{b.AreaContractId} is not a known area contract")));
        }
        if (errors.Count > 0)
        {
            throw BudgetMapping.ToCsvImportFailure(errors);
        }

        var now = Now();
        var outcomes = new List<WriteOutcome>();
        foreach (var row in file.Counts)
        {
            outcomes.Add((await pgb.MonthlyCountAsync(row.AreaId, row.Year, row.Month, row.ClientCount, nameof(ImportPgbCsv), now, ct)).Outcome);
        }
        foreach (var row in file.Costs)
        {
            outcomes.Add((await pgb.AverageCostAsync(row.AreaId, row.Year, row.AverageCostCents, nameof(ImportPgbCsv), now, ct)).Outcome);
        }
        foreach (var row in file.Baselines)
        {
            outcomes.Add((await pgb.BaselineAsync(row.AreaContractId, contracts[row.AreaContractId], row.ReferenceDate, row.ClientCount,
                nameof(ImportPgbCsv), now, ct)).Outcome);
        }
        await BudgetSave.SaveAsync(db, ct);
        return new ImportPgbCsvResponse
        {
            RowCount = file.RowCount,
            CreatedCount = outcomes.Count(o => o == WriteOutcome.Created),
            UpdatedCount = outcomes.Count(o => o == WriteOutcome.Updated),
            UnchangedCount = outcomes.Count(o => o == WriteOutcome.Unchanged),
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
        D.BudgetKeys.Area(v, request.AreaId);
        D.BudgetKeys.Year(v, request.Year);
        D.BudgetKeys.NotFutureYear(v, request.Year, Today());
        D.YearReport.Check(v, request.OwnDeliveryCostsCents, request.Note);
        v.ThrowIfAny();
        await access.RequireHeldAsync(request.AreaId, request.Year, ct);

        var now = Now();
        var report = await db.YearReports.SingleOrDefaultAsync(r => r.AreaId == request.AreaId && r.Year == request.Year, ct);
        if (report is null)
        {
            await RequireNoForeignReportAsync(request.AreaId, request.Year, ct);
            report = D.YearReport.Submit(request.AreaId, request.Year, tenant.TenantId, request.OwnDeliveryCostsCents, request.Note, tenant.Subject, now);
            db.YearReports.Add(report);
            Record(D.BudgetFigure.YearReport, request.AreaId, request.Year, null, null, $"{request.OwnDeliveryCostsCents}", now);
        }
        else if (report.IsLocked || !report.Holds(request.OwnDeliveryCostsCents, request.Note))
        {
            var old = report.OwnDeliveryCostsCents;
            report.Replace(request.OwnDeliveryCostsCents, request.Note, tenant.Subject, now); // FAILED_PRECONDITION once locked
            Record(D.BudgetFigure.YearReport, request.AreaId, request.Year, null, $"{old}", $"{request.OwnDeliveryCostsCents}", now);
        }
        await BudgetSave.SaveAsync(db, ct);
        return new SubmitYearReportResponse { YearReport = await ToProto(report, ct) };
    }

    public override async Task<GetYearReportResponse> GetYearReport(GetYearReportRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var v = new Violations();
        D.BudgetKeys.Area(v, request.AreaId);
        D.BudgetKeys.Year(v, request.Year);
        v.ThrowIfAny();
        // A hoofdaanbieder sees only its own reports through the tenant filter, so for an area it does not
        // hold the answer is NOT_FOUND whether or not another hoofdaanbieder has reported.
        var source = await crossTenant.VisibleAsync<D.YearReport>($"YearReport area {request.AreaId} {request.Year}", ct);
        var report = await source.AsNoTracking().SingleOrDefaultAsync(r => r.AreaId == request.AreaId && r.Year == request.Year, ct)
            ?? throw new NotFoundException("Year report");
        return new GetYearReportResponse { YearReport = await ToProto(report, ct) };
    }

    public override async Task<ListYearReportsResponse> ListYearReports(ListYearReportsRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var v = new Violations();
        var page = Page.Parse(v, request.PageSize, request.PageToken);
        D.BudgetKeys.AreaFilter(v, request.AreaId);
        v.ThrowIfAny();
        await access.RequireEverHeldAsync(request.AreaId, ct);
        var query = (await crossTenant.VisibleAsync<D.YearReport>("YearReport list", ct)).AsNoTracking();
        if (request.AreaId != 0)
        {
            query = query.Where(r => r.AreaId == request.AreaId);
        }
        if (request.Year != 0)
        {
            query = query.Where(r => r.Year == request.Year);
        }
        var (items, next) = await page.ApplyAsync(query.OrderByDescending(r => r.Year).ThenBy(r => r.AreaId), (q, t) => q.ToListAsync(t), ct);
        var names = await db.ProviderNamesAsync(items.Select(r => r.TenantId), ct);
        var response = new ListYearReportsResponse { NextPageToken = next };
        response.YearReports.AddRange(items.Select(r => BudgetMapping.ToProto(r, names)));
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
            D.BudgetKeys.Area(v, request.AreaId);
        }
        v.ThrowIfAny();
        var resource = request.AreaId == 0 ? $"YearReport all areas {request.Year}" : $"YearReport area {request.AreaId} {request.Year}";
        var query = (await crossTenant.ReadAsync<D.YearReport>(resource, ct)).Where(r => r.Year == request.Year);
        if (request.AreaId != 0)
        {
            query = query.Where(r => r.AreaId == request.AreaId);
        }
        var reports = await query.OrderBy(r => r.AreaId).ToListAsync(ct);
        if (request.AreaId != 0 && reports.Count == 0)
        {
            throw new InvalidStateException($"Area {request.AreaId} has no year report for {request.Year}; there is nothing to lock.");
        }
        var now = Now();
        foreach (var report in reports)
        {
            if (!report.IsLocked)
            {
                crossTenant.AllowWrite(report.TenantId, $"YearReport area {report.AreaId} {report.Year} lock");
                report.Lock(tenant.Subject, now);
                Record(D.BudgetFigure.YearReportLock, report.AreaId, report.Year, null, null, "locked", now);
            }
        }
        await BudgetSave.SaveAsync(db, ct);
        var names = await db.ProviderNamesAsync(reports.Select(r => r.TenantId), ct);
        var response = new LockYearResponse();
        response.YearReports.AddRange(reports.Select(r => BudgetMapping.ToProto(r, names)));
        return response;
    }

    [Authorize(Roles = GonRoles.Gemeente)]
    public override async Task<SetYearParametersResponse> SetYearParameters(SetYearParametersRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var previous = D.BudgetLimits.IsYear(request.Year) ? await parameters.LatestVersionAsync(request.Year, ct) : 0;
        var version = D.YearParameters.Save(request.Year, previous, request.ProfitCapBp, request.ReferenceHourlyRateCents,
            request.PgbDeadBandBp, request.PgbCompensationShareBp, request.BasisShareTargetBp, request.InitiativeShareTargetBp,
            request.SanctionBp, request.ChangeNote, tenant.Subject, Now());
        db.YearParameters.Add(version);
        await BudgetSave.SaveAsync(db, ct); // two saves of the same version number collide on the key: one is refused
        return new SetYearParametersResponse { YearParameters = BudgetMapping.ToProto(version) };
    }

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
        D.BudgetKeys.Area(v, areaId);
        D.BudgetKeys.Year(v, year);
        v.ThrowIfAny();
        await access.RequireHeldAsync(areaId, year, ct);
    }

    /// <summary>
    /// When an area changes hands within a year, the first holder may have reported already; the key is
    /// (area, year), so say so instead of failing on the key. Asks only whether such a row exists.
    /// </summary>
    private async Task RequireNoForeignReportAsync(int areaId, int year, CancellationToken ct)
    {
        if (await lookups.YearReportExistsAsync(areaId, year, ct))
        {
            throw new InvalidStateException($"Another hoofdaanbieder has submitted the year report of area {areaId} for {year}.");
        }
    }

    private DateOnly Today() => AmsterdamCalendar.Today(Now());

    /// <summary>
    /// Now, cut to whole milliseconds: PostgreSQL keeps microseconds and SQLite's ticks converter about
    /// 0.1 ms, so with milliseconds a write's response equals every later read.
    /// </summary>
    private DateTimeOffset Now()
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }

    private static string IndexValue(int? bp, string source) =>
        bp is null ? "" : (source.Length == 0 ? $"{bp}" : $"{bp} {source}") is var text && text.Length > 100 ? text[..100] : text;

    private void Record(D.BudgetFigure figure, int areaId, int year, Guid? contract, string? old, string value, DateTimeOffset now) =>
        db.BudgetChanges.Add(D.BudgetChange.Record(figure, areaId, year, 0, contract, old == "" ? null : old, value, tenant.Subject, CallName(), now));

    private async Task<YearReport> ToProto(D.YearReport report, CancellationToken ct) =>
        BudgetMapping.ToProto(report, await db.ProviderNamesAsync([report.TenantId], ct));

    /// <summary>The RPC name ("SetBaseLumpsum") from the served method, for the change history.</summary>
    private string CallName() => call.Method.Split('/').Last();
}
