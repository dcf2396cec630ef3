using GonPortal.Contracts.V1;
using GonPortal.Server.Tests.AccessMatrix;
using GonPortal.Server.Tests.Infrastructure;
using GonPortal.Server.Tests.Settlements;
using Grpc.Core;
using static GonPortal.Server.Tests.AccessMatrix.Scenario;
using D = GonPortal.Domain.Budgets;
using DS = GonPortal.Domain.Settlements;

namespace GonPortal.Server.Tests.YearOverview;

/// <summary>
/// The gemeente's year overview against the RPCs each of its figures comes from, read independently through the
/// API at the same moment: GetAreaBudget, GetBudgetPosition (advances paid, PGB), GetPgbSettlement, ListSubcontractorStatements,
/// ListYearReports and GetReconciliation. Once for the demo year, once for an area handed over in a far year with
/// a reconciliation run for each holder. Every other role is refused.
/// </summary>
public abstract class YearOverviewFlowTests(GonHosts hosts)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly Scenario _s = new(hosts);
    private readonly BudgetFixture _budget = new(hosts);

    private async Task<YearOverviewService.YearOverviewServiceClient> Overview(string caller) => new(await hosts.InvokerFor(caller));

    [Fact]
    public async Task The_demo_year_shows_every_area_with_the_figures_of_the_single_rpcs()
    {
        hosts.RequireAvailable();
        var overview = await (await Overview(Callers.Gemeente)).GetYearOverviewAsync(new() { Year = 2027 });
        var budgets = new BudgetService.BudgetServiceClient(await hosts.InvokerFor(Callers.Gemeente));
        var settlements = await _s.Settlements(Callers.Gemeente);
        var statements = await StatementsAsync(settlements, 2027);

        Assert.Equal(2027, overview.Year);
        Assert.Equal([1, 2, 3, 4], overview.Areas.Select(a => a.AreaId));
        Assert.All(overview.Areas, a => Assert.False(string.IsNullOrWhiteSpace(a.AreaName)));
        foreach (var area in overview.Areas)
        {
            var budget = (await budgets.GetAreaBudgetAsync(new() { AreaId = area.AreaId, Year = 2027 })).AreaBudget;
            Assert.Equal(YearOverviewLumpsumState.Computed, area.LumpsumState);
            Assert.Equal(budget, area.AreaBudget);
            // 2027 has ended on the server's date (2028-01-15): every advance is paid.
            Assert.Equal((12, budget.Calculation.TotalLumpsumCents, 0L), (area.EndedMonths, area.AdvancesPaidCents, area.AdvancesPlannedCents));

            var holder = Assert.Single(area.Holders);
            Assert.Equal(budget.HoofdaanbiederId, holder.HoofdaanbiederId);
            Assert.Equal(budget.HoofdaanbiederName, holder.HoofdaanbiederName);
            Assert.Equal((budget.Calculation.TotalLumpsumCents, 365), (holder.Share.LumpsumShareCents, holder.Share.DaysHeld));
            Assert.Equal(budget.MonthlyAdvances, holder.Share.MonthlyAdvances);

            // Paid advances are the budget position's advances to date of the last ended month; its PGB the latest settlement's.
            var position = (await budgets.GetBudgetPositionAsync(new() { AreaId = area.AreaId, Year = 2027, HoofdaanbiederId = holder.HoofdaanbiederId })).BudgetPosition;
            Assert.Equal((12, position.AdvancesToDateCents), (position.Month, holder.AdvancesPaidCents));

            var pgb = await LatestPgbAsync(settlements, area.AreaId, 2027);
            Assert.Equal(pgb, area.PgbSettlement);
            Assert.Equal(pgb?.PgbAmountCents ?? 0, holder.PgbShareCents);
            Assert.Equal(position.PgbSettlementCents, holder.PgbShareCents);

            var lines = statements.Select(s => (s.HoofdaanbiederId, Cents: s.Lines.Where(l => l.AreaId == area.AreaId).Sum(l => l.AmountCents),
                Has: s.Lines.Any(l => l.AreaId == area.AreaId))).Where(s => s.Has).ToList();
            Assert.Equal((lines.Sum(l => l.Cents), lines.Count), (area.StatementsTotalCents, area.StatementCount));
            Assert.Equal(lines.Where(l => l.HoofdaanbiederId == holder.HoofdaanbiederId).Sum(l => l.Cents), holder.StatementsCents);

            var report = (await budgets.ListYearReportsAsync(new() { AreaId = area.AreaId, Year = 2027 })).YearReports
                .SingleOrDefault(r => r.HoofdaanbiederId == holder.HoofdaanbiederId);
            Assert.Equal(report, holder.YearReport);
            Assert.Equal(await ReconciliationAsync(settlements, area.AreaId, 2027, holder.HoofdaanbiederId), holder.Reconciliation);
        }
    }

    [Fact]
    public async Task A_handed_over_year_shows_each_holders_share_and_reconciliation()
    {
        hosts.RequireAvailable();
        // Area 4 in 2098: no other test gives area 4 a contract in a far year. Not a leap year.
        const int area = 4, year = 2098;
        var oost = Callers.Organisation(Callers.HaOost).Id;
        var zuid = Callers.Organisation(Callers.HaZuid).Id;
        var providers = new ProviderService.ProviderServiceClient(await hosts.InvokerFor(Callers.Gemeente));
        var budgets = new BudgetService.BudgetServiceClient(await hosts.InvokerFor(Callers.Gemeente));
        var client = await Overview(Callers.Gemeente);

        // Before any contract: nothing is computed, and the overview says so instead of failing.
        var empty = (await client.GetYearOverviewAsync(new() { Year = year })).Areas.Single(a => a.AreaId == area);
        Assert.Equal((YearOverviewLumpsumState.NoAreaContract, 0), (empty.LumpsumState, empty.Holders.Count));
        Assert.Null(empty.AreaBudget);

        var first = (await providers.CreateAreaContractAsync(new()
        {
            RequestId = Guid.NewGuid().ToString(), AreaId = area, HoofdaanbiederId = zuid.ToString(),
            PeriodStart = Date(year, 1, 1), PeriodEnd = Date(year, 4, 30),
        })).AreaContract;
        var second = (await providers.CreateAreaContractAsync(new()
        {
            RequestId = Guid.NewGuid().ToString(), AreaId = area, HoofdaanbiederId = oost.ToString(),
            PeriodStart = Date(year, 5, 1), PeriodEnd = Date(year + 1, 12, 31),
        })).AreaContract;

        // Contracts without a base lumpsum: the state names the missing input, as GetAreaBudget's refusal does.
        var missing = (await client.GetYearOverviewAsync(new() { Year = year })).Areas.Single(a => a.AreaId == area);
        var refusal = await RpcAssert.Fails(StatusCode.FailedPrecondition, async () => await budgets.GetAreaBudgetAsync(new() { AreaId = area, Year = year }));
        Assert.Equal((YearOverviewLumpsumState.InputMissing, "BASE_LUMPSUM"), (missing.LumpsumState, missing.LumpsumMissingInput));
        Assert.Equal("BASE_LUMPSUM", refusal.GetRpcStatus()!.GetDetail<Google.Rpc.ErrorInfo>()!.Metadata["input"]);
        Assert.Equal([zuid.ToString(), oost.ToString()], missing.Holders.Select(h => h.HoofdaanbiederId));
        Assert.All(missing.Holders, h => Assert.Null(h.Share));

        await budgets.SetBaseLumpsumAsync(new() { AreaContractId = first.Id, AmountCents = 90_000_000 });
        await budgets.SetBaseLumpsumAsync(new() { AreaContractId = second.Id, AmountCents = 120_000_000 });
        await budgets.SetIndexRateAsync(new() { Year = year, Kind = IndexKind.Prognosis, IndexBp = 312 });
        await _budget.WithDbAsync(db =>
        {
            db.PgbBaselines.Add(D.PgbBaseline.Create(Guid.Parse(second.Id), area, new DateOnly(year, 5, 1), 80, "test", Now));
            db.PgbMonthlyCounts.AddRange(Enumerable.Range(1, 12).Select(m => D.PgbMonthlyCount.Create(area, year, m, 71, "test", Now)));
            db.PgbAverageCosts.Add(D.PgbAverageCost.Create(area, year, 150_001, "test", Now));
            db.YearReports.Add(D.YearReport.Submit(area, year, zuid, 29_000_000, "test", "test", Now));
            db.YearReports.Add(D.YearReport.Submit(area, year, oost, 70_500_000, "test", "test", Now));
            // The far year's months have not ended, so their succeeded statement runs are written directly.
            foreach (var m in Enumerable.Range(1, 12))
            {
                var run = DS.SettlementRun.Queue(Guid.NewGuid(), DS.SettlementKind.SubcontractorStatements, 0, year, m, DS.SettlementTrigger.Api, "test", Now, TimeSpan.FromMinutes(1));
                run.Claim(Now, TimeSpan.FromMinutes(1));
                run.Succeed(0, 0, 0, Now);
                db.SettlementRuns.Add(run);
            }
            return Task.CompletedTask;
        });
        await _budget.ParametersAsync(year, 6_800, sanctionBp: 100);
        Assert.Equal(SettlementRunState.Succeeded, (await _s.RunAsync(SettlementRunKind.PgbFinal, area, year)).State);
        var run = await _s.RunAsync(SettlementRunKind.Reconciliation, area, year);
        Assert.Equal((SettlementRunState.Succeeded, 2), (run.State, run.NewRevisionCount));

        var overview = await client.GetYearOverviewAsync(new() { Year = year });
        var a = overview.Areas.Single(x => x.AreaId == area);
        var budget = (await budgets.GetAreaBudgetAsync(new() { AreaId = area, Year = year })).AreaBudget;
        var settlements = await _s.Settlements(Callers.Gemeente);
        Assert.Equal(YearOverviewLumpsumState.Computed, a.LumpsumState);
        Assert.Equal(budget, a.AreaBudget);
        Assert.Equal(await LatestPgbAsync(settlements, area, year), a.PgbSettlement);
        Assert.Equal(SettlementRunKind.PgbFinal, a.PgbSettlement.Kind);
        // The year lies ahead of the server's date: nothing paid yet, every advance planned, no budget position.
        Assert.Equal((0, 0L, budget.Calculation.TotalLumpsumCents), (a.EndedMonths, a.AdvancesPaidCents, a.AdvancesPlannedCents));
        await RpcAssert.Fails(StatusCode.FailedPrecondition, async () =>
            await budgets.GetBudgetPositionAsync(new() { AreaId = area, Year = year, HoofdaanbiederId = zuid.ToString() }));

        Assert.Equal([zuid.ToString(), oost.ToString()], a.Holders.Select(h => h.HoofdaanbiederId));
        var reports = (await budgets.ListYearReportsAsync(new() { AreaId = area, Year = year })).YearReports;
        foreach (var (holder, i) in a.Holders.Select((h, i) => (h, i)))
        {
            var expectedShare = budget.HolderShares[i];
            Assert.Equal((expectedShare.HoofdaanbiederId, expectedShare.DaysHeld, expectedShare.LumpsumShareCents),
                (holder.Share.HoofdaanbiederId, holder.Share.DaysHeld, holder.Share.LumpsumShareCents));
            Assert.Equal(expectedShare.MonthlyAdvances, holder.Share.MonthlyAdvances);
            Assert.Equal((expectedShare.HeldFrom, expectedShare.HeldTo), (holder.Share.HeldFrom, holder.Share.HeldTo));
            Assert.Equal((0L, holder.Share.LumpsumShareCents), (holder.AdvancesPaidCents, holder.AdvancesPlannedCents));
            Assert.Equal(reports.Single(r => r.HoofdaanbiederId == holder.HoofdaanbiederId), holder.YearReport);

            var reconciliation = await ReconciliationAsync(settlements, area, year, holder.HoofdaanbiederId);
            Assert.NotNull(reconciliation);
            Assert.Equal(reconciliation, holder.Reconciliation);
            // PGB_h of the overview is the share the reconciliation settled with.
            Assert.Equal(reconciliation.PgbAmountCents, holder.PgbShareCents);
            Assert.Equal(reconciliation.HolderShare.LumpsumShareCents, holder.Share.LumpsumShareCents);
        }
        Assert.Equal((120, 245), (a.Holders[0].Share.DaysHeld, a.Holders[1].Share.DaysHeld));
        Assert.Equal(a.PgbSettlement.PgbAmountCents, a.Holders.Sum(h => h.PgbShareCents));
        Assert.Equal(budget.Calculation.TotalLumpsumCents, a.Holders.Sum(h => h.Share.LumpsumShareCents));
    }

    [Fact]
    public async Task Only_the_gemeente_gets_the_overview_and_a_bad_year_is_refused()
    {
        hosts.RequireAvailable();
        foreach (var caller in new[] { Callers.HaStadse, Callers.OaDeLinde, Callers.Wij })
        {
            var client = await Overview(caller);
            await RpcAssert.Fails(StatusCode.PermissionDenied, async () => await client.GetYearOverviewAsync(new() { Year = 2027 }));
        }
        var gemeente = await Overview(Callers.Gemeente);
        await RpcAssert.InvalidFields(async () => await gemeente.GetYearOverviewAsync(new() { Year = 1999 }), "year");
        await RpcAssert.InvalidFields(async () => await gemeente.GetYearOverviewAsync(new()), "year");
    }

    private static async Task<List<SubcontractorStatement>> StatementsAsync(SettlementService.SettlementServiceClient client, int year)
    {
        var list = new List<SubcontractorStatement>();
        var token = "";
        do
        {
            var page = await client.ListSubcontractorStatementsAsync(new() { Year = year, PageSize = 500, PageToken = token });
            list.AddRange(page.SubcontractorStatements);
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return list;
    }

    /// <summary>The final PGB settlement, else the provisional one, else none.</summary>
    private static async Task<PgbSettlement?> LatestPgbAsync(SettlementService.SettlementServiceClient client, int area, int year)
    {
        foreach (var kind in new[] { SettlementRunKind.PgbFinal, SettlementRunKind.PgbProvisional })
        {
            try
            {
                return (await client.GetPgbSettlementAsync(new() { AreaId = area, Year = year, Kind = kind })).PgbSettlement;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
            }
        }
        return null;
    }

    private static async Task<Reconciliation?> ReconciliationAsync(SettlementService.SettlementServiceClient client, int area, int year, string holder)
    {
        try
        {
            return (await client.GetReconciliationAsync(new() { AreaId = area, Year = year, HoofdaanbiederId = holder })).Reconciliation;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteYearOverviewFlowTests(SqliteHosts hosts) : YearOverviewFlowTests(hosts);

[Collection(PostgresCollection.Name)]
public sealed class PostgresYearOverviewFlowTests(PostgresHosts hosts) : YearOverviewFlowTests(hosts);
