using Google.Rpc;
using GonPortal.Contracts.V1;
using GonPortal.Server.Tests.AccessMatrix;
using GonPortal.Server.Tests.Infrastructure;
using Grpc.Core;
using static GonPortal.Server.Tests.AccessMatrix.Scenario;

namespace GonPortal.Server.Tests.Hours;

/// <summary>Hour reporting, review, rejection reasons, idempotent import and isolation through the real API.</summary>
public abstract class HourFlowTests(GonHosts hosts)
{
    private readonly Scenario _s = new(hosts);

    private static async Task<IReadOnlyList<HourEntryRejection>> Rejected(Func<Task> call)
    {
        var e = await RpcAssert.Fails(StatusCode.InvalidArgument, call);
        var details = e.GetRpcStatus()!.GetDetail<HourEntryRejections>();
        Assert.NotNull(details);
        return details.Rejections;
    }

    [Fact]
    public async Task An_onderaannemer_reports_and_the_hoofdaanbieder_approves_which_locks_the_entry()
    {
        hosts.RequireAvailable();
        var (arrangement, subcontract) = await _s.ActiveExecutedBy(1);
        var delinde = await _s.Hours(Callers.OaDeLinde);
        var created = await delinde.BatchCreateHourEntriesAsync(new() { Entries = { HourScenario.Entry(arrangement) } });
        var entry = Assert.Single(created.HourEntries);
        Assert.Equal(1, created.CreatedCount);
        Assert.Equal(HourEntryStatus.Submitted, entry.Status);
        Assert.Equal(subcontract.Id, entry.SubcontractId);
        Assert.Equal(ExecutorKind.Onderaannemer, entry.ReporterKind);

        var ha = await _s.Hours(Callers.HaStadse);
        var approved = Assert.Single((await ha.ApproveHourEntriesAsync(new() { HourEntryIds = { entry.Id }, Note = "Klopt" })).HourEntries);
        Assert.Equal(HourEntryStatus.Approved, approved.Status);
        Assert.False(string.IsNullOrEmpty(approved.ReviewedBy));
        await RpcAssert.Fails(StatusCode.FailedPrecondition, async () => await ha.RejectHourEntriesAsync(new() { HourEntryIds = { entry.Id }, Reason = "Toch niet" }));
        await RpcAssert.Fails(StatusCode.PermissionDenied, async () => await delinde.ApproveHourEntriesAsync(new() { HourEntryIds = { entry.Id } }));
    }

    [Fact]
    public async Task A_correction_reverses_an_approved_entry()
    {
        hosts.RequireAvailable();
        var (arrangement, _) = await _s.ActiveExecutedBy(1);
        var delinde = await _s.Hours(Callers.OaDeLinde);
        var original = (await delinde.BatchCreateHourEntriesAsync(new() { Entries = { HourScenario.Entry(arrangement, minutes: 120) } })).HourEntries[0];
        await (await _s.Hours(Callers.HaStadse)).ApproveHourEntriesAsync(new() { HourEntryIds = { original.Id } });

        var reversal = HourScenario.Entry(arrangement, minutes: -120);
        reversal.ActivityNote = "Correctie: dubbel geboekt";
        reversal.ReversesEntryId = original.Id;
        var stored = (await delinde.BatchCreateHourEntriesAsync(new() { Entries = { reversal } })).HourEntries[0];
        Assert.Equal(original.Id, stored.ReversesEntryId);
        var reread = (await delinde.GetHourEntryAsync(new() { HourEntryId = original.Id })).HourEntry;
        Assert.Equal(stored.Id, reread.ReversedByEntryId);

        var again = HourScenario.Entry(arrangement, minutes: -120);
        again.ReversesEntryId = original.Id;
        var twice = await Rejected(async () => await delinde.BatchCreateHourEntriesAsync(new() { Entries = { again } }));
        Assert.Equal(HourEntryRejectionReason.InvalidReversal, Assert.Single(twice).Reason);
    }

    public static TheoryData<string> Reasons =>
    [
        "unknown", "foreign", "outside-arrangement", "outside-subcontract", "future", "over-24h",
        "unit", "product", "duplicate-key", "invalid-field",
    ];

    [Theory]
    [MemberData(nameof(Reasons))]
    public async Task Each_rejection_reason_is_reported_and_nothing_is_stored(string reason)
    {
        hosts.RequireAvailable();
        var (arrangement, subcontract) = await _s.ActiveExecutedBy(1);
        var reporter = Callers.OaDeLinde;
        var good = HourScenario.Entry(arrangement, month: 5, day: 3);
        var bad = HourScenario.Entry(arrangement, month: 5, day: 4);
        var expected = HourEntryRejectionReason.Unspecified;
        var expectedField = "";
        switch (reason)
        {
            case "unknown":
                bad.ArrangementId = Guid.NewGuid().ToString();
                expected = HourEntryRejectionReason.UnknownArrangement;
                break;
            case "foreign":
                reporter = Callers.OaAtelier;
                good = HourScenario.Entry((await _s.ActiveExecutedBy(2, Callers.OaAtelier)).Arrangement, month: 5, day: 3);
                expected = HourEntryRejectionReason.UnknownArrangement;
                break;
            case "outside-arrangement":
                bad.ServiceDate = Date(2027, 2, 20);
                expected = HourEntryRejectionReason.DateOutsideArrangement;
                break;
            case "outside-subcontract":
                await (await _s.Subcontracts(Callers.HaStadse)).EndSubcontractAsync(new() { SubcontractId = subcontract.Id, EndDate = Date(2027, 6, 30), Reason = "Overgedragen" });
                bad.ServiceDate = Date(2027, 7, 15);
                expected = HourEntryRejectionReason.DateOutsideSubcontract;
                break;
            case "future":
                bad.ServiceDate = Date(2028, 6, 1);
                expected = HourEntryRejectionReason.DateInFuture;
                break;
            case "over-24h":
                good.Quantity = 800;
                bad.ServiceDate = good.ServiceDate;
                bad.Quantity = 700;
                expected = HourEntryRejectionReason.Over24HoursPerClientDay;
                break;
            case "unit":
                bad.Unit = Unit.Dagdeel;
                bad.Quantity = 1;
                expected = HourEntryRejectionReason.UnitMismatch;
                break;
            case "product":
                bad.Product = Product.Dagbesteding;
                expected = HourEntryRejectionReason.ProductMismatch;
                break;
            case "duplicate-key":
                var stored = HourScenario.Entry(arrangement, month: 5, day: 5);
                await (await _s.Hours(reporter)).BatchCreateHourEntriesAsync(new() { Entries = { stored } });
                bad.EntryKey = stored.EntryKey;
                expected = HourEntryRejectionReason.DuplicateKeyConflict;
                break;
            case "invalid-field":
                bad.Quantity = 0;
                expected = HourEntryRejectionReason.InvalidField;
                expectedField = "quantity";
                break;
        }
        var client = await _s.Hours(reporter);
        var before = (await client.All()).Count;
        var rejections = await Rejected(async () => await client.BatchCreateHourEntriesAsync(new() { Entries = { good, bad } }));
        var rejection = Assert.Single(rejections);
        Assert.Equal(expected, rejection.Reason);
        Assert.Equal(1, rejection.Index);
        Assert.Equal(bad.EntryKey, rejection.EntryKey);
        Assert.Equal(expectedField, rejection.Field);
        Assert.False(string.IsNullOrWhiteSpace(rejection.Message));
        Assert.Equal(before, (await client.All()).Count);
    }

    [Fact]
    public async Task Re_sending_an_import_stream_stores_nothing_twice()
    {
        hosts.RequireAvailable();
        var (arrangement, _) = await _s.ActiveExecutedBy(1);
        var entries = Enumerable.Range(0, 2_500).Select(i => HourScenario.Entry(arrangement, month: 3 + i % 9, day: 1 + i % 28, minutes: 15)).ToList();
        entries[1_234].Quantity = -5; // a bad line in the middle must not stop the import
        var delinde = await _s.Hours(Callers.OaDeLinde);

        async Task<ImportHourEntriesResponse> Import()
        {
            using var call = delinde.ImportHourEntries();
            foreach (var e in entries)
            {
                await call.RequestStream.WriteAsync(new ImportHourEntriesRequest { Entry = e });
            }
            await call.RequestStream.CompleteAsync();
            return await call.ResponseAsync;
        }

        var first = await Import();
        Assert.Equal((2_500, 2_499, 0, 1), (first.ReceivedCount, first.CreatedCount, first.ExistingCount, first.RejectedCount));
        Assert.Equal(1_234, Assert.Single(first.Rejections).Index);
        var second = await Import();
        Assert.Equal((2_500, 0, 2_499, 1), (second.ReceivedCount, second.CreatedCount, second.ExistingCount, second.RejectedCount));
        Assert.Equal(2_499, (await delinde.All(arrangement.Id)).Count);
    }

    [Fact]
    public async Task The_onderaannemer_of_two_hoofdaanbieders_sees_only_its_own_entries_of_each()
    {
        hosts.RequireAvailable();
        var (stadseArrangement, _) = await _s.ActiveExecutedBy(1);
        var (oostArrangement, _) = await _s.ActiveExecutedBy(3);
        var delinde = await _s.Hours(Callers.OaDeLinde);
        var forStadse = (await delinde.BatchCreateHourEntriesAsync(new() { Entries = { HourScenario.Entry(stadseArrangement) } })).HourEntries[0];
        var forOost = (await delinde.BatchCreateHourEntriesAsync(new() { Entries = { HourScenario.Entry(oostArrangement) } })).HourEntries[0];
        var (atelierArrangement, _) = await _s.ActiveExecutedBy(2, Callers.OaAtelier);
        var byAtelier = (await (await _s.Hours(Callers.OaAtelier)).BatchCreateHourEntriesAsync(new() { Entries = { HourScenario.Entry(atelierArrangement) } })).HourEntries[0];

        var seenByDeLinde = await delinde.All();
        Assert.Contains(seenByDeLinde, e => e.Id == forStadse.Id);
        Assert.Contains(seenByDeLinde, e => e.Id == forOost.Id);
        Assert.DoesNotContain(seenByDeLinde, e => e.Id == byAtelier.Id);
        Assert.All(seenByDeLinde, e => Assert.Equal(DemoIds.DeLinde, e.ReportedByProviderId));

        var seenByStadse = await (await _s.Hours(Callers.HaStadse)).All();
        Assert.Contains(seenByStadse, e => e.Id == forStadse.Id);
        Assert.Contains(seenByStadse, e => e.Id == byAtelier.Id);
        Assert.DoesNotContain(seenByStadse, e => e.Id == forOost.Id);
        var seenByOost = await (await _s.Hours(Callers.HaOost)).All();
        Assert.Contains(seenByOost, e => e.Id == forOost.Id);
        Assert.DoesNotContain(seenByOost, e => e.Id == forStadse.Id);
        await RpcAssert.Fails(StatusCode.NotFound, async () => await (await _s.Hours(Callers.HaOost)).GetHourEntryAsync(new() { HourEntryId = forStadse.Id }));
        await RpcAssert.Fails(StatusCode.NotFound, async () => await (await _s.Hours(Callers.HaOost)).ApproveHourEntriesAsync(new() { HourEntryIds = { forStadse.Id } }));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteHourFlowTests(SqliteHosts hosts) : HourFlowTests(hosts);

[Collection(PostgresCollection.Name)]
public sealed class PostgresHourFlowTests(PostgresHosts hosts) : HourFlowTests(hosts);
