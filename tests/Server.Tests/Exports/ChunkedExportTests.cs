using GonPortal.Contracts.V1;
using GonPortal.Server.Exports;
using GonPortal.Server.Tests.AccessMatrix;
using GonPortal.Server.Tests.Hours;
using GonPortal.Server.Tests.Infrastructure;
using static GonPortal.Server.Tests.Exports.ExportHttp;

namespace GonPortal.Server.Tests.Exports;

/// <summary>
/// An export larger than one chunk (1,200 hour entries; chunks of 1,000) is the list's full paging: the same rows in
/// the same order, none twice, for the list's own order and for order_by fields with many equal keys, so the keyset
/// cursor has to continue on the id inside a run of equal values.
/// </summary>
public abstract class ChunkedExportTests(GonHosts hosts)
{
    private const int Entries = 1_200;
    private readonly Scenario _s = new(hosts);

    private async Task<SupportArrangement> ArrangementWithManyEntries()
    {
        Assert.True(Entries > ExportChunks.Size, "the export must span more than one chunk");
        var (arrangement, _) = await _s.ActiveExecutedBy(2);
        var delinde = await _s.Hours(Callers.OaDeLinde);
        for (var batch = 0; batch < 2; batch++)
        {
            var request = new BatchCreateHourEntriesRequest();
            for (var i = batch * Entries / 2; i < (batch + 1) * Entries / 2; i++)
            {
                // 150 dates and four quantities: every sort key repeats many times
                request.Entries.Add(HourScenario.Entry(arrangement, month: 4 + i % 5, day: 1 + i % 28, minutes: 15 * (1 + i % 4)));
            }
            await delinde.BatchCreateHourEntriesAsync(request);
        }
        return arrangement;
    }

    private async Task<List<string>> ListedIds(string arrangementId, string orderBy)
    {
        var hours = await _s.Hours(Callers.HaStadse);
        var ids = new List<string>();
        var token = "";
        do
        {
            var page = await hours.ListHourEntriesAsync(new() { ArrangementId = arrangementId, OrderBy = orderBy, PageSize = 500, PageToken = token });
            ids.AddRange(page.HourEntries.Select(e => e.Id));
            token = page.NextPageToken;
        }
        while (token != "");
        return ids;
    }

    [Fact]
    public async Task A_multi_chunk_export_equals_the_lists_full_paging_in_several_orders()
    {
        hosts.RequireAvailable();
        var arrangement = await ArrangementWithManyEntries();
        foreach (var orderBy in new[] { "", "quantity", "service_date", "submitted_at desc", "client_name desc", "reported_by", "status desc" })
        {
            var listed = await ListedIds(arrangement.Id, orderBy);
            Assert.Equal(Entries, listed.Count);
            var query = $"/api/v1/exports/hour-entries?arrangement_id={arrangement.Id}" + (orderBy == "" ? "" : $"&order_by={Uri.EscapeDataString(orderBy)}");
            var exported = (await CsvAsync(await GetAsync(hosts, Callers.HaStadse, query))).Select(r => r["Uurregel-id"]).ToList();
            Assert.Equal(Entries, exported.Distinct().Count());
            Assert.Equal(listed, exported);
        }

        var (headers, rows, workbook) = await XlsxAsync(await GetAsync(hosts, Callers.HaStadse,
            $"/api/v1/exports/hour-entries?format=xlsx&arrangement_id={arrangement.Id}&order_by=quantity%20desc"));
        using (workbook)
        {
            Assert.Equal(await ListedIds(arrangement.Id, "quantity desc"), rows.Select(r => Cell(headers, r, "Uurregel-id").GetString()));
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteChunkedExportTests(SqliteHosts hosts) : ChunkedExportTests(hosts);

[Collection(PostgresCollection.Name)]
public sealed class PostgresChunkedExportTests(PostgresHosts hosts) : ChunkedExportTests(hosts);
