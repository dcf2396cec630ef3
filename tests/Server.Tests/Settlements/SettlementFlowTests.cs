using GonPortal.Contracts.V1;
using GonPortal.Server.Tests.AccessMatrix;
using GonPortal.Server.Tests.Hours;
using GonPortal.Server.Tests.Infrastructure;
using Grpc.Core;

namespace GonPortal.Server.Tests.Settlements;

/// <summary>
/// Settlement runs through Hangfire via StartSettlementRun, followed with GetSettlementRun: amounts
/// against hand-computed figures, reruns, revisions, preconditions, exclusivity, faults and visibility.
/// Each test uses its own month or area so the tests of the collection do not see each other's runs.
/// </summary>
public abstract class SettlementFlowTests(GonHosts hosts)
{
    private readonly Scenario _s = new(hosts);
    private readonly BudgetFixture _budget = new(hosts);

    [Fact]
    public async Task Statements_match_hand_computed_amounts_a_rerun_stores_nothing_and_a_new_approval_gives_revision_2()
    {
        hosts.RequireAvailable();
        var (arrangement, subcontract) = await _s.ActiveExecutedBy(1);
        var delinde = await _s.Hours(Callers.OaDeLinde);
        var entries = (await delinde.BatchCreateHourEntriesAsync(new()
        {
            Entries = { HourScenario.Entry(arrangement, 5, 3, 90), HourScenario.Entry(arrangement, 5, 10, 47), HourScenario.Entry(arrangement, 5, 17, 30) },
        })).HourEntries;
        var ha = await _s.Hours(Callers.HaStadse);
        await ha.ApproveHourEntriesAsync(new() { HourEntryIds = { entries[0].Id, entries[1].Id } });

        var first = await _s.RunAsync(SettlementRunKind.SubcontractorStatements, 0, 2027, 5);
        Assert.Equal(SettlementRunState.Succeeded, first.State);
        Assert.Equal("1.1", first.RulesVersion);
        Assert.Equal(100, first.ProgressPercent);
        var settlements = await _s.Settlements(Callers.HaStadse);
        var statement = (await settlements.GetSubcontractorStatementAsync(new() { SubcontractId = subcontract.Id, Year = 2027, Month = 5 })).SubcontractorStatement;
        var line = Assert.Single(statement.Lines);
        // 90 + 47 = 137 approved minutes at EUR 65.00 an hour: 6,500 * 137 / 60 = 14,841.67 → 14,842 cents.
        Assert.Equal((1, Product.Begeleiding, Unit.Hour, 6_500L, 137L, 14_842L, 2), (line.AreaId, line.Product, line.Unit, line.RateCents, line.Quantity, line.AmountCents, line.EntryCount));
        Assert.Equal(14_842, statement.TotalCents);
        Assert.Equal(1, statement.Revision);
        Assert.False(statement.Superseded);
        Assert.Equal(first.Id, statement.SettlementRunId);

        var rows = await _s.RowsAsync();
        var again = await _s.RunAsync(SettlementRunKind.SubcontractorStatements, 0, 2027, 5);
        Assert.Equal(SettlementRunState.Succeeded, again.State);
        Assert.Equal(0, again.NewRevisionCount);
        Assert.Equal(first.NewRevisionCount + first.UnchangedCount, again.UnchangedCount);
        Assert.Equal(rows, await _s.RowsAsync());

        await ha.ApproveHourEntriesAsync(new() { HourEntryIds = { entries[2].Id } });
        var changed = await _s.RunAsync(SettlementRunKind.SubcontractorStatements, 0, 2027, 5);
        Assert.Equal(1, changed.NewRevisionCount);
        var revision2 = (await settlements.GetSubcontractorStatementAsync(new() { SubcontractId = subcontract.Id, Year = 2027, Month = 5 })).SubcontractorStatement;
        // 167 minutes: 6,500 * 167 / 60 = 18,091.67 → 18,092 cents.
        Assert.Equal((2, 18_092L, 3), (revision2.Revision, revision2.TotalCents, revision2.Lines[0].EntryCount));
        var revision1 = (await settlements.GetSubcontractorStatementAsync(new() { SubcontractId = subcontract.Id, Year = 2027, Month = 5, Revision = 1 })).SubcontractorStatement;
        Assert.True(revision1.Superseded);
        Assert.Equal(14_842, revision1.TotalCents);
        var revisions = (await settlements.ListSettlementRevisionsAsync(new()
        {
            Kind = SettlementRunKind.SubcontractorStatements, Year = 2027, Month = 5, SubcontractId = subcontract.Id,
        })).Revisions;
        Assert.Equal([2, 1], revisions.Select(r => r.Revision));
        Assert.Equal([false, true], revisions.Select(r => r.Superseded));
    }

    [Fact]
    public async Task Pgb_final_is_refused_with_missing_months_and_provisional_final_and_revisions_follow_the_inputs()
    {
        hosts.RequireAvailable();
        const int area = 4;
        // A parameter version without dead-band, so the hand-computed figures below hold whatever the demo data set.
        await _budget.ParametersAsync(2027, 6_250);
        await _budget.PgbAsync(area, 100, BudgetFixture.Months(1, 10, 90), 500_000);
        var gemeente = await _s.Settlements(Callers.Gemeente);
        var refused = await RpcAssert.Fails(StatusCode.FailedPrecondition, async () =>
            await gemeente.StartSettlementRunAsync(SettlementScenario.Start(SettlementRunKind.PgbFinal, area, 2027)));
        Assert.Contains("months 11, 12 are missing", refused.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain((await gemeente.ListSettlementRunsAsync(new() { Kind = SettlementRunKind.PgbFinal, AreaId = area })).SettlementRuns,
            r => r.State is SettlementRunState.Queued or SettlementRunState.Running);

        // P = 90, D = 100 - 90 = 10, PGB = 1 * 10 * 5,000.00 = 50,000.00 euro.
        var provisional = await _s.RunAsync(SettlementRunKind.PgbProvisional, area, 2027);
        Assert.Equal((SettlementRunState.Succeeded, 1), (provisional.State, provisional.Revision));
        var zuid = await _s.Settlements(Callers.HaZuid);
        var p = (await zuid.GetPgbSettlementAsync(new() { AreaId = area, Year = 2027, Kind = SettlementRunKind.PgbProvisional })).PgbSettlement;
        Assert.Equal((10, 900L, 5_000_000L, "1.1", 2027), (p.MonthsUsed, p.MonthlyCountSum, p.PgbAmountCents, p.RulesVersion, p.Parameters.Year));

        await _budget.SetCountAsync(area, 11, 90);
        await _budget.SetCountAsync(area, 12, 90);
        var final = await _s.RunAsync(SettlementRunKind.PgbFinal, area, 2027);
        Assert.Equal((SettlementRunState.Succeeded, 1, 1), (final.State, final.Revision, final.NewRevisionCount));
        var rows = await _s.RowsAsync();
        var rerun = await _s.RunAsync(SettlementRunKind.PgbFinal, area, 2027);
        Assert.Equal((1, 0, 1), (rerun.Revision, rerun.NewRevisionCount, rerun.UnchangedCount));
        Assert.Equal(rows, await _s.RowsAsync());

        // December 78: sum 1,068, P = 89, D = 11 → 55,000.00 euro.
        await _budget.SetCountAsync(area, 12, 78);
        Assert.Equal(2, (await _s.RunAsync(SettlementRunKind.PgbFinal, area, 2027)).Revision);
        // s = 0.5 in a new version of the year parameters → 27,500.00 euro.
        await _budget.ParametersAsync(2027, 5_000, compensationShareBp: 5_000);
        Assert.Equal(3, (await _s.RunAsync(SettlementRunKind.PgbFinal, area, 2027)).Revision);
        var current = (await zuid.GetPgbSettlementAsync(new() { AreaId = area, Year = 2027, Kind = SettlementRunKind.PgbFinal })).PgbSettlement;
        Assert.Equal((3, 2_750_000L, 5_000, false), (current.Revision, current.PgbAmountCents, current.PgbCompensationShareBp, current.Superseded));
        var second = (await zuid.GetPgbSettlementAsync(new() { AreaId = area, Year = 2027, Kind = SettlementRunKind.PgbFinal, Revision = 2 })).PgbSettlement;
        Assert.Equal((5_500_000L, true), (second.PgbAmountCents, second.Superseded));
        await RpcAssert.Fails(StatusCode.NotFound, async () =>
            await (await _s.Settlements(Callers.HaStadse)).GetPgbSettlementAsync(new() { AreaId = area, Year = 2027, Kind = SettlementRunKind.PgbFinal }));
    }

    [Fact]
    public async Task Reconciliation_is_refused_without_final_pgb_and_then_lists_every_figure()
    {
        hosts.RequireAvailable();
        const int area = 3;
        var oost = Callers.Organisation(Callers.HaOost).Id;
        await _budget.LumpsumAsync(area, 1_200_000_000);
        await _budget.YearReportAsync(area, oost, 900_000_000);
        await _budget.ParametersAsync(2027, 5_000);
        var gemeente = await _s.Settlements(Callers.Gemeente);
        var refused = await RpcAssert.Fails(StatusCode.FailedPrecondition, async () =>
            await gemeente.StartSettlementRunAsync(SettlementScenario.Start(SettlementRunKind.Reconciliation, area, 2027)));
        Assert.Contains("PGB_FINAL", refused.Status.Detail, StringComparison.Ordinal);

        await _budget.PgbAsync(area, 50, BudgetFixture.Months(1, 12, 48), 1_000_000);
        Assert.Equal(SettlementRunState.Succeeded, (await _s.RunAsync(SettlementRunKind.PgbFinal, area, 2027)).State);
        // Rules 1.1 §4: every month's statements first (StatementCompletenessFlowTests covers the refusals).
        for (var m = 1; m <= 12; m++)
        {
            await _s.RunAsync(SettlementRunKind.SubcontractorStatements, 0, 2027, m);
        }
        var run = await _s.RunAsync(SettlementRunKind.Reconciliation, area, 2027);
        Assert.Equal(SettlementRunState.Succeeded, run.State);
        var r = (await (await _s.Settlements(Callers.HaOost)).GetReconciliationAsync(new() { AreaId = area, Year = 2027 })).Reconciliation;
        // PGB: P0 50 - P 48 = 2 clients * 10,000.00 euro = 20,000.00 euro.
        Assert.Equal((1_200_000_000L, 2_000_000L, 1_202_000_000L), (r.TotalLumpsumCents, r.PgbAmountCents, r.RevenueCents));
        Assert.Equal(r.SubcontractorCostsCents + 900_000_000, r.CostsCents);
        Assert.Equal(r.RevenueCents - r.CostsCents, r.ResultCents);
        Assert.Equal(36_060_000, r.ProfitCapCents); // 0.03 * 1,202,000,000
        Assert.Equal(r.StaffShortageReclaimCents + r.ExcessProfitCents + r.SanctionsCents, r.RepaymentCents);
        Assert.Equal(new Google.Type.Date { Year = 2027, Month = 12, Day = 31 }, r.TargetDate);
        Assert.Equal(5_000, r.ReferenceHourlyRateCents);
        Assert.Equal(oost.ToString(), r.HoofdaanbiederId);
        Assert.Equal("1.1", r.RulesVersion);
        var lines = (await gemeente.ListStaffShortageLinesAsync(new() { ReconciliationId = r.Id, PageSize = 500 })).Lines;
        Assert.Equal(r.HourArrangementCount, lines.Count);
        // Pages show names, not ids: the client of each line and the onderaannemer of each statement used.
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.False(string.IsNullOrWhiteSpace(l.ClientDisplayName), $"no client name on line {l.ArrangementId}"));
        var ownLines = (await (await _s.Settlements(Callers.HaOost)).ListStaffShortageLinesAsync(new() { ReconciliationId = r.Id, PageSize = 500 })).Lines;
        Assert.Equal(lines.Select(l => l.ClientDisplayName).Order(), ownLines.Select(l => l.ClientDisplayName).Order());
        Assert.All(r.StatementsUsed, s => Assert.False(string.IsNullOrWhiteSpace(s.OnderaannemerName), $"no onderaannemer name for {s.SubcontractId}"));
        var asGemeente = (await gemeente.GetReconciliationAsync(new() { AreaId = area, Year = 2027 })).Reconciliation;
        Assert.Equal(r.StatementsUsed.Select(s => s.OnderaannemerName), asGemeente.StatementsUsed.Select(s => s.OnderaannemerName));

        var rows = await _s.RowsAsync();
        var rerun = await _s.RunAsync(SettlementRunKind.Reconciliation, area, 2027);
        Assert.Equal((0, 1, r.Revision), (rerun.NewRevisionCount, rerun.UnchangedCount, rerun.Revision));
        Assert.Equal(rows, await _s.RowsAsync());
        await RpcAssert.Fails(StatusCode.NotFound, async () =>
            await (await _s.Settlements(Callers.HaStadse)).GetReconciliationAsync(new() { AreaId = area, Year = 2027 }));
    }

    [Fact]
    public async Task Two_concurrent_starts_of_one_identity_make_one_run_and_a_repeated_request_id_starts_nothing()
    {
        hosts.RequireAvailable();
        var gemeente = await _s.Settlements(Callers.Gemeente);
        string runId;
        using (_s.Faults().BlockRuns())
        {
            var a = SettlementScenario.Start(SettlementRunKind.SubcontractorStatements, 0, 2027, 7);
            var b = SettlementScenario.Start(SettlementRunKind.SubcontractorStatements, 0, 2027, 7);
            var responses = await Task.WhenAll(gemeente.StartSettlementRunAsync(a).ResponseAsync, gemeente.StartSettlementRunAsync(b).ResponseAsync);
            Assert.Single(responses.Select(r => r.SettlementRun.Id).Distinct());
            Assert.Single(responses, r => r.JoinedExisting);
            runId = responses[0].SettlementRun.Id;
            var replay = await gemeente.StartSettlementRunAsync(a);
            Assert.Equal(runId, replay.SettlementRun.Id);
        }
        Assert.Equal(SettlementRunState.Succeeded, (await _s.FinishedAsync(runId)).State);
    }

    [Fact]
    public async Task A_fault_in_the_final_transaction_leaves_no_rows_and_the_retry_stores_each_result_once()
    {
        hosts.RequireAvailable();
        // Reconciliations need every month's statements (rules 1.1 §4), so other tests of the collection may have run
        // June already: run it once more so every statement of June is current, then give two fresh subcontracts
        // approved June hours, so exactly two new statements are to be written.
        var baseline = await _s.RunAsync(SettlementRunKind.SubcontractorStatements, 0, 2027, 6);
        var stadse = await _s.Hours(Callers.HaStadse);
        var delinde = await _s.Hours(Callers.OaDeLinde);
        for (var i = 0; i < 2; i++)
        {
            var (arrangement, _) = await _s.ActiveExecutedBy(1);
            var entry = (await delinde.BatchCreateHourEntriesAsync(new() { Entries = { HourScenario.Entry(arrangement, 6, 9 + i, 60) } })).HourEntries.Single();
            await stadse.ApproveHourEntriesAsync(new() { HourEntryIds = { entry.Id } });
        }
        var before = await _s.RowsAsync();
        _s.Faults().FailOnceAfterFirstWrite();
        var run = await _s.RunAsync(SettlementRunKind.SubcontractorStatements, 0, 2027, 6);
        Assert.Equal(SettlementRunState.Succeeded, run.State);
        Assert.Equal(1, _s.Faults().InjectedFailures);
        Assert.Equal(2, await _s.AttemptsAsync(run.Id));
        // Nothing of the failed attempt survived: had its first row stayed, the retry would count it as unchanged.
        Assert.Equal(2, run.NewRevisionCount);
        Assert.Equal(baseline.NewRevisionCount + baseline.UnchangedCount, run.UnchangedCount);
        Assert.Equal(before.Results + 2, (await _s.RowsAsync()).Results);
    }

    [Fact]
    public async Task Visibility_per_role_onderaannemer_its_statements_other_hoofdaanbieder_nothing_gemeente_audited()
    {
        hosts.RequireAvailable();
        var (_, subcontract) = await _s.ActiveExecutedBy(1);
        await _s.RunAsync(SettlementRunKind.SubcontractorStatements, 0, 2027, 8);
        var request = new GetSubcontractorStatementRequest { SubcontractId = subcontract.Id, Year = 2027, Month = 8 };
        Assert.Equal(subcontract.Id, (await (await _s.Settlements(Callers.OaDeLinde)).GetSubcontractorStatementAsync(request)).SubcontractorStatement.SubcontractId);
        await RpcAssert.Fails(StatusCode.NotFound, async () => await (await _s.Settlements(Callers.HaOost)).GetSubcontractorStatementAsync(request));
        await RpcAssert.Fails(StatusCode.NotFound, async () => await (await _s.Settlements(Callers.OaAtelier)).GetSubcontractorStatementAsync(request));
        var atelier = (await (await _s.Settlements(Callers.OaAtelier)).ListSubcontractorStatementsAsync(new() { Year = 2027, Month = 8, PageSize = 500 })).SubcontractorStatements;
        Assert.All(atelier, st => Assert.Equal(Callers.Organisation(Callers.OaAtelier).Id.ToString(), st.OnderaannemerId));
        var delinde = (await (await _s.Settlements(Callers.OaDeLinde)).ListSubcontractorStatementsAsync(new() { Year = 2027, Month = 8, PageSize = 500 })).SubcontractorStatements;
        Assert.Contains(delinde, st => st.HoofdaanbiederId == Callers.Organisation(Callers.HaStadse).Id.ToString());
        Assert.Contains(delinde, st => st.HoofdaanbiederId == Callers.Organisation(Callers.HaOost).Id.ToString());
        Assert.Empty((await (await _s.Settlements(Callers.OaDeLinde)).ListSettlementRunsAsync(new())).SettlementRuns);

        var purpose = $"settlement check {Guid.NewGuid():N}";
        var gemeente = new SettlementService.SettlementServiceClient(await hosts.InvokerFor(Callers.Gemeente, purpose));
        await gemeente.GetSubcontractorStatementAsync(request);
        var audit = await new AuditService.AuditServiceClient(await hosts.InvokerFor(Callers.Gemeente)).ListAuditEntriesAsync(new() { PageSize = 50 });
        Assert.Contains(audit.Entries, e => e.Purpose == purpose && e.Resource.Contains(subcontract.Id, StringComparison.Ordinal));
        await RpcAssert.Fails(StatusCode.PermissionDenied, async () => await (await _s.Settlements(Callers.Wij)).GetSubcontractorStatementAsync(request));
        await RpcAssert.Fails(StatusCode.PermissionDenied, async () =>
            await (await _s.Settlements(Callers.HaStadse)).StartSettlementRunAsync(SettlementScenario.Start(SettlementRunKind.SubcontractorStatements, 0, 2027, 8)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteSettlementFlowTests(SqliteHosts hosts) : SettlementFlowTests(hosts);

[Collection(PostgresCollection.Name)]
public sealed class PostgresSettlementFlowTests(PostgresHosts hosts) : SettlementFlowTests(hosts);
