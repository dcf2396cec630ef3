using System.Text;
using Google.Protobuf;
using GonPortal.Contracts.V1;
using GonPortal.Server.Data;
using GonPortal.Server.Tests.Infrastructure;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GonPortal.Server.Tests.AccessMatrix.Scenario;
using static GonPortal.Server.Tests.Budgets.BudgetScenario;
using D = GonPortal.Domain.Budgets;

namespace GonPortal.Server.Tests.Budgets;

/// <summary>
/// Budget data through the real API. The database is shared with the demo data and other tests
/// (tests of one collection run one after another), so each test sets the figures it relies on first.
/// Area 3 (Oost) carries the lumpsum tests; areas 1 and 2 (Stadse) the year reports; area 4 and the
/// years 2026 and 2099 belong to the access matrix.
/// </summary>
public abstract class BudgetFlowTests(GonHosts hosts)
{
    private async Task<List<D.BudgetChange>> Changes(D.BudgetFigure figure)
    {
        using var scope = hosts.ServerServices.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GonDbContext>();
        return await db.BudgetChanges.AsNoTracking().Where(c => c.Figure == figure).ToListAsync();
    }

    private async Task<int> AdjustmentCount()
    {
        using var scope = hosts.ServerServices.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<GonDbContext>().BudgetAdjustments.CountAsync();
    }

    [Fact]
    public async Task The_demo_budget_gives_every_area_a_lumpsum_and_advances()
    {
        hosts.RequireAvailable();
        var gemeente = await BudgetClient(hosts, Callers.Gemeente);
        foreach (var area in new[] { 1, 2, 3, 4 })
        {
            var budget = (await gemeente.GetAreaBudgetAsync(new() { AreaId = area, Year = 2027 })).AreaBudget;
            Assert.True(budget.Calculation.BaseLumpsumCents > 100_000_000);
            Assert.Equal(12, budget.MonthlyAdvances.Count);
            Assert.Equal(budget.Calculation.TotalLumpsumCents, budget.MonthlyAdvances.Sum(m => m.AmountCents));
        }
        var pgb = (await gemeente.GetPgbYearAsync(new() { AreaId = 2, Year = 2027 })).PgbYear;
        Assert.Equal(12, pgb.MonthlyCounts.Count);
        Assert.NotNull(pgb.Baseline);
        Assert.NotNull(pgb.AverageCost);
        // The seeded version is version 1; other tests of the collection may have saved later versions of 2027.
        var seeded = (await gemeente.ListYearParameterVersionsAsync(new() { Year = 2027, PageSize = 500 })).YearParameters.Single(v => v.Version == 1);
        Assert.Equal(6_250, seeded.ReferenceHourlyRateCents);
    }

    [Fact]
    public async Task A_base_lumpsum_is_set_read_back_and_its_history_kept_and_an_equal_value_writes_nothing()
    {
        hosts.RequireAvailable();
        var contract = await DemoContract(hosts, 3);
        var gemeente = await BudgetClient(hosts, Callers.Gemeente);
        var amount = 300_000_000L + Next();
        var set = (await gemeente.SetBaseLumpsumAsync(new() { AreaContractId = contract.Id, AmountCents = amount })).BaseLumpsum;
        Assert.Equal((3, 2027, amount, contract.HoofdaanbiederId), (set.AreaId, set.BaseYear, set.AmountCents, set.HoofdaanbiederId));
        var listed = (await gemeente.ListBaseLumpsumsAsync(new() { AreaId = 3 })).BaseLumpsums;
        Assert.Equal(amount, Assert.Single(listed, b => b.AreaContractId == contract.Id).AmountCents);

        var before = (await Changes(D.BudgetFigure.BaseLumpsum)).Count;
        await gemeente.SetBaseLumpsumAsync(new() { AreaContractId = contract.Id, AmountCents = amount + 1 });
        await gemeente.SetBaseLumpsumAsync(new() { AreaContractId = contract.Id, AmountCents = amount + 1 });
        var changes = await Changes(D.BudgetFigure.BaseLumpsum);
        Assert.Equal(before + 1, changes.Count);
        var last = changes.OrderBy(c => c.ChangedAt).Last();
        Assert.Equal(($"{amount}", $"{amount + 1}", "SetBaseLumpsum"), (last.OldValue, last.NewValue, last.Source));
        Assert.False(string.IsNullOrEmpty(last.ChangedBy));

        var oost = await BudgetClient(hosts, Callers.HaOost);
        // Other tests on the same hosts give Oost contracts of its own in far years (HandoverFlowTests): look at this one.
        var own = (await oost.ListBaseLumpsumsAsync(new())).BaseLumpsums;
        Assert.All(own, b => Assert.Equal(contract.HoofdaanbiederId, b.HoofdaanbiederId));
        Assert.Equal(amount + 1, Assert.Single(own, b => b.AreaContractId == contract.Id).AmountCents);
        await RpcAssert.Fails(StatusCode.PermissionDenied, async () => await oost.ListBaseLumpsumsAsync(new() { AreaId = 1 }));
        await RpcAssert.Fails(StatusCode.NotFound, async () =>
            await gemeente.SetBaseLumpsumAsync(new() { AreaContractId = Guid.NewGuid().ToString(), AmountCents = 1 }));
    }

    [Fact]
    public async Task A_definitive_index_replaces_the_prognosis_and_changes_later_years()
    {
        hosts.RequireAvailable();
        var contract = await DemoContract(hosts, 3);
        var gemeente = await BudgetClient(hosts, Callers.Gemeente);
        await gemeente.SetBaseLumpsumAsync(new() { AreaContractId = contract.Id, AmountCents = 300_000_000 });
        await gemeente.SetIndexRateAsync(new() { Year = 2028, Kind = IndexKind.Prognosis, IndexBp = 400, Source = "VNG advies juni 2027" });
        await gemeente.SetIndexRateAsync(new() { Year = 2029, Kind = IndexKind.Prognosis, IndexBp = 300 });
        var before = (await gemeente.GetAreaBudgetAsync(new() { AreaId = 3, Year = 2029 })).AreaBudget.Calculation;
        // 300,000,000 * 1.04 = 312,000,000; * 1.03 = 321,360,000 (unless the definitive figure was entered by an earlier run of this test)
        Assert.Equal(2, before.Chain.Count);

        var rate = (await gemeente.SetIndexRateAsync(new() { Year = 2028, Kind = IndexKind.Definitive, IndexBp = 250, Source = "CBS" })).IndexRate;
        Assert.Equal((400, 250, 250, IndexKind.Definitive), (rate.PrognosisBp, rate.DefinitiveBp, rate.EffectiveBp, rate.EffectiveKind));
        var y2028 = (await gemeente.GetAreaBudgetAsync(new() { AreaId = 3, Year = 2028 })).AreaBudget.Calculation;
        var step = Assert.Single(y2028.Chain);
        Assert.Equal((250, IndexKind.Definitive, 307_500_000L), (step.IndexBp, step.IndexKind, step.LumpsumCents));
        var y2029 = (await gemeente.GetAreaBudgetAsync(new() { AreaId = 3, Year = 2029 })).AreaBudget.Calculation;
        // 307,500,000 * 1.03 = 316,725,000
        Assert.Equal(316_725_000, y2029.LumpsumCents);
        Assert.Equal([IndexKind.Definitive, IndexKind.Prognosis], y2029.Chain.Select(c => c.IndexKind));

        var listed = (await gemeente.ListIndexRatesAsync(new() { YearFrom = 2028, YearTo = 2029 })).IndexRates;
        Assert.Equal([2028, 2029], listed.Select(r => r.Year));
        var history = await Changes(D.BudgetFigure.IndexDefinitive);
        Assert.Contains(history, c => c.Year == 2028 && c.NewValue == "250 CBS");
    }

    [Fact]
    public async Task A_ventiel_adjustment_counts_only_in_its_own_year_and_is_idempotent_on_request_id()
    {
        hosts.RequireAvailable();
        var gemeente = await BudgetClient(hosts, Callers.Gemeente);
        await gemeente.SetIndexRateAsync(new() { Year = 2028, Kind = IndexKind.Prognosis, IndexBp = 400 });
        await gemeente.SetIndexRateAsync(new() { Year = 2029, Kind = IndexKind.Prognosis, IndexBp = 300 });
        var before2028 = (await gemeente.GetAreaBudgetAsync(new() { AreaId = 3, Year = 2028 })).AreaBudget.Calculation;
        var before2029 = (await gemeente.GetAreaBudgetAsync(new() { AreaId = 3, Year = 2029 })).AreaBudget.Calculation;

        var request = new CreateBudgetAdjustmentRequest
        {
            RequestId = $"test-{Guid.NewGuid():N}", AreaId = 3, Year = 2028, AmountCents = -1_234_567,
            Reason = BudgetAdjustmentReason.Ageing, Description = "Minder ouderen dan verwacht",
        };
        var adjustment = (await gemeente.CreateBudgetAdjustmentAsync(request)).BudgetAdjustment;
        var again = (await gemeente.CreateBudgetAdjustmentAsync(request)).BudgetAdjustment;
        Assert.Equal(adjustment.Id, again.Id);
        request.AmountCents = 5;
        await RpcAssert.InvalidFields(async () => await gemeente.CreateBudgetAdjustmentAsync(request), "request_id");

        var after2028 = (await gemeente.GetAreaBudgetAsync(new() { AreaId = 3, Year = 2028 })).AreaBudget;
        Assert.Equal(before2028.LumpsumCents, after2028.Calculation.LumpsumCents);
        Assert.Equal(before2028.TotalLumpsumCents - 1_234_567, after2028.Calculation.TotalLumpsumCents);
        Assert.Contains(adjustment.Id, after2028.Calculation.AdjustmentIds);
        Assert.Equal(after2028.Calculation.TotalLumpsumCents, after2028.MonthlyAdvances.Sum(m => m.AmountCents));
        var after2029 = (await gemeente.GetAreaBudgetAsync(new() { AreaId = 3, Year = 2029 })).AreaBudget.Calculation;
        Assert.Equal((before2029.LumpsumCents, before2029.TotalLumpsumCents), (after2029.LumpsumCents, after2029.TotalLumpsumCents));

        var listed = (await gemeente.ListBudgetAdjustmentsAsync(new() { AreaId = 3, Year = 2028 })).BudgetAdjustments;
        Assert.Single(listed, a => a.Id == adjustment.Id);
        var oost = await BudgetClient(hosts, Callers.HaOost);
        Assert.Contains((await oost.ListBudgetAdjustmentsAsync(new())).BudgetAdjustments, a => a.Id == adjustment.Id);
        var stadse = await BudgetClient(hosts, Callers.HaStadse);
        Assert.DoesNotContain((await stadse.ListBudgetAdjustmentsAsync(new())).BudgetAdjustments, a => a.Id == adjustment.Id);
    }

    [Fact]
    public async Task Invalid_writes_name_every_bad_field_and_store_nothing()
    {
        hosts.RequireAvailable();
        var gemeente = await BudgetClient(hosts, Callers.Gemeente);
        var adjustments = await AdjustmentCount();
        await RpcAssert.InvalidFields(async () => await gemeente.CreateBudgetAdjustmentAsync(new()
            { RequestId = $"test-{Guid.NewGuid():N}", AreaId = 9, Year = 1999, AmountCents = 0, Description = "x" }),
            "area_id", "year", "amount_cents", "reason", "description");
        Assert.Equal(adjustments, await AdjustmentCount());
        await RpcAssert.InvalidFields(async () => await gemeente.SetPgbMonthlyCountAsync(new() { AreaId = 0, Year = 1999, Month = 0, ClientCount = -1 }),
            "area_id", "year", "month", "client_count");
        // The test clock is 2028-01-15: January 2028 has not ended.
        var notEnded = await RpcAssert.InvalidFields(async () => await gemeente.SetPgbMonthlyCountAsync(new() { AreaId = 3, Year = 2028, Month = 1, ClientCount = 4 }),
            "month");
        Assert.Contains("has not ended", notEnded[0].Description);
        await RpcAssert.InvalidFields(async () => await gemeente.SetIndexRateAsync(new() { Year = 2028, IndexBp = 9_999, Source = new string('x', 201) }),
            "kind", "index_bp", "source");
        await RpcAssert.InvalidFields(async () => await gemeente.SetBaseLumpsumAsync(new() { AreaContractId = "nope", AmountCents = 0 }),
            "area_contract_id", "amount_cents");
        await RpcAssert.InvalidFields(async () => await gemeente.SetPgbBaselineAsync(new()
            { AreaContractId = Guid.NewGuid().ToString(), ReferenceDate = Date(2027, 2, 30), ClientCount = -1 }),
            "reference_date", "client_count");
        await RpcAssert.InvalidFields(async () => await gemeente.SetPgbAverageCostAsync(new() { AreaId = 3, Year = 2027, AverageCostCents = -1 }),
            "average_cost_cents");
        await RpcAssert.InvalidFields(async () => await gemeente.SetYearParametersAsync(new() { Year = 2029, ProfitCapBp = 10_001, SanctionBp = -1 }),
            "profit_cap_bp", "reference_hourly_rate_cents", "sanction_bp", "change_note");
        Assert.Equal(0, (await gemeente.ListYearParameterVersionsAsync(new() { Year = 2029 })).YearParameters.Count(p => p.ProfitCapBp == 10_001));
    }

    [Fact]
    public async Task Pgb_figures_set_one_by_one_are_read_back_with_history()
    {
        hosts.RequireAvailable();
        var gemeente = await BudgetClient(hosts, Callers.Gemeente);
        var contract = await DemoContract(hosts, 3);
        var count = 100 + Next() % 100;
        await gemeente.SetPgbMonthlyCountAsync(new() { AreaId = 3, Year = 2027, Month = 6, ClientCount = count });
        await gemeente.SetPgbAverageCostAsync(new() { AreaId = 3, Year = 2027, AverageCostCents = 1_900_000 + count });
        await gemeente.SetPgbBaselineAsync(new() { AreaContractId = contract.Id, ReferenceDate = Date(2027, 1, 1), ClientCount = count });
        var pgb = (await (await BudgetClient(hosts, Callers.HaOost)).GetPgbYearAsync(new() { AreaId = 3, Year = 2027 })).PgbYear;
        Assert.Equal(count, Assert.Single(pgb.MonthlyCounts, m => m.Month == 6).ClientCount);
        Assert.Equal(1_900_000 + count, pgb.AverageCost.AverageCostCents);
        Assert.Equal((count, 2027), (pgb.Baseline.ClientCount, pgb.Baseline.ReferenceDate.Year));
        Assert.Contains(await Changes(D.BudgetFigure.PgbMonthlyCount), c => c.AreaId == 3 && c.Month == 6 && c.NewValue == $"{count}" && c.Source == "SetPgbMonthlyCount");
        await RpcAssert.Fails(StatusCode.PermissionDenied, async () => await (await BudgetClient(hosts, Callers.HaStadse)).GetPgbYearAsync(new() { AreaId = 3, Year = 2027 }));
    }

    [Fact]
    public async Task A_csv_import_creates_then_replaces_and_counts_unchanged_rows()
    {
        hosts.RequireAvailable();
        var gemeente = await BudgetClient(hosts, Callers.Gemeente);
        var year = 2010 + Next() % 15; // a year of its own, so the first import only creates
        var csv = $"area_id,year,month,client_count\n3,{year},1,40\n3,{year},2,41\n3,{year},3,42\n";
        var first = await gemeente.ImportPgbCsvAsync(new() { Kind = PgbCsvKind.MonthlyCounts, Csv = ByteString.CopyFromUtf8(csv) });
        Assert.Equal((3, 3, 0, 0), (first.RowCount, first.CreatedCount, first.UpdatedCount, first.UnchangedCount));
        var second = await gemeente.ImportPgbCsvAsync(new() { Kind = PgbCsvKind.MonthlyCounts, Csv = ByteString.CopyFromUtf8(csv.Replace(",42\n", ",45\n")) });
        Assert.Equal((3, 0, 1, 2), (second.RowCount, second.CreatedCount, second.UpdatedCount, second.UnchangedCount));
        var pgb = (await gemeente.GetPgbYearAsync(new() { AreaId = 3, Year = year })).PgbYear;
        Assert.Equal([40, 41, 45], pgb.MonthlyCounts.Select(m => m.ClientCount));
        Assert.Contains(await Changes(D.BudgetFigure.PgbMonthlyCount), c => c.Year == year && c.OldValue == "42" && c.NewValue == "45" && c.Source == "ImportPgbCsv");
    }

    [Fact]
    public async Task A_semicolon_file_with_a_bom_imports_average_costs_and_baselines()
    {
        hosts.RequireAvailable();
        var gemeente = await BudgetClient(hosts, Callers.Gemeente);
        var year = 2010 + Next() % 15;
        var bom = Encoding.UTF8.GetPreamble();
        var costs = bom.Concat(Encoding.UTF8.GetBytes($"area_id;year;average_cost_cents\r\n1;{year};1800000\r\n2;{year};1700000\r\n")).ToArray();
        var result = await gemeente.ImportPgbCsvAsync(new() { Kind = PgbCsvKind.AverageCosts, Csv = ByteString.CopyFrom(costs) });
        Assert.Equal(2, result.RowCount);
        Assert.Equal(1_700_000, (await gemeente.GetPgbYearAsync(new() { AreaId = 2, Year = year })).PgbYear.AverageCost.AverageCostCents);

        var contract = await DemoContract(hosts, 2);
        var baselines = $"area_contract_id;reference_date;client_count\n{contract.Id};2027-01-01;{300 + Next() % 50}\n";
        var imported = await gemeente.ImportPgbCsvAsync(new() { Kind = PgbCsvKind.Baselines, Csv = ByteString.CopyFromUtf8(baselines) });
        Assert.Equal(1, imported.RowCount);
    }

    [Fact]
    public async Task A_bad_csv_file_lists_every_bad_line_and_stores_nothing()
    {
        hosts.RequireAvailable();
        var gemeente = await BudgetClient(hosts, Callers.Gemeente);
        var year = 2010 + Next() % 15;
        var csv = $"area_id,year,month,client_count\n1,{year},1,40\n1,{year},13,41\n7,{year},2,4\n1,{year},1,3\n1,{year},4,-5\n";
        var e = await RpcAssert.Fails(StatusCode.InvalidArgument, async () =>
            await gemeente.ImportPgbCsvAsync(new() { Kind = PgbCsvKind.MonthlyCounts, Csv = ByteString.CopyFromUtf8(csv) }));
        var status = e.GetRpcStatus()!;
        var rows = status.GetDetail<CsvImportErrors>();
        Assert.NotNull(rows);
        Assert.Equal([(3, "month"), (4, "area_id"), (5, ""), (6, "client_count")], rows.Errors.Select(r => (r.Line, r.Column)));
        Assert.Equal("month 13 is not 1-12", rows.Errors[0].Message);
        Assert.Equal("csv", Assert.Single(status.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations).Field);
        Assert.Empty((await gemeente.GetPgbYearAsync(new() { AreaId = 1, Year = year })).PgbYear.MonthlyCounts);

        var unknown = $"area_contract_id,reference_date,client_count\n{Guid.NewGuid()},2027-01-01,3\n";
        var e2 = await RpcAssert.Fails(StatusCode.InvalidArgument, async () =>
            await gemeente.ImportPgbCsvAsync(new() { Kind = PgbCsvKind.Baselines, Csv = ByteString.CopyFromUtf8(unknown) }));
        Assert.Equal("area_contract_id", Assert.Single(e2.GetRpcStatus()!.GetDetail<CsvImportErrors>()!.Errors).Column);
        await RpcAssert.InvalidFields(async () => await gemeente.ImportPgbCsvAsync(new() { Csv = ByteString.CopyFromUtf8(csv) }), "kind");
    }

    [Fact]
    public async Task The_holding_hoofdaanbieder_submits_and_replaces_its_year_report_and_the_gemeente_reads_it_audited()
    {
        hosts.RequireAvailable();
        var stadse = await BudgetClient(hosts, Callers.HaStadse);
        var costs = 200_000_000L + Next();
        var first = (await stadse.SubmitYearReportAsync(new() { AreaId = 1, Year = 2027, OwnDeliveryCostsCents = costs, Note = "Eerste versie" })).YearReport;
        Assert.Equal((Callers.Organisation(Callers.HaStadse).Id.ToString(), false), (first.HoofdaanbiederId, first.Locked));
        var replaced = (await stadse.SubmitYearReportAsync(new() { AreaId = 1, Year = 2027, OwnDeliveryCostsCents = costs + 5, Note = "Gecorrigeerd" })).YearReport;
        Assert.Equal((costs + 5, "Gecorrigeerd"), (replaced.OwnDeliveryCostsCents, replaced.Note));
        Assert.Equal(costs + 5, (await stadse.GetYearReportAsync(new() { AreaId = 1, Year = 2027 })).YearReport.OwnDeliveryCostsCents);
        Assert.Contains(await Changes(D.BudgetFigure.YearReport), c => c.AreaId == 1 && c.Year == 2027 && c.OldValue == $"{costs}" && c.NewValue == $"{costs + 5}");

        var gemeente = await BudgetClient(hosts, Callers.Gemeente, purpose: "Jaarafrekening 2027");
        Assert.Equal(costs + 5, (await gemeente.GetYearReportAsync(new() { AreaId = 1, Year = 2027 })).YearReport.OwnDeliveryCostsCents);
        var audit = new AuditService.AuditServiceClient(await hosts.InvokerFor(Callers.Gemeente));
        var entries = await audit.ListAuditEntriesAsync(new() { PageSize = 200 });
        Assert.Contains(entries.Entries, e => e.Resource == "YearReport area 1 2027" && e.Access == "read");
        Assert.Contains((await gemeente.ListYearReportsAsync(new() { Year = 2027 })).YearReports, r => r.AreaId == 1);
    }

    [Fact]
    public async Task A_year_report_is_refused_for_another_area_and_a_future_year_and_hidden_from_others()
    {
        hosts.RequireAvailable();
        await EnsureYearReport(hosts, Callers.HaStadse, 1, 2027);
        var oost = await BudgetClient(hosts, Callers.HaOost);
        await RpcAssert.Fails(StatusCode.PermissionDenied, async () =>
            await oost.SubmitYearReportAsync(new() { AreaId = 1, Year = 2027, OwnDeliveryCostsCents = 1 }));
        // Not PERMISSION_DENIED: whether another hoofdaanbieder reported is not the caller's business.
        await RpcAssert.Fails(StatusCode.NotFound, async () => await oost.GetYearReportAsync(new() { AreaId = 1, Year = 2027 }));
        await RpcAssert.Fails(StatusCode.NotFound, async () => await oost.GetYearReportAsync(new() { AreaId = 2, Year = 2026 }));
        Assert.DoesNotContain((await oost.ListYearReportsAsync(new())).YearReports, r => r.AreaId == 1);
        var stadse = await BudgetClient(hosts, Callers.HaStadse);
        await RpcAssert.InvalidFields(async () => await stadse.SubmitYearReportAsync(new() { AreaId = 1, Year = 2029, OwnDeliveryCostsCents = -1 }),
            "year", "own_delivery_costs_cents");
    }

    [Fact]
    public async Task A_locked_year_report_can_no_longer_be_replaced()
    {
        hosts.RequireAvailable();
        await EnsureYearReport(hosts, Callers.HaStadse, 2, 2027);
        var gemeente = await BudgetClient(hosts, Callers.Gemeente);
        var locked = Assert.Single((await gemeente.LockYearAsync(new() { Year = 2027, AreaId = 2 })).YearReports);
        Assert.True(locked.Locked);
        Assert.NotNull(locked.LockedAt);
        var again = Assert.Single((await gemeente.LockYearAsync(new() { Year = 2027, AreaId = 2 })).YearReports);
        Assert.Equal(locked.LockedAt, again.LockedAt);
        var stadse = await BudgetClient(hosts, Callers.HaStadse);
        await RpcAssert.Fails(StatusCode.FailedPrecondition, async () =>
            await stadse.SubmitYearReportAsync(new() { AreaId = 2, Year = 2027, OwnDeliveryCostsCents = 1 }));
        Assert.True((await stadse.GetYearReportAsync(new() { AreaId = 2, Year = 2027 })).YearReport.Locked);
        await RpcAssert.Fails(StatusCode.FailedPrecondition, async () => await gemeente.LockYearAsync(new() { Year = 2026, AreaId = 3 }));
        Assert.Empty((await gemeente.LockYearAsync(new() { Year = 2026 })).YearReports);
    }

    [Fact]
    public async Task Year_parameters_keep_every_version_newest_first_and_default_to_version_0()
    {
        hosts.RequireAvailable();
        var gemeente = await BudgetClient(hosts, Callers.Gemeente);
        var year = 2031 + Next() % 60;
        var defaults = (await gemeente.GetYearParametersAsync(new() { Year = year })).YearParameters;
        Assert.Equal((0, 300, 0L, 10_000), (defaults.Version, defaults.ProfitCapBp, defaults.ReferenceHourlyRateCents, defaults.PgbCompensationShareBp));
        var request = new SetYearParametersRequest
        {
            Year = year, ProfitCapBp = 300, ReferenceHourlyRateCents = 6_250, PgbCompensationShareBp = 10_000,
            BasisShareTargetBp = 7_000, InitiativeShareTargetBp = 1_500, ChangeNote = "Eerste vaststelling",
        };
        Assert.Equal(1, (await gemeente.SetYearParametersAsync(request)).YearParameters.Version);
        request.ReferenceHourlyRateCents = 6_500;
        request.ChangeNote = "Cao-verhoging";
        Assert.Equal(2, (await gemeente.SetYearParametersAsync(request)).YearParameters.Version);
        var inForce = (await (await BudgetClient(hosts, Callers.HaZuid)).GetYearParametersAsync(new() { Year = year })).YearParameters;
        Assert.Equal((2, 6_500L), (inForce.Version, inForce.ReferenceHourlyRateCents));
        var versions = (await gemeente.ListYearParameterVersionsAsync(new() { Year = year })).YearParameters;
        Assert.Equal([2, 1], versions.Select(p => p.Version));
        Assert.Equal("Eerste vaststelling", versions[1].ChangeNote);
    }

    [Fact]
    public async Task The_area_budget_names_what_is_missing()
    {
        hosts.RequireAvailable();
        var gemeente = await BudgetClient(hosts, Callers.Gemeente);
        var providers = new ProviderService.ProviderServiceClient(await hosts.InvokerFor(Callers.Gemeente));
        var ha = (await providers.CreateProviderAsync(NewProvider(OrganisationKind.Hoofdaanbieder))).Provider;
        var start = 2040 + Next() % 20 * 2; // 2040-2079, two years each
        var contract = (await providers.CreateAreaContractAsync(new()
        {
            RequestId = Guid.NewGuid().ToString(), AreaId = 1, HoofdaanbiederId = ha.Id,
            PeriodStart = Date(start, 1, 1), PeriodEnd = Date(start + 1, 12, 31),
        })).AreaContract;
        var noBase = await RpcAssert.Fails(StatusCode.FailedPrecondition, async () => await gemeente.GetAreaBudgetAsync(new() { AreaId = 1, Year = start }));
        Assert.Contains("base lumpsum", noBase.Status.Detail);
        // y0 inside the period (its first year), so L(start) = B without an index.
        await gemeente.SetBaseLumpsumAsync(new() { AreaContractId = contract.Id, AmountCents = 120_000_000, BaseYear = start });
        Assert.Equal(10_000_000, (await gemeente.GetAreaBudgetAsync(new() { AreaId = 1, Year = start })).AreaBudget.MonthlyAdvances[0].AmountCents);
        var noIndex = await RpcAssert.Fails(StatusCode.FailedPrecondition, async () => await gemeente.GetAreaBudgetAsync(new() { AreaId = 1, Year = start + 1 }));
        Assert.Contains($"year {start + 1} has no index", noIndex.Status.Detail);
        await RpcAssert.Fails(StatusCode.NotFound, async () => await gemeente.GetAreaBudgetAsync(new() { AreaId = 1, Year = 2099 }));
    }

    [Fact]
    public async Task Onderaannemers_and_wij_get_permission_denied()
    {
        hosts.RequireAvailable();
        foreach (var caller in new[] { Callers.OaDeLinde, Callers.Wij })
        {
            var client = await BudgetClient(hosts, caller);
            await RpcAssert.Fails(StatusCode.PermissionDenied, async () => await client.GetYearParametersAsync(new() { Year = 2027 }));
            await RpcAssert.Fails(StatusCode.PermissionDenied, async () => await client.GetAreaBudgetAsync(new() { AreaId = 1, Year = 2027 }));
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteBudgetFlowTests(SqliteHosts hosts) : BudgetFlowTests(hosts);

[Collection(PostgresCollection.Name)]
public sealed class PostgresBudgetFlowTests(PostgresHosts hosts) : BudgetFlowTests(hosts);
