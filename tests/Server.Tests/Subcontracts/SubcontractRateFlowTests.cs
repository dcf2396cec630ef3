using GonPortal.Contracts.V1;
using GonPortal.Server.Tests.AccessMatrix;
using GonPortal.Server.Tests.Hours;
using GonPortal.Server.Tests.Infrastructure;
using GonPortal.Server.Tests.Settlements;
using Grpc.Core;
using static GonPortal.Server.Tests.AccessMatrix.Scenario;

namespace GonPortal.Server.Tests.Subcontracts;

/// <summary>
/// Effective-dated subcontract rates (settlement-rules.md 1.1 §3) through the API: a change recorded
/// by the hoofdaanbieder, its history seen by both parties and the gemeente, refusals, a statement
/// month split at the change, and an approval refused on a date without a rate.
/// </summary>
public abstract class SubcontractRateFlowTests(GonHosts hosts)
{
    private readonly Scenario _s = new(hosts);

    private static ChangeSubcontractRateRequest Change(string id, long cents, int year, int month, int day,
        Product product = Product.Begeleiding, Unit unit = Unit.Hour) => new()
    {
        SubcontractId = id, Product = product, Unit = unit, RateCents = cents,
        EffectiveFrom = Date(year, month, day), Reason = "Heronderhandeld tarief",
    };

    [Fact]
    public async Task A_rate_change_is_recorded_and_its_history_is_seen_by_both_parties_and_the_gemeente_not_by_others()
    {
        hosts.RequireAvailable();
        var subcontract = await _s.Consented(Callers.HaStadse);
        var stadse = await _s.Subcontracts(Callers.HaStadse);
        var changed = (await stadse.ChangeSubcontractRateAsync(Change(subcontract.Id, 6_800, 2027, 6, 1))).Subcontract;
        Assert.Equal(
            [(6_500L, Date(2027, 2, 1), Date(2027, 5, 31)), (6_800L, Date(2027, 6, 1), null)],
            changed.Rates.Select(r => (r.RateCents, r.ValidFrom, (Google.Type.Date?)r.ValidTo)));

        foreach (var caller in new[] { Callers.HaStadse, Callers.OaDeLinde, Callers.Gemeente })
        {
            var seen = (await (await _s.Subcontracts(caller)).GetSubcontractAsync(new() { SubcontractId = subcontract.Id })).Subcontract;
            var history = Assert.Single(seen.RateChanges);
            Assert.Equal((Date(2027, 6, 1), 6_500L, 6_800L, "Heronderhandeld tarief"),
                (history.EffectiveFrom, history.OldRateCents, history.NewRateCents, history.Reason));
            Assert.False(string.IsNullOrEmpty(history.ChangedBy));
            Assert.NotNull(history.ChangedAt);
            Assert.Equal(2, seen.Rates.Count);
        }

        var oost = await _s.Subcontracts(Callers.HaOost);
        await RpcAssert.Fails(StatusCode.NotFound, async () => await oost.GetSubcontractAsync(new() { SubcontractId = subcontract.Id }));
        await RpcAssert.Fails(StatusCode.NotFound, async () => await oost.ChangeSubcontractRateAsync(Change(subcontract.Id, 7_000, 2027, 7, 1)));
        await RpcAssert.Fails(StatusCode.NotFound, async () =>
            await (await _s.Subcontracts(Callers.OaAtelier)).GetSubcontractAsync(new() { SubcontractId = subcontract.Id }));
        await RpcAssert.Fails(StatusCode.PermissionDenied, async () =>
            await (await _s.Subcontracts(Callers.OaDeLinde)).ChangeSubcontractRateAsync(Change(subcontract.Id, 7_000, 2027, 7, 1)));
        await RpcAssert.Fails(StatusCode.PermissionDenied, async () =>
            await (await _s.Subcontracts(Callers.Gemeente)).ChangeSubcontractRateAsync(Change(subcontract.Id, 7_000, 2027, 7, 1)));
    }

    [Fact]
    public async Task An_overlapping_or_invalid_change_is_refused_and_stores_nothing_and_a_repeat_changes_nothing()
    {
        hosts.RequireAvailable();
        // Two products, so the periods of one are stored next to the other's.
        var proposal = Proposal(Callers.HaStadse);
        proposal.Rates.Add(new SubcontractRate { Product = Product.Dagbesteding, Unit = Unit.Dagdeel, RateCents = 4_200 });
        var proposed = (await (await _s.Subcontracts(Callers.HaStadse)).CreateSubcontractAsync(proposal)).Subcontract;
        var subcontract = (await (await _s.Subcontracts(Callers.Gemeente)).ConsentSubcontractAsync(new() { SubcontractId = proposed.Id })).Subcontract;
        var stadse = await _s.Subcontracts(Callers.HaStadse);
        await stadse.ChangeSubcontractRateAsync(Change(subcontract.Id, 6_700, 2027, 3, 1));
        await stadse.ChangeSubcontractRateAsync(Change(subcontract.Id, 6_800, 2027, 6, 1));
        // A repeat of the same change (a retried call) changes nothing.
        await stadse.ChangeSubcontractRateAsync(Change(subcontract.Id, 6_800, 2027, 6, 1));

        await RpcAssert.InvalidFields(async () => await stadse.ChangeSubcontractRateAsync(Change(subcontract.Id, 7_000, 2027, 6, 1)), "effective_from");
        await RpcAssert.InvalidFields(async () => await stadse.ChangeSubcontractRateAsync(Change(subcontract.Id, 7_000, 2027, 4, 1)), "effective_from");
        await RpcAssert.InvalidFields(async () => await stadse.ChangeSubcontractRateAsync(Change(subcontract.Id, 7_000, 2027, 1, 31)), "effective_from");
        var bad = Change(subcontract.Id, 0, 2027, 9, 1);
        bad.Reason = "";
        await RpcAssert.InvalidFields(async () => await stadse.ChangeSubcontractRateAsync(bad), "rate_cents", "reason");
        await RpcAssert.InvalidFields(async () =>
            await stadse.ChangeSubcontractRateAsync(Change(subcontract.Id, 9_000, 2027, 9, 1, Product.KortdurendVerblijf, Unit.Etmaal)), "product");

        var seen = (await stadse.GetSubcontractAsync(new() { SubcontractId = subcontract.Id })).Subcontract;
        Assert.Equal([(6_500L, 6_700L), (6_700L, 6_800L)], seen.RateChanges.Select(c => (c.OldRateCents, c.NewRateCents)));
        Assert.Equal([6_500L, 6_700L, 6_800L, 4_200L], seen.Rates.Select(r => r.RateCents));
        Assert.Equal([Date(2027, 2, 28), Date(2027, 5, 31), null, null], seen.Rates.Select(r => r.ValidTo));

        var undecided = await _s.Proposed(Callers.HaStadse);
        await RpcAssert.Fails(StatusCode.FailedPrecondition, async () => await stadse.ChangeSubcontractRateAsync(Change(undecided.Id, 6_800, 2027, 6, 1)));
    }

    [Fact]
    public async Task A_rate_change_on_the_15th_gives_one_statement_with_two_lines()
    {
        hosts.RequireAvailable();
        var (arrangement, subcontract) = await _s.ActiveExecutedBy(2);
        await (await _s.Subcontracts(Callers.HaStadse)).ChangeSubcontractRateAsync(Change(subcontract.Id, 6_700, 2027, 10, 15));
        var delinde = await _s.Hours(Callers.OaDeLinde);
        var entries = (await delinde.BatchCreateHourEntriesAsync(new()
        {
            Entries = { HourScenario.Entry(arrangement, 10, 14, 90), HourScenario.Entry(arrangement, 10, 15, 60), HourScenario.Entry(arrangement, 10, 20, 30) },
        })).HourEntries;
        await (await _s.Hours(Callers.HaStadse)).ApproveHourEntriesAsync(new() { HourEntryIds = { entries.Select(e => e.Id) } });

        var run = await _s.RunAsync(SettlementRunKind.SubcontractorStatements, 0, 2027, 10);
        Assert.Equal(SettlementRunState.Succeeded, run.State);
        Assert.Equal("1.1", run.RulesVersion);
        var statement = (await (await _s.Settlements(Callers.OaDeLinde)).GetSubcontractorStatementAsync(new()
        {
            SubcontractId = subcontract.Id, Year = 2027, Month = 10,
        })).SubcontractorStatement;
        // 14 October: 90 minutes at 6,500 = 9,750. 15 and 20 October: 90 minutes at 6,700 = 10,050. Total 19,800.
        Assert.Equal([(6_500L, 90L, 9_750L, 1), (6_700L, 90L, 10_050L, 2)],
            statement.Lines.Select(l => (l.RateCents, l.Quantity, l.AmountCents, l.EntryCount)));
        Assert.Equal(19_800, statement.TotalCents);
    }

    [Fact]
    public async Task An_entry_on_a_date_without_a_rate_cannot_be_approved_and_the_refusal_names_the_date()
    {
        hosts.RequireAvailable();
        // Dagbesteding by the hour from 1 February; per dagdeel only from 1 June.
        var proposal = Proposal(Callers.HaStadse);
        proposal.Rates.Clear();
        proposal.Rates.Add(new SubcontractRate { Product = Product.Dagbesteding, Unit = Unit.Hour, RateCents = 5_000 });
        var proposed = (await (await _s.Subcontracts(Callers.HaStadse)).CreateSubcontractAsync(proposal)).Subcontract;
        var subcontract = (await (await _s.Subcontracts(Callers.Gemeente)).ConsentSubcontractAsync(new() { SubcontractId = proposed.Id })).Subcontract;
        await (await _s.Subcontracts(Callers.HaStadse)).ChangeSubcontractRateAsync(Change(subcontract.Id, 4_200, 2027, 6, 1, Product.Dagbesteding, Unit.Dagdeel));

        var referral = await _s.Accepted(subcontract.AreaIds[0]);
        var arrangements = await _s.Arrangements(Callers.HaStadse);
        var requested = (await arrangements.CreateArrangementAsync(new()
        {
            RequestId = $"test-{Guid.NewGuid():N}", ClientId = referral.ClientId, EntryChannel = EntryChannel.WijReferral, ReferralId = referral.Id,
        })).Arrangement;
        var decision = AccessProcessScenario.Decision(SupportType.Basis, subcontract.Id);
        decision.Product = Product.Dagbesteding;
        decision.Unit = Unit.Dagdeel;
        decision.Terms.Volume = 4;
        await arrangements.DecideArrangementAsync(new() { ArrangementId = requested.Id, Decision = decision });
        var arrangement = (await arrangements.StartArrangementAsync(new() { ArrangementId = requested.Id })).Arrangement;

        HourEntryInput Dagdeel(int month, int day)
        {
            var e = HourScenario.Entry(arrangement, month, day, 1);
            e.Unit = Unit.Dagdeel;
            return e;
        }
        var entries = (await (await _s.Hours(Callers.OaDeLinde)).BatchCreateHourEntriesAsync(new() { Entries = { Dagdeel(5, 10), Dagdeel(6, 10) } })).HourEntries;
        Assert.Equal(2, entries.Count);
        var ha = await _s.Hours(Callers.HaStadse);
        var refused = await RpcAssert.Fails(StatusCode.FailedPrecondition, async () =>
            await ha.ApproveHourEntriesAsync(new() { HourEntryIds = { entries[1].Id, entries[0].Id } }));
        Assert.Contains("2027-05-10", refused.Status.Detail, StringComparison.Ordinal);
        // Nothing of the refused call was approved, not even the entry that has a rate.
        Assert.All((await ha.All(arrangement.Id)), e => Assert.Equal(HourEntryStatus.Submitted, e.Status));

        var approved = (await ha.ApproveHourEntriesAsync(new() { HourEntryIds = { entries[1].Id } })).HourEntries;
        Assert.Equal(HourEntryStatus.Approved, Assert.Single(approved).Status);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteSubcontractRateFlowTests(SqliteHosts hosts) : SubcontractRateFlowTests(hosts);

[Collection(PostgresCollection.Name)]
public sealed class PostgresSubcontractRateFlowTests(PostgresHosts hosts) : SubcontractRateFlowTests(hosts);
