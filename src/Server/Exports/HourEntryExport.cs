using System.Runtime.CompilerServices;
using GonPortal.Domain.Hours;
using GonPortal.Domain.Reference;
using GonPortal.Domain.Validation;
using GonPortal.Exports;
using GonPortal.Server.Audit;
using GonPortal.Server.Clients;
using GonPortal.Server.Data;
using GonPortal.Server.Hours;
using GonPortal.Server.Tenancy;

namespace GonPortal.Server.Exports;

/// <summary>
/// Uurregels (hour entries) as ListHourEntries shows them to the caller: same filters and order, with the reporting
/// provider's and the client's names, and the audit entries per chunk that the list writes per page. Hours (unit
/// "Uur", stored in minutes) are a number of hours; dagdelen and etmalen a count.
/// </summary>
internal static class HourEntryExport
{
    public sealed record Row(HourEntry Entry, string ReporterName, string ClientName);

    public static async Task<IExportSource> OpenAsync(HttpContext http, Violations v, CancellationToken ct)
    {
        var query = await ExportRequestMapping.HourEntriesAsync(http, v, ct);
        var services = http.RequestServices;
        return new ExportSource<Row>(Columns, Rows(query, services.GetRequiredService<GonDbContext>(), services.GetRequiredService<CrossTenantAccess>(),
            services.GetRequiredService<ClientAccessLog>(), ct));
    }

    private static readonly IReadOnlyList<ExportColumn<Row>> Columns =
    [
        new("Uurregel-id", ExportKind.Text, r => r.Entry.Id.ToString()),
        new("Sleutel", ExportKind.Text, r => r.Entry.EntryKey),
        new("Datum", ExportKind.Date, r => r.Entry.ServiceDate),
        new("Cliënt", ExportKind.Text, r => r.ClientName),
        new("Cliënt-id", ExportKind.Text, r => r.Entry.ClientId.ToString()),
        new("Gebied", ExportKind.Integer, r => r.Entry.AreaId),
        new("Product", ExportKind.Text, r => Products.All.Single(p => p.Product == r.Entry.Product).Name),
        new("Eenheid", ExportKind.Text, r => Products.Units.Single(u => u.Unit == r.Entry.Unit).Name),
        new("Uren", ExportKind.Hours, r => r.Entry.Unit == Unit.Hour ? r.Entry.Quantity : null),
        new("Aantal", ExportKind.Integer, r => r.Entry.Unit == Unit.Hour ? null : r.Entry.Quantity),
        new("Status", ExportKind.Text, r => StatusName(r.Entry.Status)),
        new("Gemeld door", ExportKind.Text, r => r.ReporterName),
        new("Ingediend op", ExportKind.DateTime, r => r.Entry.SubmittedAt),
        new("Beoordeeld op", ExportKind.DateTime, r => r.Entry.ReviewedAt),
        new("Toelichting", ExportKind.Text, r => r.Entry.ActivityNote),
        new("Arrangement-id", ExportKind.Text, r => r.Entry.ArrangementId.ToString()),
        new("Onderaanneming-id", ExportKind.Text, r => r.Entry.SubcontractId?.ToString()),
        new("Corrigeert uurregel-id", ExportKind.Text, r => r.Entry.ReversesEntryId?.ToString()),
    ];

    private static string StatusName(HourEntryStatus status) => status switch
    {
        HourEntryStatus.Submitted => "Ingediend",
        HourEntryStatus.Approved => "Goedgekeurd",
        HourEntryStatus.Rejected => "Afgekeurd",
        _ => "",
    };

    private static async IAsyncEnumerable<Row> Rows(IQueryable<HourEntry> query, GonDbContext db, CrossTenantAccess crossTenant, ClientAccessLog log,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var names = new Dictionary<Guid, string>();
        await foreach (var chunk in ExportChunks.ReadAsync(query, ct))
        {
            var missing = chunk.Select(e => e.ReportedByProviderId).Where(id => !names.ContainsKey(id)).Distinct().ToList();
            if (missing.Count > 0)
            {
                foreach (var (id, name) in await db.ProviderNamesAsync(missing, ct))
                {
                    names[id] = name;
                }
            }
            // the gemeente's read was audited when the export opened (as ListHourEntries' ToProto reads its clients)
            var clientIds = chunk.Select(e => e.ClientId).Distinct().ToList();
            var clients = await crossTenant.ClientNamesAsync(clientIds, ct);
            await log.ReadAsync(HourEntryAudit.Resource, clientIds, ct);
            foreach (var entry in chunk)
            {
                yield return new Row(entry, names.GetValueOrDefault(entry.ReportedByProviderId, ""), clients.GetValueOrDefault(entry.ClientId, ""));
            }
        }
    }
}
