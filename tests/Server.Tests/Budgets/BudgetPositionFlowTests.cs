using GonPortal.Contracts.V1;
using GonPortal.Server.Tests.AccessMatrix;
using GonPortal.Server.Tests.Hours;
using GonPortal.Server.Tests.Infrastructure;
using GonPortal.Server.Tests.Settlements;
using Grpc.Core;

namespace GonPortal.Server.Tests.Budgets;

/// <summary>
/// GetBudgetPosition against figures read independently through the API: the advances from
/// GetAreaBudget, the statements from SettlementService, the PGB settlement, the reference rate. The
/// collection shares one database, so the own-hours figure is checked as a difference before/after.
/// </summary>
public abstract class BudgetPositionFlowTests(GonHosts hosts)
{
    private readonly Scenario _s = new(hosts);

    [Fact]
    public async Task The_position_adds_up_statements_own_hours_and_the_pgb_settlement()
    {
        hosts.RequireAvailable();
        var stadse = new BudgetService.BudgetServiceClient(await hosts.InvokerFor(Callers.HaStadse));
        var before = (await stadse.GetBudgetPositionAsync(new() { AreaId = 1, Year = 2027, Month = 8 })).BudgetPosition;

        // Own staff: 75 minutes in August on an arrangement Stadse executes itself, approved.
        var own = await _s.Active();
        var haHours = await _s.Hours(Callers.HaStadse);
        var ownEntry = (await haHours.BatchCreateHourEntriesAsync(new() { Entries = { HourScenario.Entry(own, 8, 4, 75) } })).HourEntries.Single();
        await haHours.ApproveHourEntriesAsync(new() { HourEntryIds = { ownEntry.Id } });
        // Subcontractor: 45 minutes in August by De Linde, approved, and August's statements run.
        var (executed, _) = await _s.ActiveExecutedBy(1);
        var delinde = await _s.Hours(Callers.OaDeLinde);
        var theirs = (await delinde.BatchCreateHourEntriesAsync(new() { Entries = { HourScenario.Entry(executed, 8, 5, 45) } })).HourEntries.Single();
        await haHours.ApproveHourEntriesAsync(new() { HourEntryIds = { theirs.Id } });
        await _s.RunAsync(SettlementRunKind.SubcontractorStatements, 0, 2027, 8);

        var p = (await stadse.GetBudgetPositionAsync(new() { AreaId = 1, Year = 2027, Month = 8 })).BudgetPosition;
        Assert.Equal((1, 2027, 8), (p.AreaId, p.Year, p.Month));
        Assert.Equal(75, p.OwnApprovedMinutesToDate - before.OwnApprovedMinutesToDate);

        var budget = (await stadse.GetAreaBudgetAsync(new() { AreaId = 1, Year = 2027 })).AreaBudget;
        Assert.Equal(budget.Calculation.TotalLumpsumCents, p.TotalLumpsumCents);
        Assert.Equal(budget.MonthlyAdvances.Take(8).Sum(a => a.AmountCents), p.AdvancesToDateCents);

        var settlements = await _s.Settlements(Callers.HaStadse);
        var statements = (await settlements.ListSubcontractorStatementsAsync(new() { Year = 2027, PageSize = 500 })).SubcontractorStatements;
        var expectedSubcontractor = statements.Where(s => s.Month <= 8).SelectMany(s => s.Lines).Where(l => l.AreaId == 1).Sum(l => l.AmountCents);
        Assert.Equal(expectedSubcontractor, p.SubcontractorCostsToDateCents);
        Assert.InRange(p.MonthsWithStatements, 1, 8);

        var rate = (await stadse.GetYearParametersAsync(new() { Year = 2027 })).YearParameters.ReferenceHourlyRateCents;
        var ownEstimate = (long)Math.Round(p.OwnApprovedMinutesToDate * (decimal)rate / 60m, MidpointRounding.AwayFromZero);
        Assert.Equal(ownEstimate, p.OwnCostsEstimateToDateCents);
        Assert.Equal(expectedSubcontractor + ownEstimate, p.CostsToDateCents);
        Assert.Equal(p.AdvancesToDateCents - p.CostsToDateCents, p.BalanceToDateCents);
        Assert.Equal((long)Math.Round(p.CostsToDateCents * 12m / 8m, MidpointRounding.AwayFromZero), p.ProjectedCostsYearEndCents);

        var (pgb, final) = await LatestPgbAsync(settlements);
        Assert.Equal((pgb, final), (p.PgbSettlementCents, p.PgbSettlementFinal));
        Assert.Equal(p.TotalLumpsumCents + pgb - p.ProjectedCostsYearEndCents, p.ProjectedResultYearEndCents);

        // The gemeente sees the same figures (its read of Stadse's statements and hours is audited).
        var gemeente = new BudgetService.BudgetServiceClient(await hosts.InvokerFor(Callers.Gemeente));
        var seen = (await gemeente.GetBudgetPositionAsync(new() { AreaId = 1, Year = 2027, Month = 8 })).BudgetPosition;
        Assert.Equal(p.CostsToDateCents, seen.CostsToDateCents);
        Assert.Equal(p.ProjectedResultYearEndCents, seen.ProjectedResultYearEndCents);
    }

    [Fact]
    public async Task Month_0_means_the_last_ended_month_and_a_year_without_one_is_refused()
    {
        hosts.RequireAvailable();
        var gemeente = new BudgetService.BudgetServiceClient(await hosts.InvokerFor(Callers.Gemeente));
        // The test clock stands at 2028-01-15: all of 2027 has ended, nothing of 2028 has.
        Assert.Equal(12, (await gemeente.GetBudgetPositionAsync(new() { AreaId = 2, Year = 2027 })).BudgetPosition.Month);
        var refused = await RpcAssert.Fails(StatusCode.FailedPrecondition, async () =>
            await gemeente.GetBudgetPositionAsync(new() { AreaId = 2, Year = 2028 }));
        Assert.Contains("No month of 2028 has ended", refused.Status.Detail, StringComparison.Ordinal);
        await RpcAssert.Fails(StatusCode.InvalidArgument, async () =>
            await gemeente.GetBudgetPositionAsync(new() { AreaId = 2, Year = 2027, Month = 13 }));
    }

    private static async Task<(long Cents, bool Final)> LatestPgbAsync(SettlementService.SettlementServiceClient settlements)
    {
        foreach (var (kind, final) in new[] { (SettlementRunKind.PgbFinal, true), (SettlementRunKind.PgbProvisional, false) })
        {
            try
            {
                var s = (await settlements.GetPgbSettlementAsync(new() { AreaId = 1, Year = 2027, Kind = kind })).PgbSettlement;
                return (s.PgbAmountCents, final);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
            }
        }
        return (0, false);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteBudgetPositionFlowTests(SqliteHosts hosts) : BudgetPositionFlowTests(hosts);

[Collection(PostgresCollection.Name)]
public sealed class PostgresBudgetPositionFlowTests(PostgresHosts hosts) : BudgetPositionFlowTests(hosts);
