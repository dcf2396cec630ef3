using GonPortal.Contracts.V1;
using GonPortal.Server.Tests.AccessMatrix;
using GonPortal.Server.Tests.Hours;
using GonPortal.Server.Tests.Infrastructure;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using static GonPortal.Server.Tests.AccessMatrix.AccessProcessScenario;
using static GonPortal.Server.Tests.ErrorModel.ErrorInfoAssert;

namespace GonPortal.Server.Tests.ErrorModel;

/// <summary>
/// Bad requests of the kinds an outside client found (issue 14): each answers INVALID_ARGUMENT in our error
/// model, is refused before any work, and stores nothing; an import judges each entry on its own.
/// </summary>
public abstract class RobustnessTests(GonHosts hosts)
{
    private readonly Scenario _s = new(hosts);
    private const string Clients = "gon.v1.ClientService";
    private const string Hours = "gon.v1.HourService";

    private static RpcException Malformed(RpcException e, string? field)
    {
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        var info = Reason(e, "MALFORMED_MESSAGE");
        var violation = Assert.Single(e.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations);
        Assert.Equal("MALFORMED", violation.Reason);
        Assert.Equal(field ?? "", violation.Field);
        if (field is not null)
        {
            Assert.Equal(field, info.Metadata["field"]);
        }
        return e;
    }

    [Fact]
    public async Task Garbage_and_truncated_bodies_are_invalid_argument_not_unknown()
    {
        hosts.RequireAvailable();
        var invoker = await hosts.InvokerFor(Callers.HaStadse);
        var garbage = await Assert.ThrowsAsync<RpcException>(() => RawCalls.Unary(invoker, Clients, "CreateClient", RawCalls.Garbage));
        Malformed(garbage, null);
        Assert.Equal("gon.v1.CreateClientRequest", Info(garbage).Metadata["message"]);

        var whole = NewClient(1).ToByteArray();
        var truncated = await Assert.ThrowsAsync<RpcException>(() => RawCalls.Unary(invoker, Clients, "CreateClient", whole[..^3]));
        Malformed(truncated, "contact_details"); // the last field, cut short

        var list = await Assert.ThrowsAsync<RpcException>(() => RawCalls.Unary(invoker, Hours, "ListHourEntries", RawCalls.Garbage));
        Malformed(list, null);
    }

    [Fact]
    public async Task Invalid_utf8_in_a_string_field_names_the_field()
    {
        hosts.RequireAvailable();
        var invoker = await hosts.InvokerFor(Callers.HaStadse);
        var entryKey = ListHourEntriesRequest.Descriptor.FindFieldByName("entry_key").FieldNumber;
        var list = await Assert.ThrowsAsync<RpcException>(() => RawCalls.Unary(invoker, Hours, "ListHourEntries", RawCalls.Field(entryKey, RawCalls.InvalidUtf8)));
        Malformed(list, "entry_key");

        var request = NewClient(1);
        request.ContactDetails = null;
        var street = ContactDetails.Descriptor.FindFieldByName("street").FieldNumber;
        var contact = CreateClientRequest.Descriptor.FindFieldByName("contact_details").FieldNumber;
        var body = request.ToByteArray().Concat(RawCalls.Field(contact, RawCalls.Field(street, RawCalls.InvalidUtf8))).ToArray();
        var create = await Assert.ThrowsAsync<RpcException>(() => RawCalls.Unary(invoker, Clients, "CreateClient", body));
        Malformed(create, "contact_details.street");
        Assert.Empty((await (await _s.Clients(Callers.HaStadse)).ListClientsAsync(new() { Bsn = request.Bsn })).Clients);
    }

    /// <summary>An import message whose entry holds an activity note that is not UTF-8.</summary>
    private static byte[] WithUnreadableNote(HourEntryInput entry)
    {
        var note = HourEntryInput.Descriptor.FindFieldByName("activity_note").FieldNumber;
        var copy = entry.Clone();
        copy.ActivityNote = "";
        return RawCalls.Field(1, copy.ToByteArray().Concat(RawCalls.Field(note, RawCalls.InvalidUtf8)).ToArray());
    }

    [Fact]
    public async Task An_unreadable_entry_in_an_import_is_rejected_on_its_own_and_the_rest_is_stored()
    {
        hosts.RequireAvailable();
        var (arrangement, _) = await _s.ActiveExecutedBy(1);
        var entries = Enumerable.Range(0, 6).Select(i => HourScenario.Entry(arrangement, day: 1 + i, minutes: 30)).ToList();
        var messages = entries.Select(e => new ImportHourEntriesRequest { Entry = e }.ToByteArray()).ToList();
        messages[2] = WithUnreadableNote(entries[2]);
        messages[4] = RawCalls.Garbage;
        var invoker = await hosts.InvokerFor(Callers.OaDeLinde);
        using var call = invoker.AsyncClientStreamingCall(RawCalls.Method(MethodType.ClientStreaming, Hours, "ImportHourEntries"), null, new CallOptions());
        foreach (var m in messages)
        {
            await call.RequestStream.WriteAsync(m);
        }
        await call.RequestStream.CompleteAsync();
        var response = ImportHourEntriesResponse.Parser.ParseFrom(await call.ResponseAsync);

        Assert.Equal((6, 4, 2), (response.ReceivedCount, response.CreatedCount, response.RejectedCount));
        var rejections = response.Rejections.OrderBy(r => r.Index).ToList();
        Assert.Equal([2, 4], rejections.Select(r => r.Index));
        Assert.All(rejections, r => Assert.Equal(HourEntryRejectionReason.InvalidField, r.Reason));
        Assert.Equal("activity_note", rejections[0].Field);
        Assert.Equal("entry", rejections[1].Field);
        var stored = (await (await _s.Hours(Callers.OaDeLinde)).All(arrangement.Id)).Select(e => e.EntryKey).Order().ToList();
        Assert.Equal(new[] { 0, 1, 3, 5 }.Select(i => entries[i].EntryKey).Order(), stored);
    }

    [Fact]
    public async Task An_entry_key_that_cannot_be_stored_is_rejected_and_not_echoed()
    {
        hosts.RequireAvailable();
        var (arrangement, _) = await _s.ActiveExecutedBy(1);
        var delinde = await _s.Hours(Callers.OaDeLinde);

        // A NUL in a streamed key: PostgreSQL refuses it inside any query, so it must be judged before a look-up.
        var entries = Enumerable.Range(0, 3).Select(i => HourScenario.Entry(arrangement, day: 10 + i, minutes: 30)).ToList();
        entries[1].EntryKey = "sleutel\0met-nul";
        using (var call = delinde.ImportHourEntries())
        {
            foreach (var entry in entries)
            {
                await call.RequestStream.WriteAsync(new ImportHourEntriesRequest { Entry = entry });
            }
            await call.RequestStream.CompleteAsync();
            var response = await call;
            Assert.Equal((3, 2, 1), (response.ReceivedCount, response.CreatedCount, response.RejectedCount));
            var rejection = Assert.Single(response.Rejections);
            Assert.Equal((1, "entry_key", ""), (rejection.Index, rejection.Field, rejection.EntryKey));
        }

        // A key of 100,000 characters: refused by its index, the key itself not sent back (it would not fit the trailers).
        var longKey = HourScenario.Entry(arrangement, day: 20, minutes: 30);
        longKey.EntryKey = new string('x', 100_000);
        var e = await Assert.ThrowsAsync<RpcException>(async () => await delinde.BatchCreateHourEntriesAsync(new() { Entries = { longKey } }));
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        var refused = Assert.Single(e.GetRpcStatus()!.GetDetail<HourEntryRejections>().Rejections);
        Assert.Equal((0, "entry_key", ""), (refused.Index, refused.Field, refused.EntryKey));
    }

    [Fact]
    public async Task The_import_with_results_rejects_an_unreadable_entry_by_its_position()
    {
        hosts.RequireAvailable();
        var (arrangement, _) = await _s.ActiveExecutedBy(1);
        var entries = Enumerable.Range(0, 3).Select(i => HourScenario.Entry(arrangement, day: 10 + i, minutes: 30)).ToList();
        var invoker = await hosts.InvokerFor(Callers.OaDeLinde);
        using var call = invoker.AsyncDuplexStreamingCall(RawCalls.Method(MethodType.DuplexStreaming, Hours, "ImportHourEntriesWithResults"), null, new CallOptions());
        await call.RequestStream.WriteAsync(new ImportHourEntriesRequest { Entry = entries[0] }.ToByteArray());
        await call.RequestStream.WriteAsync(WithUnreadableNote(entries[1]));
        await call.RequestStream.WriteAsync(new ImportHourEntriesRequest { Entry = entries[2] }.ToByteArray());
        await call.RequestStream.CompleteAsync();
        var results = new List<ImportHourEntriesResult>();
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            results.Add(ImportHourEntriesResult.Parser.ParseFrom(call.ResponseStream.Current));
        }
        var chunk = Assert.Single(results, r => r.ResultCase == ImportHourEntriesResult.ResultOneofCase.Chunk).Chunk;
        Assert.Equal([0, 2], chunk.Accepted.Select(a => a.Index));
        var rejection = Assert.Single(chunk.Rejections);
        Assert.Equal((1, "activity_note"), (rejection.Index, rejection.Field));
        Assert.Equal((3, 2, 1), (results[^1].Summary.ReceivedCount, results[^1].Summary.CreatedCount, results[^1].Summary.RejectedCount));
    }

    [Fact]
    public async Task A_budget_adjustment_of_the_smallest_int64_is_out_of_range()
    {
        hosts.RequireAvailable();
        var gemeente = new BudgetService.BudgetServiceClient(await hosts.InvokerFor(Callers.Gemeente));
        var violations = await RpcAssert.InvalidFields(async () => await gemeente.CreateBudgetAdjustmentAsync(new()
        {
            RequestId = $"test-{Guid.NewGuid():N}", AreaId = 1, Year = 2027, AmountCents = long.MinValue,
            Reason = BudgetAdjustmentReason.Ageing, Description = "Vergrijzing in de wijk",
        }), "amount_cents");
        Assert.Equal("OUT_OF_RANGE", violations[0].Reason);
    }

    [Fact]
    public async Task Oversized_lists_are_refused_naming_the_list_and_its_maximum()
    {
        hosts.RequireAvailable();
        var hours = await _s.Hours(Callers.HaStadse);
        var ids = Enumerable.Range(0, 100_000).Select(_ => Guid.NewGuid().ToString()).ToList();
        var approve = await RpcAssert.InvalidFields(async () => await hours.ApproveHourEntriesAsync(new() { HourEntryIds = { ids } }), "hour_entry_ids");
        Assert.Equal("OUT_OF_RANGE", approve[0].Reason);
        var reject = await RpcAssert.Fails(StatusCode.InvalidArgument, async () => await hours.RejectHourEntriesAsync(new() { HourEntryIds = { ids }, Reason = "Niet geleverd" }));
        Assert.Equal("1000", Info(reject).Metadata["hour_entry_ids.max"]);

        var subcontracts = await _s.Subcontracts(Callers.HaStadse);
        var proposal = Scenario.Proposal(Callers.HaStadse);
        proposal.AreaIds.Add(Enumerable.Repeat(1, 100_000));
        proposal.Rates.Add(Enumerable.Range(0, 1_001).Select(_ => proposal.Rates[0].Clone()));
        var before = await SubcontractCount(subcontracts);
        var e = await RpcAssert.Fails(StatusCode.InvalidArgument, async () => await subcontracts.CreateSubcontractAsync(proposal));
        var info = Reason(e, "FIELD_VIOLATIONS");
        Assert.Equal(("4", "20"), (info.Metadata["area_ids.max"], info.Metadata["rates.max"]));
        Assert.Equal(before, await SubcontractCount(subcontracts));
    }

    private static async Task<int> SubcontractCount(SubcontractService.SubcontractServiceClient client)
    {
        var (count, token) = (0, "");
        do
        {
            var page = await client.ListSubcontractsAsync(new() { PageSize = 100, PageToken = token });
            count += page.Subcontracts.Count;
            token = page.NextPageToken;
        }
        while (token != "");
        return count;
    }

    [Fact]
    public async Task Filters_out_of_range_are_refused_not_ignored()
    {
        hosts.RequireAvailable();
        var hours = await _s.Hours(Callers.HaStadse);
        var status = await RpcAssert.InvalidFields(async () => await hours.ListHourEntriesAsync(new() { Status = (HourEntryStatus)999 }), "status");
        Assert.Equal("OUT_OF_RANGE", status[0].Reason);
        await RpcAssert.InvalidFields(async () => await hours.ListHourEntriesAsync(new() { AreaId = -1, Product = (Product)999 }), "area_id", "product");
        var reports = new ReportingService.ReportingServiceClient(await hosts.InvokerFor(Callers.HaStadse));
        await RpcAssert.InvalidFields(async () => await reports.ListProductVolumesAsync(new() { AreaId = 1, Year = -2027 }), "year");
        var clients = await _s.Clients(Callers.HaStadse);
        await RpcAssert.InvalidFields(async () => await clients.ListClientsAsync(new() { PageSize = -5 }), "page_size");
    }

    [Fact]
    public async Task Control_characters_are_refused_and_blank_contact_details_count_as_empty()
    {
        hosts.RequireAvailable();
        var clients = await _s.Clients(Callers.HaStadse);
        var nul = NewClient(1);
        nul.ContactDetails.HouseNumber = "\0";
        nul.Surname = "Molen\u001b[31m";
        var violations = await RpcAssert.InvalidFields(async () => await clients.CreateClientAsync(nul), "contact_details.house_number", "surname");
        Assert.All(violations, v => Assert.Equal("CONTROL_CHARACTERS", v.Reason));

        var blank = NewClient(1);
        blank.ContactDetails.PhoneNumber = "   ";
        blank.ContactDetails.Email = " \u200B ";
        blank.ContactDetails.HouseNumber = " ";
        var created = (await clients.CreateClientAsync(blank)).Client;
        Assert.Equal(("", "", ""), (created.ContactDetails.PhoneNumber, created.ContactDetails.Email, created.ContactDetails.HouseNumber));
        var whitespaceName = NewClient(1);
        whitespaceName.Surname = "\u200B \u00A0";
        await RpcAssert.InvalidFields(async () => await clients.CreateClientAsync(whitespaceName), "surname");
    }

    [Fact]
    public async Task Free_text_keeps_its_line_breaks_but_a_single_line_field_does_not()
    {
        hosts.RequireAvailable();
        var referral = NewReferral((await _s.Client(Callers.Wij)).Id);
        referral.Note = "Eerste regel\nTweede regel\tmet tab";
        referral.WijTeam = "WIJ\nOude Wijken";
        await RpcAssert.InvalidFields(async () => await (await _s.Clients(Callers.Wij)).CreateReferralAsync(referral), "wij_team");
        referral.WijTeam = "WIJ Oude Wijken";
        var created = (await (await _s.Clients(Callers.Wij)).CreateReferralAsync(referral)).Referral;
        Assert.Equal("Eerste regel\nTweede regel\tmet tab", created.Note);
    }

    [Fact]
    public async Task A_pgb_csv_with_a_nul_byte_is_refused_and_stores_nothing()
    {
        hosts.RequireAvailable();
        var gemeente = new BudgetService.BudgetServiceClient(await hosts.InvokerFor(Callers.Gemeente));
        var year = 2040 + Random.Shared.Next(50);
        var csv = $"area_id,year,month,client_count\n3,{year},1,4\0\n";
        await RpcAssert.Fails(StatusCode.InvalidArgument, async () =>
            await gemeente.ImportPgbCsvAsync(new() { Kind = PgbCsvKind.MonthlyCounts, Csv = ByteString.CopyFromUtf8(csv) }));
        var pgb = await gemeente.GetPgbYearAsync(new() { AreaId = 3, Year = year });
        Assert.Empty(pgb.PgbYear.MonthlyCounts);
    }

    [Fact]
    public async Task A_cancelled_import_stores_nothing_it_had_not_acknowledged()
    {
        hosts.RequireAvailable();
        var (arrangement, _) = await _s.ActiveExecutedBy(1);
        var entries = Enumerable.Range(0, 1_500).Select(i => HourScenario.Entry(arrangement, month: 3 + i % 9, day: 1 + i % 28, minutes: 5)).ToList();
        var delinde = await _s.Hours(Callers.OaDeLinde);
        using var cancel = new CancellationTokenSource();
        using var call = delinde.ImportHourEntriesWithResults(cancellationToken: cancel.Token);
        foreach (var e in entries.Take(1_000))
        {
            await call.RequestStream.WriteAsync(new ImportHourEntriesRequest { Entry = e });
        }
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(1_000, call.ResponseStream.Current.Chunk.Accepted.Count);
        foreach (var e in entries.Skip(1_000))
        {
            await call.RequestStream.WriteAsync(new ImportHourEntriesRequest { Entry = e });
        }
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        // The server notices the cancellation on its next read and stores nothing more; give it the time to have done wrong.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var stored = await delinde.All(arrangement.Id);
        Assert.Equal(entries.Take(1_000).Select(e => e.EntryKey).Order(), stored.Select(e => e.EntryKey).Order());

        // Re-sending everything is safe: what was stored is recognised, the rest is stored once.
        using var again = delinde.ImportHourEntries();
        foreach (var e in entries)
        {
            await again.RequestStream.WriteAsync(new ImportHourEntriesRequest { Entry = e });
        }
        await again.RequestStream.CompleteAsync();
        var summary = await again.ResponseAsync;
        Assert.Equal((1_000, 500), (summary.ExistingCount, summary.CreatedCount));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteRobustnessTests(SqliteHosts hosts) : RobustnessTests(hosts);

[Collection(PostgresCollection.Name)]
public sealed class PostgresRobustnessTests(PostgresHosts hosts) : RobustnessTests(hosts);
