using GonPortal.Contracts.V1;
using GonPortal.Server.Tests.AccessMatrix;
using GonPortal.Server.Tests.Infrastructure;
using GonPortal.Server.Tests.Settlements;
using Grpc.Core;

namespace GonPortal.Server.Tests.Hours;

/// <summary>
/// Review at scale through the real API: an import that answers with the id of each accepted entry,
/// approving and rejecting by filter with a confirmed count (idempotent, one tenant only), and undoing an
/// approval until a statement run covers the month.
/// </summary>
public abstract class HourReviewAtScaleTests(GonHosts hosts)
{
    private readonly Scenario _s = new(hosts);

    private static HourReviewFilter Of(SupportArrangement a, int month = 0) => new() { ArrangementId = a.Id, Year = month == 0 ? 0 : 2027, Month = month };

    private async Task<(SupportArrangement Arrangement, List<HourEntry> Entries)> Submitted(int count, int month = 4)
    {
        var (arrangement, _) = await _s.ActiveExecutedBy(1);
        var delinde = await _s.Hours(Callers.OaDeLinde);
        var request = new BatchCreateHourEntriesRequest();
        request.Entries.AddRange(Enumerable.Range(0, count).Select(i => HourScenario.Entry(arrangement, month, day: 1 + i % 28, minutes: 30)));
        return (arrangement, (await delinde.BatchCreateHourEntriesAsync(request)).HourEntries.ToList());
    }

    [Fact]
    public async Task The_import_with_results_names_the_id_of_every_accepted_entry_and_each_rejection()
    {
        hosts.RequireAvailable();
        var (arrangement, _) = await _s.ActiveExecutedBy(1);
        var entries = Enumerable.Range(0, 2_100).Select(i => HourScenario.Entry(arrangement, month: 3 + i % 9, day: 1 + i % 28, minutes: 10)).ToList();
        entries[1_500].Quantity = 0; // a bad line in the second chunk
        var delinde = await _s.Hours(Callers.OaDeLinde);

        async Task<(List<ImportedHourEntry> Accepted, List<HourEntryRejection> Rejected, ImportHourEntriesResponse Summary)> Import()
        {
            using var call = delinde.ImportHourEntriesWithResults();
            // Read while writing: the server answers per chunk of 1,000.
            var reading = Task.Run(async () =>
            {
                var accepted = new List<ImportedHourEntry>();
                var rejected = new List<HourEntryRejection>();
                ImportHourEntriesResponse? summary = null;
                await foreach (var message in call.ResponseStream.ReadAllAsync())
                {
                    if (message.Chunk is { } chunk)
                    {
                        accepted.AddRange(chunk.Accepted);
                        rejected.AddRange(chunk.Rejections);
                    }
                    else
                    {
                        summary = message.Summary;
                    }
                }
                return (accepted, rejected, summary!);
            });
            foreach (var e in entries)
            {
                await call.RequestStream.WriteAsync(new ImportHourEntriesRequest { Entry = e });
            }
            await call.RequestStream.CompleteAsync();
            return await reading;
        }

        var first = await Import();
        Assert.Equal((2_100, 2_099, 0, 1), (first.Summary.ReceivedCount, first.Summary.CreatedCount, first.Summary.ExistingCount, first.Summary.RejectedCount));
        Assert.Empty(first.Summary.Rejections);
        Assert.Equal(1_500, Assert.Single(first.Rejected).Index);
        Assert.Equal(2_099, first.Accepted.Count);
        Assert.All(first.Accepted, a => Assert.Equal(entries[a.Index].EntryKey, a.EntryKey));
        Assert.All(first.Accepted, a => Assert.False(a.Existing));
        var stored = (await delinde.All(arrangement.Id)).ToDictionary(e => e.EntryKey, e => e.Id);
        Assert.All(first.Accepted, a => Assert.Equal(stored[a.EntryKey], a.HourEntryId));

        var again = await Import();
        Assert.Equal((0, 2_099), (again.Summary.CreatedCount, again.Summary.ExistingCount));
        Assert.All(again.Accepted, a => Assert.True(a.Existing));
        Assert.Equal(first.Accepted.Select(a => a.HourEntryId), again.Accepted.Select(a => a.HourEntryId));
    }

    [Fact]
    public async Task Approval_by_filter_touches_exactly_the_confirmed_count_and_a_re_send_changes_nothing()
    {
        hosts.RequireAvailable();
        var (arrangement, entries) = await Submitted(5);
        var ha = await _s.Hours(Callers.HaStadse);
        var request = new ApproveHourEntriesByFilterRequest { RequestId = $"r-{Guid.NewGuid():N}", Filter = Of(arrangement, 4), ExpectedCount = 5, Note = "Maand akkoord" };

        var wrong = request.Clone();
        wrong.ExpectedCount = 4;
        var mismatch = await RpcAssert.Fails(StatusCode.FailedPrecondition, async () => await ha.ApproveHourEntriesByFilterAsync(wrong));
        Assert.Contains("matches 5 ", mismatch.Status.Detail);
        Assert.All(await ha.All(arrangement.Id), e => Assert.Equal(HourEntryStatus.Submitted, e.Status));

        Assert.Equal(5, (await ha.ApproveHourEntriesByFilterAsync(request)).ChangedCount);
        var approved = await ha.All(arrangement.Id);
        Assert.All(approved, e => Assert.Equal((HourEntryStatus.Approved, "Maand akkoord"), (e.Status, e.ReviewNote)));
        Assert.All(approved, e => Assert.False(string.IsNullOrEmpty(e.ReviewedBy)));

        // A new entry arrives; the re-send must neither approve it nor fail on the changed count.
        var delinde = await _s.Hours(Callers.OaDeLinde);
        var late = (await delinde.BatchCreateHourEntriesAsync(new() { Entries = { HourScenario.Entry(arrangement, 4, 28) } })).HourEntries[0];
        Assert.Equal(5, (await ha.ApproveHourEntriesByFilterAsync(request)).ChangedCount);
        Assert.Equal(HourEntryStatus.Submitted, (await ha.GetHourEntryAsync(new() { HourEntryId = late.Id })).HourEntry.Status);

        var reused = request.Clone();
        reused.ExpectedCount = 1;
        await RpcAssert.Fails(StatusCode.InvalidArgument, async () => await ha.ApproveHourEntriesByFilterAsync(reused));
        Assert.Equal(entries.Count, approved.Count);
    }

    [Fact]
    public async Task Rejection_by_filter_narrows_to_the_month_and_the_reporter()
    {
        hosts.RequireAvailable();
        var (arrangement, april) = await Submitted(3, month: 4);
        var delinde = await _s.Hours(Callers.OaDeLinde);
        await delinde.BatchCreateHourEntriesAsync(new() { Entries = { HourScenario.Entry(arrangement, 6, 2), HourScenario.Entry(arrangement, 6, 3) } });
        var ha = await _s.Hours(Callers.HaStadse);
        var filter = Of(arrangement, 4);
        filter.ReportedByProviderId = DemoIds.DeLinde;

        var rejected = await ha.RejectHourEntriesByFilterAsync(new() { RequestId = $"r-{Guid.NewGuid():N}", Filter = filter, ExpectedCount = 3, Reason = "Niet geleverd in april" });
        Assert.Equal(3, rejected.ChangedCount);
        var all = await ha.All(arrangement.Id);
        Assert.Equal(3, all.Count(e => e.Status == HourEntryStatus.Rejected && e.ServiceDate.Month == 4));
        Assert.Equal(2, all.Count(e => e.Status == HourEntryStatus.Submitted && e.ServiceDate.Month == 6));

        var ownStaff = Of(arrangement);
        ownStaff.ReportedByProviderId = DemoIds.StadseZorg;
        var none = await RpcAssert.Fails(StatusCode.FailedPrecondition, async () =>
            await ha.ApproveHourEntriesByFilterAsync(new() { RequestId = $"r-{Guid.NewGuid():N}", Filter = ownStaff, ExpectedCount = 2 }));
        Assert.Contains("matches 0 ", none.Status.Detail);
        Assert.Equal(april.Count, all.Count(e => e.ServiceDate.Month == 4));
    }

    [Fact]
    public async Task Another_tenants_filter_touches_nothing_and_learns_nothing()
    {
        hosts.RequireAvailable();
        var (arrangement, _) = await Submitted(2);
        var oost = await _s.Hours(Callers.HaOost);
        var e = await RpcAssert.Fails(StatusCode.FailedPrecondition, async () =>
            await oost.ApproveHourEntriesByFilterAsync(new() { RequestId = $"r-{Guid.NewGuid():N}", Filter = Of(arrangement), ExpectedCount = 2 }));
        Assert.Contains("matches 0 ", e.Status.Detail);
        Assert.All(await (await _s.Hours(Callers.HaStadse)).All(arrangement.Id), x => Assert.Equal(HourEntryStatus.Submitted, x.Status));
        await RpcAssert.Fails(StatusCode.PermissionDenied, async () =>
            await (await _s.Hours(Callers.OaDeLinde)).ApproveHourEntriesByFilterAsync(new() { RequestId = "x", Filter = Of(arrangement), ExpectedCount = 2 }));
    }

    [Fact]
    public async Task A_filter_on_approved_entries_or_without_a_count_is_invalid()
    {
        hosts.RequireAvailable();
        var ha = await _s.Hours(Callers.HaStadse);
        await RpcAssert.Fails(StatusCode.InvalidArgument, async () =>
            await ha.ApproveHourEntriesByFilterAsync(new() { RequestId = "x", Filter = new() { Status = HourEntryStatus.Approved }, ExpectedCount = 1 }));
        await RpcAssert.Fails(StatusCode.InvalidArgument, async () =>
            await ha.ApproveHourEntriesByFilterAsync(new() { RequestId = "x", Filter = new() { Month = 4 }, ExpectedCount = 1 }));
        await RpcAssert.Fails(StatusCode.InvalidArgument, async () =>
            await ha.RejectHourEntriesByFilterAsync(new() { RequestId = "x", Filter = new(), ExpectedCount = 0, Reason = "Niet geleverd" }));
    }

    [Fact]
    public async Task An_approval_can_be_undone_until_a_reversal_refers_to_it()
    {
        hosts.RequireAvailable();
        var (arrangement, entries) = await Submitted(2);
        var ha = await _s.Hours(Callers.HaStadse);
        await ha.ApproveHourEntriesAsync(new() { HourEntryIds = { entries.Select(e => e.Id) } });

        var undone = await ha.UndoHourEntryApprovalsAsync(new() { HourEntryIds = { entries[0].Id } });
        Assert.Equal((HourEntryStatus.Submitted, ""), (undone.HourEntries[0].Status, undone.HourEntries[0].ReviewedBy));
        await ha.RejectHourEntriesAsync(new() { HourEntryIds = { entries[0].Id }, Reason = "Toch dubbel" });
        await RpcAssert.Fails(StatusCode.FailedPrecondition, async () => await ha.UndoHourEntryApprovalsAsync(new() { HourEntryIds = { entries[0].Id } }));

        var reversal = HourScenario.Entry(arrangement, minutes: -30);
        reversal.ServiceDate = entries[1].ServiceDate;
        reversal.ReversesEntryId = entries[1].Id;
        await (await _s.Hours(Callers.OaDeLinde)).BatchCreateHourEntriesAsync(new() { Entries = { reversal } });
        await RpcAssert.Fails(StatusCode.FailedPrecondition, async () => await ha.UndoHourEntryApprovalsAsync(new() { HourEntryIds = { entries[1].Id } }));
        Assert.Equal(HourEntryStatus.Approved, (await ha.GetHourEntryAsync(new() { HourEntryId = entries[1].Id })).HourEntry.Status);
        await RpcAssert.Fails(StatusCode.NotFound, async () =>
            await (await _s.Hours(Callers.HaOost)).UndoHourEntryApprovalsAsync(new() { HourEntryIds = { entries[1].Id } }));
    }

    [Fact]
    public async Task A_statement_run_of_the_month_ends_the_undo()
    {
        hosts.RequireAvailable();
        var (_, before) = await Submitted(1, month: 10);
        var (_, after) = await Submitted(1, month: 10);
        var ha = await _s.Hours(Callers.HaStadse);
        await ha.ApproveHourEntriesAsync(new() { HourEntryIds = { before[0].Id, after[0].Id } });
        await ha.UndoHourEntryApprovalsAsync(new() { HourEntryIds = { before[0].Id } });

        var run = await _s.RunAsync(SettlementRunKind.SubcontractorStatements, 0, 2027, 10);
        Assert.Equal(SettlementRunState.Succeeded, run.State);
        var e = await RpcAssert.Fails(StatusCode.FailedPrecondition, async () => await ha.UndoHourEntryApprovalsAsync(new() { HourEntryIds = { after[0].Id } }));
        Assert.Contains("2027-10", e.Status.Detail);
        Assert.Equal(HourEntryStatus.Approved, (await ha.GetHourEntryAsync(new() { HourEntryId = after[0].Id })).HourEntry.Status);
    }

    [Fact]
    public async Task Entries_carry_the_client_name_and_the_list_its_total()
    {
        hosts.RequireAvailable();
        var (arrangement, entries) = await Submitted(3);
        var ha = await _s.Hours(Callers.HaStadse);
        var page = await ha.ListHourEntriesAsync(new() { ArrangementId = arrangement.Id, PageSize = 2, IncludeTotalCount = true });
        Assert.Equal(3, page.TotalCount);
        Assert.Equal(2, page.HourEntries.Count);
        Assert.All(page.HourEntries, e => Assert.False(string.IsNullOrWhiteSpace(e.ClientName)));
        Assert.Equal(0, (await ha.ListHourEntriesAsync(new() { ArrangementId = arrangement.Id })).TotalCount);
        Assert.Equal(entries[0].ClientId, page.HourEntries[0].ClientId);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteHourReviewAtScaleTests(SqliteHosts hosts) : HourReviewAtScaleTests(hosts);

[Collection(PostgresCollection.Name)]
public sealed class PostgresHourReviewAtScaleTests(PostgresHosts hosts) : HourReviewAtScaleTests(hosts);
