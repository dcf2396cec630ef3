using System.Diagnostics;
using System.Net.Http.Headers;
using GonPortal.Server.Tests.AccessMatrix;
using GonPortal.Server.Tests.Hours;
using GonPortal.Server.Tests.Infrastructure;
using Npgsql;

namespace GonPortal.Server.Tests.Exports;

/// <summary>
/// A 200,000-row export on PostgreSQL arrives whole and as a stream: the response has no length up front and comes in
/// many pieces while the Server reads the table chunk by chunk. (Its memory is measured by bench/ExportBench in a
/// separate process, docs/benchmarks.md; a test asserts no timings.) The rows are put straight into the table in SQL,
/// rejected and dated 2019 on an arrangement of their own, so no other test's figures see them.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class LargeExportTests(PostgresHosts hosts, ITestOutputHelper output)
{
    private const int RowCount = 200_000;

    [Fact]
    public async Task A_200000_row_hour_export_arrives_complete_and_in_pieces()
    {
        hosts.RequireAvailable();
        var (arrangement, _) = await new Scenario(hosts).ActiveExecutedBy(4);
        await using (var db = NpgsqlDataSource.Create(hosts.ServerDatabase.ConnectionString))
        await using (var insert = db.CreateCommand("""
            INSERT INTO "HourEntries" ("Id", "EntryKey", "ArrangementId", "ClientId", "AreaId", "TenantId", "ServiceDate",
                "Product", "Unit", "Quantity", "ActivityNote", "ReportedByProviderId", "SubcontractId", "ReversesEntryId",
                "Status", "SubmittedAt", "SubmittedBy", "ReviewedAt", "ReviewedBy", "ReviewNote")
            SELECT gen_random_uuid(), 'groot-' || g, a."Id", a."ClientId", a."AreaId", a."TenantId", make_date(2019, 1, 1) + (g % 365)::int,
                1, 1, 15 + (g % 4)::int * 15, 'Regel ' || g || '; met puntkomma', a."TenantId", NULL, NULL,
                3, now(), 'test', now(), 'test', 'proef'
            FROM generate_series(1, $2) AS g, "Arrangements" a WHERE a."Id" = $1
            """))
        {
            insert.Parameters.Add(new() { Value = Guid.Parse(arrangement.Id) });
            insert.Parameters.Add(new() { Value = RowCount });
            insert.CommandTimeout = 0;
            Assert.Equal(RowCount, await insert.ExecuteNonQueryAsync());
        }

        using var http = new HttpClient { BaseAddress = hosts.ServerHttpUrl, Timeout = TimeSpan.FromMinutes(15) };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/exports/hour-entries?format=csv&arrangement_id={arrangement.Id}&status=REJECTED");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await hosts.TokenFor(Callers.HaZuid));
        var watch = Stopwatch.StartNew();
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Null(response.Content.Headers.ContentLength);
        Assert.True(response.Headers.TransferEncodingChunked);

        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64 * 1024];
        long lines = 0, bytes = 0;
        var pieces = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            pieces++;
            bytes += read;
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }
        output.WriteLine($"{RowCount:N0} rows: {bytes / 1024 / 1024} MB in {pieces} reads, {watch.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(RowCount + 1, lines); // the header and every row, each ending in CRLF
        Assert.True(pieces > 100, $"the file came in {pieces} pieces");
    }
}
