using GonPortal.Contracts.V1;
using GonPortal.Server.Tests.AccessMatrix;
using GonPortal.Server.Tests.Hours;
using GonPortal.Server.Tests.Infrastructure;
using Grpc.Core;
using static GonPortal.Server.Tests.AccessMatrix.Scenario;

namespace GonPortal.Server.Tests.Arrangements;

/// <summary>The arrangement checks that depend on hour entries that are not rejected (arrangements.proto).</summary>
public abstract class ArrangementHourCheckTests(GonHosts hosts)
{
    private readonly Scenario _s = new(hosts);

    [Fact]
    public async Task An_executor_change_may_not_cover_a_day_on_which_the_previous_executor_reported()
    {
        hosts.RequireAvailable();
        var (arrangement, _) = await _s.ActiveExecutedBy(1);
        await (await _s.Hours(Callers.OaDeLinde)).BatchCreateHourEntriesAsync(new() { Entries = { HourScenario.Entry(arrangement, month: 4, day: 10) } });
        var ha = await _s.Arrangements(Callers.HaStadse);
        var own = AccessProcessScenario.Decision(SupportType.Basis).Terms;

        var e = await RpcAssert.Fails(StatusCode.FailedPrecondition, async () => await ha.ChangeArrangementTermsAsync(new()
        { ArrangementId = arrangement.Id, EffectiveFrom = Date(2027, 4, 10), Terms = own, Note = "Zelf overnemen" }));
        Assert.Contains("2027-04-10", e.Status.Detail);
        // Same executor, other volume: entries do not matter.
        var more = AccessProcessScenario.Decision(SupportType.Basis, arrangement.Versions[0].Terms.SubcontractId).Terms;
        more.Volume = 240;
        await ha.ChangeArrangementTermsAsync(new() { ArrangementId = arrangement.Id, EffectiveFrom = Date(2027, 4, 1), Terms = more, Note = "Meer uren" });
        var changed = (await ha.ChangeArrangementTermsAsync(new()
        { ArrangementId = arrangement.Id, EffectiveFrom = Date(2027, 4, 11), Terms = own, Note = "Zelf overnemen" })).Arrangement;
        Assert.Equal(3, changed.Versions.Count);
        Assert.Equal(DemoIds.StadseZorg, changed.Versions[2].Terms.ExecutorProviderId);
    }

    [Fact]
    public async Task The_end_may_not_move_before_the_last_day_with_entries_that_are_not_rejected()
    {
        hosts.RequireAvailable();
        var (arrangement, _) = await _s.ActiveExecutedBy(1);
        var entry = (await (await _s.Hours(Callers.OaDeLinde)).BatchCreateHourEntriesAsync(new()
        { Entries = { HourScenario.Entry(arrangement, month: 5, day: 20) } })).HourEntries[0];
        var ha = await _s.Arrangements(Callers.HaStadse);

        await RpcAssert.InvalidFields(async () => await ha.ChangeArrangementEndDateAsync(new()
        { ArrangementId = arrangement.Id, EndDate = Date(2027, 5, 19), Note = "Eerder klaar" }), "end_date");
        await RpcAssert.InvalidFields(async () => await ha.EndArrangementAsync(new()
        { ArrangementId = arrangement.Id, EndDate = Date(2027, 5, 19), Reason = ArrangementEndReason.GoalsReached }), "end_date");
        await ha.ChangeArrangementEndDateAsync(new() { ArrangementId = arrangement.Id, EndDate = Date(2027, 5, 20), Note = "Eerder klaar" });

        // Once the entry is rejected it no longer holds the end.
        await (await _s.Hours(Callers.HaStadse)).RejectHourEntriesAsync(new() { HourEntryIds = { entry.Id }, Reason = "Niet geleverd" });
        var ended = (await ha.EndArrangementAsync(new()
        { ArrangementId = arrangement.Id, EndDate = Date(2027, 5, 19), Reason = ArrangementEndReason.GoalsReached })).Arrangement;
        Assert.Equal(ArrangementState.Ended, ended.State);
        Assert.Equal(Date(2027, 5, 19), ended.EndDate);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteArrangementHourCheckTests(SqliteHosts hosts) : ArrangementHourCheckTests(hosts);

[Collection(PostgresCollection.Name)]
public sealed class PostgresArrangementHourCheckTests(PostgresHosts hosts) : ArrangementHourCheckTests(hosts);
