using GonPortal.Contracts.V1;
using GonPortal.Server.Tests.AccessMatrix;
using GonPortal.Server.Tests.Infrastructure;
using Grpc.Core;
using static GonPortal.Server.Tests.AccessMatrix.Scenario;
using D = GonPortal.Domain.Budgets;
using DS = GonPortal.Domain.Settlements;

namespace GonPortal.Server.Tests.Settlements;

/// <summary>
/// Area 3 handed over on 1 July of a far year (settlement-rules.md §7): Oost holds January-June (181
/// days), Zuid July-December (184). The figures are those of AreaHandoverTests in the domain: B = 100,000,000
/// at y0 = the year before, i = 4.96 %, ventiel +1,000,003: Ltot = 105,960,003; PGB 493,828. Each holder
/// sees only its own advances, budget position and reconciliation; the gemeente sees both.
/// </summary>
public abstract class HandoverFlowTests(GonHosts hosts)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly Scenario _s = new(hosts);
    private readonly BudgetFixture _budget = new(hosts);
    private const int Area = 3;

    [Fact]
    public async Task One_area_two_holders_in_one_year_each_sees_its_own_share_and_the_gemeente_both()
    {
        hosts.RequireAvailable();
        // Odd years past every other test's years with contracts, index or parameters; not leap years (365 days).
        var year = 2091 + Next() % 5 * 2;
        var oost = Callers.Organisation(Callers.HaOost).Id;
        var zuid = Callers.Organisation(Callers.HaZuid).Id;
        var providers = new ProviderService.ProviderServiceClient(await hosts.InvokerFor(Callers.Gemeente));
        var gemeente = new BudgetService.BudgetServiceClient(await hosts.InvokerFor(Callers.Gemeente));

        // A handover must fall on the first of a month.
        await RpcAssert.InvalidFields(async () => await providers.CreateAreaContractAsync(new()
        {
            RequestId = Guid.NewGuid().ToString(), AreaId = Area, HoofdaanbiederId = zuid.ToString(),
            PeriodStart = Date(year, 7, 15), PeriodEnd = Date(year, 12, 31),
        }), "period_start");
        var first = (await providers.CreateAreaContractAsync(new()
        {
            RequestId = Guid.NewGuid().ToString(), AreaId = Area, HoofdaanbiederId = oost.ToString(),
            PeriodStart = Date(year, 1, 1), PeriodEnd = Date(year, 6, 30),
        })).AreaContract;
        var second = (await providers.CreateAreaContractAsync(new()
        {
            RequestId = Guid.NewGuid().ToString(), AreaId = Area, HoofdaanbiederId = zuid.ToString(),
            PeriodStart = Date(year, 7, 1), PeriodEnd = Date(year + 2, 12, 31),
        })).AreaContract;

        // Both contracts' base year defaults to the year before; the year's Ltot comes from the contract covering its end.
        await gemeente.SetBaseLumpsumAsync(new() { AreaContractId = first.Id, AmountCents = 100_000_000 });
        Assert.Equal(year - 1, (await gemeente.SetBaseLumpsumAsync(new() { AreaContractId = second.Id, AmountCents = 100_000_000 })).BaseLumpsum.BaseYear);
        await gemeente.SetIndexRateAsync(new() { Year = year, Kind = IndexKind.Prognosis, IndexBp = 496 });
        await gemeente.CreateBudgetAdjustmentAsync(new()
        {
            RequestId = Guid.NewGuid().ToString(), AreaId = Area, Year = year, AmountCents = 1_000_003,
            Reason = BudgetAdjustmentReason.PgbZinShift, Description = "Verschuiving PGB naar zorg in natura",
        });

        // Advances: each hoofdaanbieder only its own months, the gemeente every month.
        var oostBudget = new BudgetService.BudgetServiceClient(await hosts.InvokerFor(Callers.HaOost));
        var zuidBudget = new BudgetService.BudgetServiceClient(await hosts.InvokerFor(Callers.HaZuid));
        var all = (await gemeente.GetAreaBudgetAsync(new() { AreaId = Area, Year = year })).AreaBudget;
        Assert.Equal(105_960_003, all.Calculation.TotalLumpsumCents);
        Assert.Equal(Enumerable.Range(1, 12), all.MonthlyAdvances.Select(a => a.Month));
        Assert.Equal(105_960_003, all.MonthlyAdvances.Sum(a => a.AmountCents));
        Assert.Equal((8_757_429L, 8_902_575L), (all.MonthlyAdvances[5].AmountCents, all.MonthlyAdvances[6].AmountCents));
        Assert.Equal([(oost.ToString(), 181, 52_544_549L), (zuid.ToString(), 184, 53_415_454L)],
            all.HolderShares.Select(h => (h.HoofdaanbiederId, h.DaysHeld, h.LumpsumShareCents)));
        var mine = (await oostBudget.GetAreaBudgetAsync(new() { AreaId = Area, Year = year })).AreaBudget;
        Assert.Equal([1, 2, 3, 4, 5, 6], mine.MonthlyAdvances.Select(a => a.Month));
        Assert.Equal([8_757_424L, 8_757_424L, 8_757_424L, 8_757_424L, 8_757_424L, 8_757_429L], mine.MonthlyAdvances.Select(a => a.AmountCents));
        Assert.Equal(oost.ToString(), Assert.Single(mine.HolderShares).HoofdaanbiederId);
        Assert.Equal((oost.ToString(), zuid.ToString()), (mine.HoofdaanbiederId, all.HoofdaanbiederId));
        var theirs = (await zuidBudget.GetAreaBudgetAsync(new() { AreaId = Area, Year = year })).AreaBudget;
        Assert.Equal((7, 12, 8_902_579L), (theirs.MonthlyAdvances[0].Month, theirs.MonthlyAdvances[^1].Month, theirs.MonthlyAdvances[^1].AmountCents));
        Assert.Equal(zuid.ToString(), Assert.Single(theirs.HolderShares).HoofdaanbiederId);

        // PGB: P0 = 100 on the new holder's contract, 96 every month, C = 123,457: 493,828; then its final run.
        await _budget.WithDbAsync(db =>
        {
            db.PgbBaselines.Add(D.PgbBaseline.Create(Guid.Parse(second.Id), Area, new DateOnly(year, 7, 1), 100, "test", Now));
            db.PgbMonthlyCounts.AddRange(Enumerable.Range(1, 12).Select(m => D.PgbMonthlyCount.Create(Area, year, m, 96, "test", Now)));
            db.PgbAverageCosts.Add(D.PgbAverageCost.Create(Area, year, 123_457, "test", Now));
            return Task.CompletedTask;
        });
        Assert.Equal(SettlementRunState.Succeeded, (await _s.RunAsync(SettlementRunKind.PgbFinal, Area, year)).State);

        // Budget positions: none for Zuid before July; each its own advances and shares; the gemeente either.
        var early = await RpcAssert.Fails(StatusCode.FailedPrecondition, async () =>
            await zuidBudget.GetBudgetPositionAsync(new() { AreaId = Area, Year = year, Month = 6 }));
        Assert.Equal("HOLDING_NOT_STARTED", early.GetRpcStatus()!.GetDetail<Google.Rpc.ErrorInfo>()!.Reason);
        var z = (await zuidBudget.GetBudgetPositionAsync(new() { AreaId = Area, Year = year, Month = 10 })).BudgetPosition;
        Assert.Equal((zuid.ToString(), 7, 12), (z.HoofdaanbiederId, z.FirstHeldMonth, z.LastHeldMonth));
        Assert.Equal((53_415_454L, 248_943L, 493_828L), (z.LumpsumShareCents, z.PgbShareCents, z.PgbSettlementCents));
        Assert.Equal(4 * 8_902_575L, z.AdvancesToDateCents);
        var o = (await oostBudget.GetBudgetPositionAsync(new() { AreaId = Area, Year = year, Month = 9 })).BudgetPosition;
        Assert.Equal((oost.ToString(), 1, 6), (o.HoofdaanbiederId, o.FirstHeldMonth, o.LastHeldMonth));
        Assert.Equal((52_544_549L, 244_885L, 52_544_549L), (o.LumpsumShareCents, o.PgbShareCents, o.AdvancesToDateCents));
        await RpcAssert.InvalidFields(async () =>
            await oostBudget.GetBudgetPositionAsync(new() { AreaId = Area, Year = year, Month = 9, HoofdaanbiederId = zuid.ToString() }), "hoofdaanbieder_id");
        var holderOfSeptember = (await gemeente.GetBudgetPositionAsync(new() { AreaId = Area, Year = year, Month = 9 })).BudgetPosition;
        Assert.Equal((zuid.ToString(), 3 * 8_902_575L), (holderOfSeptember.HoofdaanbiederId, holderOfSeptember.AdvancesToDateCents));
        var named = (await gemeente.GetBudgetPositionAsync(new() { AreaId = Area, Year = year, Month = 9, HoofdaanbiederId = oost.ToString() })).BudgetPosition;
        Assert.Equal((o.AdvancesToDateCents, o.CostsToDateCents, o.LumpsumShareCents), (named.AdvancesToDateCents, named.CostsToDateCents, named.LumpsumShareCents));

        // Reconciliation: a year report of each holder, the year's parameters, and every month's statements
        // (the far year's months have not ended, so their succeeded statement runs are written directly).
        await _budget.ParametersAsync(year, 6_500, sanctionBp: 100);
        // A far year's report cannot be submitted yet (not a future year), so each holder's is written directly.
        Task Report(Guid holder, long cents) => _budget.WithDbAsync(db =>
        {
            db.YearReports.Add(D.YearReport.Submit(Area, year, holder, cents, "test", "test", Now));
            return Task.CompletedTask;
        });
        await Report(oost, 38_000_000);
        var settlements = await _s.Settlements(Callers.Gemeente);
        var noReport = await RpcAssert.Fails(StatusCode.FailedPrecondition, async () =>
            await settlements.StartSettlementRunAsync(SettlementScenario.Start(SettlementRunKind.Reconciliation, Area, year)));
        Assert.Contains(zuid.ToString(), noReport.Status.Detail, StringComparison.Ordinal);
        await Report(zuid, 41_000_000);
        Assert.Equal(2, (await gemeente.ListYearReportsAsync(new() { AreaId = Area, Year = year })).YearReports.Count);
        await _budget.WithDbAsync(db =>
        {
            foreach (var m in Enumerable.Range(1, 12))
            {
                var run = DS.SettlementRun.Queue(Guid.NewGuid(), DS.SettlementKind.SubcontractorStatements, 0, year, m, DS.SettlementTrigger.Api, "test", Now, TimeSpan.FromMinutes(1));
                run.Claim(Now, TimeSpan.FromMinutes(1));
                run.Succeed(0, 0, 0, Now);
                db.SettlementRuns.Add(run);
            }
            return Task.CompletedTask;
        });
        var reconciliation = await _s.RunAsync(SettlementRunKind.Reconciliation, Area, year);
        Assert.Equal((SettlementRunState.Succeeded, 2), (reconciliation.State, reconciliation.NewRevisionCount));

        var oostSettlements = await _s.Settlements(Callers.HaOost);
        var a = (await oostSettlements.GetReconciliationAsync(new() { AreaId = Area, Year = year })).Reconciliation;
        Assert.Equal(oost.ToString(), a.HoofdaanbiederId);
        // R_A = 52,544,549 + 244,885 = 52,789,434; K = 38,000,000 (no statements); A = round(0.03 * R_A) = 1,583,683.
        Assert.Equal((52_544_549L, 244_885L, 52_789_434L), (a.TotalLumpsumCents, a.PgbAmountCents, a.RevenueCents));
        Assert.Equal((38_000_000L, 14_789_434L, 1_583_683L), (a.CostsCents, a.ResultCents, a.ProfitCapCents));
        // Targets on the day before the handover; a missed one costs round(0.01 * 52,544,549) = 525,445.
        Assert.Equal(Date(year, 6, 30), a.TargetDate);
        Assert.Equal((181, Date(year, 1, 1), Date(year, 6, 30), 493_828L, 105_960_003L),
            (a.HolderShare.DaysHeld, a.HolderShare.HeldFrom, a.HolderShare.HeldTo, a.AreaPgbAmountCents, a.Lumpsum.TotalLumpsumCents));
        Assert.Equal(a.BasisShare.Status == TargetStatus.Missed ? 525_445 : 0, a.BasisShareSanctionCents);
        Assert.Equal(Math.Min(a.ResultCents, a.StaffShortageCents), a.StaffShortageReclaimCents);
        Assert.Equal(a.StaffShortageReclaimCents + a.ExcessProfitCents + a.SanctionsCents, a.RepaymentCents);
        // No hour of the far year was delivered: every arrangement of Oost's is short by its allocation clipped to January-June.
        Assert.Equal("0", a.DeliveredHours.Numerator);

        var zuidSettlements = await _s.Settlements(Callers.HaZuid);
        var b = (await zuidSettlements.GetReconciliationAsync(new() { AreaId = Area, Year = year })).Reconciliation;
        // R_B = 53,415,454 + 248,943 = 53,664,397; W = 12,664,397; A = round(1,609,931.91) = 1,609,932; no arrangements of Zuid's:
        // M = 0, E = 12,664,397 - 1,609,932 = 11,054,465; no clients on 31 December: targets not assessed, no sanction.
        Assert.Equal((zuid.ToString(), 53_415_454L, 248_943L, 53_664_397L), (b.HoofdaanbiederId, b.TotalLumpsumCents, b.PgbAmountCents, b.RevenueCents));
        Assert.Equal((12_664_397L, 1_609_932L, 0, 11_054_465L, 0L, 11_054_465L),
            (b.ResultCents, b.ProfitCapCents, b.HourArrangementCount, b.ExcessProfitCents, b.SanctionsCents, b.RepaymentCents));
        Assert.Equal(Date(year, 12, 31), b.TargetDate);

        // Each sees only its own; the gemeente names the holder.
        await RpcAssert.Fails(StatusCode.NotFound, async () =>
            await oostSettlements.GetReconciliationAsync(new() { AreaId = Area, Year = year, HoofdaanbiederId = zuid.ToString() }));
        await RpcAssert.InvalidFields(async () => await settlements.GetReconciliationAsync(new() { AreaId = Area, Year = year }), "hoofdaanbieder_id");
        var seenA = (await settlements.GetReconciliationAsync(new() { AreaId = Area, Year = year, HoofdaanbiederId = oost.ToString() })).Reconciliation;
        var seenB = (await settlements.GetReconciliationAsync(new() { AreaId = Area, Year = year, HoofdaanbiederId = zuid.ToString() })).Reconciliation;
        Assert.Equal((a.Id, a.RepaymentCents, b.Id, b.RepaymentCents), (seenA.Id, seenA.RepaymentCents, seenB.Id, seenB.RepaymentCents));

        // A rerun stores nothing new for either holder.
        var rows = await _s.RowsAsync();
        var rerun = await _s.RunAsync(SettlementRunKind.Reconciliation, Area, year);
        Assert.Equal((0, 2), (rerun.NewRevisionCount, rerun.UnchangedCount));
        Assert.Equal(rows, await _s.RowsAsync());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteHandoverFlowTests(SqliteHosts hosts) : HandoverFlowTests(hosts);

[Collection(PostgresCollection.Name)]
public sealed class PostgresHandoverFlowTests(PostgresHosts hosts) : HandoverFlowTests(hosts);
