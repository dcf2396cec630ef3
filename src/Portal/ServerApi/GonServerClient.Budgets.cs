using GonPortal.Contracts.V1;
using Google.Protobuf;
using Grpc.Core;

namespace GonPortal.Portal.ServerApi;

public sealed partial class GonServerClient
{
    public Task<ServerResult<YearParametersView>> GetYearParametersAsync(int year, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(BudgetService.BudgetServiceClient.GetYearParameters), async options =>
            ToView((await budgets.GetYearParametersAsync(new GetYearParametersRequest { Year = year }, options)).YearParameters),
            cancellationToken);

    public Task<ServerResult<IReadOnlyList<YearParametersView>>> ListYearParameterVersionsAsync(int year, CancellationToken cancellationToken = default) =>
        CallAsync<IReadOnlyList<YearParametersView>>(nameof(BudgetService.BudgetServiceClient.ListYearParameterVersions), async options =>
            (await budgets.ListYearParameterVersionsAsync(new ListYearParameterVersionsRequest { Year = year, PageSize = 100 }, options))
                .YearParameters.Select(ToView).ToList(),
            cancellationToken);

    public Task<ServerResult<YearParametersView>> SetYearParametersAsync(SetYearParametersRequest request, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(BudgetService.BudgetServiceClient.SetYearParameters), async options =>
            ToView((await budgets.SetYearParametersAsync(request, options)).YearParameters),
            cancellationToken);

    public Task<ServerResult<IReadOnlyList<IndexRateView>>> ListIndexRatesAsync(CancellationToken cancellationToken = default) =>
        CallAsync<IReadOnlyList<IndexRateView>>(nameof(BudgetService.BudgetServiceClient.ListIndexRates), async options =>
            (await budgets.ListIndexRatesAsync(new ListIndexRatesRequest(), options)).IndexRates.Select(ToView).ToList(),
            cancellationToken);

    public Task<ServerResult<IndexRateView>> SetIndexRateAsync(int year, IndexKind kind, int indexBp, string source, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(BudgetService.BudgetServiceClient.SetIndexRate), async options =>
            ToView((await budgets.SetIndexRateAsync(new SetIndexRateRequest { Year = year, Kind = kind, IndexBp = indexBp, Source = source }, options)).IndexRate),
            cancellationToken);

    public Task<ServerResult<IReadOnlyList<BudgetAdjustmentView>>> ListBudgetAdjustmentsAsync(int areaId, int year, CancellationToken cancellationToken = default) =>
        CallAsync<IReadOnlyList<BudgetAdjustmentView>>(nameof(BudgetService.BudgetServiceClient.ListBudgetAdjustments), async options =>
            (await budgets.ListBudgetAdjustmentsAsync(new ListBudgetAdjustmentsRequest { AreaId = areaId, Year = year, PageSize = 500 }, options))
                .BudgetAdjustments.Select(ToView).ToList(),
            cancellationToken);

    /// <summary>Posts a ventiel adjustment; <paramref name="requestId"/> is fixed per form submission, so a repeat posts nothing new.</summary>
    public Task<ServerResult<BudgetAdjustmentView>> CreateBudgetAdjustmentAsync(
        string requestId, int areaId, int year, long amountCents, BudgetAdjustmentReason reason, string description, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(BudgetService.BudgetServiceClient.CreateBudgetAdjustment), async options =>
            ToView((await budgets.CreateBudgetAdjustmentAsync(new CreateBudgetAdjustmentRequest
            {
                RequestId = requestId,
                AreaId = areaId,
                Year = year,
                AmountCents = amountCents,
                Reason = reason,
                Description = description,
            }, options)).BudgetAdjustment),
            cancellationToken);

    /// <summary>The base lumpsums per area contract; contracts without one are listed with no amount.</summary>
    public Task<ServerResult<IReadOnlyList<BaseLumpsumView>>> ListBaseLumpsumsAsync(CancellationToken cancellationToken = default) =>
        CallAsync<IReadOnlyList<BaseLumpsumView>>(nameof(BudgetService.BudgetServiceClient.ListBaseLumpsums), async options =>
        {
            var lumpsums = (await budgets.ListBaseLumpsumsAsync(new ListBaseLumpsumsRequest(), options)).BaseLumpsums
                .ToDictionary(b => b.AreaContractId, StringComparer.Ordinal);
            var contracts = (await providers.ListAreaContractsAsync(new ListAreaContractsRequest { PageSize = 500 }, Options(cancellationToken))).AreaContracts;
            return contracts
                .Select(c => lumpsums.TryGetValue(c.Id, out var b)
                    ? new BaseLumpsumView(c.Id, c.AreaId, c.HoofdaanbiederName, b.BaseYear, b.AmountCents, ToDateTime(b.UpdatedAt))
                    : new BaseLumpsumView(c.Id, c.AreaId, c.HoofdaanbiederName, ToDateOnly(c.PeriodStart)?.Year ?? 0, null, null))
                .OrderBy(b => b.AreaId).ThenBy(b => b.BaseYear)
                .ToList();
        }, cancellationToken);

    /// <summary>Sets B; <paramref name="baseYear"/> null keeps the stored y0 (a new one gets the year before the period).</summary>
    public Task<ServerResult<long>> SetBaseLumpsumAsync(string areaContractId, long amountCents, int? baseYear = null, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(BudgetService.BudgetServiceClient.SetBaseLumpsum), async options =>
        {
            var request = new SetBaseLumpsumRequest { AreaContractId = areaContractId, AmountCents = amountCents };
            if (baseYear is { } y0)
            {
                request.BaseYear = y0;
            }
            return (await budgets.SetBaseLumpsumAsync(request, options)).BaseLumpsum.AmountCents;
        }, cancellationToken);

    public Task<ServerResult<AreaBudgetView>> GetAreaBudgetAsync(int areaId, int year, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(BudgetService.BudgetServiceClient.GetAreaBudget), async options =>
        {
            var b = (await budgets.GetAreaBudgetAsync(new GetAreaBudgetRequest { AreaId = areaId, Year = year }, options)).AreaBudget;
            return new AreaBudgetView(b.AreaId, b.Year, b.HoofdaanbiederName, ToView(b.Calculation), b.MonthlyAdvances.Select(m => (m.Month, m.AmountCents)).ToList());
        }, cancellationToken);

    public Task<ServerResult<PgbYearView>> GetPgbYearAsync(int areaId, int year, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(BudgetService.BudgetServiceClient.GetPgbYear), async options =>
        {
            var p = (await budgets.GetPgbYearAsync(new GetPgbYearRequest { AreaId = areaId, Year = year }, options)).PgbYear;
            return new PgbYearView(
                p.AreaId,
                p.Year,
                p.Baseline?.AreaContractId,
                ToDateOnly(p.Baseline?.ReferenceDate),
                p.Baseline?.ClientCount,
                p.MonthlyCounts.ToDictionary(m => m.Month, m => m.ClientCount),
                p.AverageCost?.AverageCostCents);
        }, cancellationToken);

    public Task<ServerResult<int>> SetPgbMonthlyCountAsync(int areaId, int year, int month, int count, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(BudgetService.BudgetServiceClient.SetPgbMonthlyCount), async options =>
            (await budgets.SetPgbMonthlyCountAsync(new SetPgbMonthlyCountRequest { AreaId = areaId, Year = year, Month = month, ClientCount = count }, options)).PgbMonthlyCount.ClientCount,
            cancellationToken);

    public Task<ServerResult<long>> SetPgbAverageCostAsync(int areaId, int year, long cents, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(BudgetService.BudgetServiceClient.SetPgbAverageCost), async options =>
            (await budgets.SetPgbAverageCostAsync(new SetPgbAverageCostRequest { AreaId = areaId, Year = year, AverageCostCents = cents }, options)).PgbAverageCost.AverageCostCents,
            cancellationToken);

    public Task<ServerResult<int>> SetPgbBaselineAsync(string areaContractId, DateOnly? referenceDate, int count, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(BudgetService.BudgetServiceClient.SetPgbBaseline), async options =>
            (await budgets.SetPgbBaselineAsync(new SetPgbBaselineRequest
            {
                AreaContractId = areaContractId,
                ReferenceDate = ToProtoDate(referenceDate),
                ClientCount = count,
            }, options)).PgbBaseline.ClientCount,
            cancellationToken);

    /// <summary>
    /// Imports a PGB CSV file (all or nothing). When the Server refuses lines, the result succeeds with the
    /// refused lines from the status details (gon.v1.CsvImportErrors), so the page can show them per line.
    /// </summary>
    public async Task<ServerResult<PgbImportView>> ImportPgbCsvAsync(PgbCsvKind kind, byte[] csv, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await budgets.ImportPgbCsvAsync(new ImportPgbCsvRequest { Kind = kind, Csv = ByteString.CopyFrom(csv) }, Options(cancellationToken));
            return ServerResult<PgbImportView>.Ok(new PgbImportView(response.RowCount, response.CreatedCount, response.UpdatedCount, response.UnchangedCount, []));
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.InvalidArgument && ex.GetRpcStatus()?.GetDetail<CsvImportErrors>() is { Errors.Count: > 0 } rows)
        {
            return ServerResult<PgbImportView>.Ok(new PgbImportView(0, 0, 0, 0, rows.Errors.Select(e => new CsvLineError(e.Line, e.Column, e.Message)).ToList()));
        }
        catch (RpcException ex)
        {
            LogCallFailed(logger, nameof(BudgetService.BudgetServiceClient.ImportPgbCsv), ex.StatusCode, ex);
            return ServerResult<PgbImportView>.Failed(FailureFrom(ex));
        }
    }

    public Task<ServerResult<IReadOnlyList<YearReportView>>> ListYearReportsAsync(int year, CancellationToken cancellationToken = default) =>
        CallAsync<IReadOnlyList<YearReportView>>(nameof(BudgetService.BudgetServiceClient.ListYearReports), async options =>
            (await budgets.ListYearReportsAsync(new ListYearReportsRequest { Year = year, PageSize = 500 }, options)).YearReports.Select(ToView).ToList(),
            cancellationToken);

    public Task<ServerResult<YearReportView>> GetYearReportAsync(int areaId, int year, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(BudgetService.BudgetServiceClient.GetYearReport), async options =>
            ToView((await budgets.GetYearReportAsync(new GetYearReportRequest { AreaId = areaId, Year = year }, options)).YearReport),
            cancellationToken);

    public Task<ServerResult<YearReportView>> SubmitYearReportAsync(int areaId, int year, long ownCostsCents, string note, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(BudgetService.BudgetServiceClient.SubmitYearReport), async options =>
            ToView((await budgets.SubmitYearReportAsync(new SubmitYearReportRequest
            {
                AreaId = areaId,
                Year = year,
                OwnDeliveryCostsCents = ownCostsCents,
                Note = note,
            }, options)).YearReport),
            cancellationToken);

    /// <summary>Locks the year report of one area, or of every area with a report (area 0).</summary>
    public Task<ServerResult<int>> LockYearAsync(int year, int areaId, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(BudgetService.BudgetServiceClient.LockYear), async options =>
            (await budgets.LockYearAsync(new LockYearRequest { Year = year, AreaId = areaId }, options)).YearReports.Count,
            cancellationToken);

    /// <summary>The budget position of an area from January up to a month (0: the last ended month).</summary>
    public Task<ServerResult<BudgetPositionView>> GetBudgetPositionAsync(int areaId, int year, int month, CancellationToken cancellationToken = default) =>
        CallAsync(nameof(BudgetService.BudgetServiceClient.GetBudgetPosition), async options =>
        {
            var p = (await budgets.GetBudgetPositionAsync(new GetBudgetPositionRequest { AreaId = areaId, Year = year, Month = month }, options)).BudgetPosition;
            return new BudgetPositionView(
                p.AreaId, p.Year, p.Month, p.TotalLumpsumCents, p.AdvancesToDateCents, p.SubcontractorCostsToDateCents, p.MonthsWithStatements,
                p.OwnApprovedMinutesToDate, p.OwnCostsEstimateToDateCents, p.CostsToDateCents, p.BalanceToDateCents, p.ProjectedCostsYearEndCents,
                p.PgbSettlementCents, p.PgbSettlementFinal, p.ProjectedResultYearEndCents,
                new BudgetPositionOwnUnits(p.OwnApprovedDagdelenToDate, p.OwnApprovedEtmalenToDate, p.OwnHourCostsToDateCents,
                    p.OwnDagdeelCostsToDateCents, p.OwnEtmaalCostsToDateCents, p.ReferenceHourlyRateCents, p.ReferenceDagdeelRateCents,
                    p.ReferenceEtmaalRateCents),
                p.CompleteMonths.ToList(), p.ProjectionAvailable);
        }, cancellationToken);

    private static YearParametersView ToView(YearParameters p) => new(
        p.Year, p.Version, p.ProfitCapBp, p.ReferenceHourlyRateCents, p.PgbDeadBandBp, p.PgbCompensationShareBp,
        p.BasisShareTargetBp, p.InitiativeShareTargetBp, p.SanctionBp, p.ChangeNote, ToDateTime(p.CreatedAt), p.CreatedBy,
        p.ReferenceDagdeelRateCents, p.ReferenceEtmaalRateCents);

    private static IndexRateView ToView(IndexRate r) => new(
        r.Year, r.HasPrognosisBp ? r.PrognosisBp : null, r.HasDefinitiveBp ? r.DefinitiveBp : null, r.EffectiveBp, r.EffectiveKind,
        r.PrognosisSource, r.DefinitiveSource, ToDateTime(r.UpdatedAt));

    private static BudgetAdjustmentView ToView(BudgetAdjustment a) => new(
        a.Id, a.AreaId, a.Year, a.AmountCents, a.Reason, a.Description, ToDateTime(a.CreatedAt), a.CreatedBy);

    internal static LumpsumView ToView(LumpsumCalculation c) => new(
        c.AreaId, c.Year, c.BaseYear, c.BaseLumpsumCents,
        c.Chain.Select(l => new IndexedLumpsumView(l.Year, l.IndexBp, l.IndexKind, l.LumpsumCents)).ToList(),
        c.LumpsumCents, c.AdjustmentsTotalCents, c.AdjustmentIds.Count, c.TotalLumpsumCents);

    private static YearReportView ToView(YearReport r) => new(
        r.AreaId, r.Year, r.HoofdaanbiederName, r.OwnDeliveryCostsCents, r.Note, ToDateTime(r.SubmittedAt), r.Locked, ToDateTime(r.LockedAt));
}
